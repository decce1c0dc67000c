"""Deposits serialized by an asyncio.Lock: with (yield from lock) (2015)."""
import asyncio


@asyncio.coroutine
def deposit(account, lock, amount, loop):
    with (yield from lock):
        balance = account["balance"]
        yield from asyncio.sleep(0.01, loop=loop)
        account["balance"] = balance + amount


@asyncio.coroutine
def main(loop):
    lock = asyncio.Lock(loop=loop)
    account = {"balance": 0}
    yield from asyncio.gather(*[deposit(account, lock, n, loop) for n in range(1, 6)], loop=loop)
    print("balance", account["balance"])
    print("locked", lock.locked())


if __name__ == "__main__":
    loop = asyncio.get_event_loop()
    loop.run_until_complete(main(loop))
    loop.close()
