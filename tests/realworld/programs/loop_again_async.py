"""Open connections, and close them in a cleanup helper that looks the loop up again."""
import asyncio

connections = []


async def open_connection(name):
    await asyncio.sleep(0.01)
    connections.append(name)


async def close_connection(name):
    await asyncio.sleep(0.01)
    return "closed " + name


def cleanup():
    loop = asyncio.get_event_loop()
    closing = asyncio.gather(*[close_connection(name) for name in sorted(connections)])
    for line in loop.run_until_complete(closing):
        print(line)


async def main():
    for name in ("db", "cache", "queue"):
        await open_connection(name)
    print("open:", connections)


if __name__ == "__main__":
    loop = asyncio.get_event_loop()
    try:
        loop.run_until_complete(main())
    finally:
        cleanup()
        loop.close()
