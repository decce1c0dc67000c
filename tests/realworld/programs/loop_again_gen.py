"""Load a config, then start workers from a helper that looks the loop up again (2015)."""
import asyncio


@asyncio.coroutine
def fetch_config():
    yield from asyncio.sleep(0.01)
    return {"workers": 3}


@asyncio.coroutine
def run_worker(n):
    yield from asyncio.sleep(0.01 * (3 - n))
    return "worker {} ok".format(n)


def start_workers(config):
    loop = asyncio.get_event_loop()  # the same loop the __main__ block set up
    jobs = asyncio.gather(*[run_worker(n) for n in range(config["workers"])])
    for line in loop.run_until_complete(jobs):
        print(line)


if __name__ == "__main__":
    loop = asyncio.get_event_loop()
    config = loop.run_until_complete(fetch_config())
    print("config:", config)
    start_workers(config)
    loop.close()
