"""AR115 bare-await-lock: taking an asyncio.Lock by a bare 'yield from lock' or 'await lock', then release()."""
import asyncio
import types


class Account:
    def __init__(self):
        self.lock = asyncio.Lock()

    @types.coroutine
    def legacy_deposit(self):
        yield from self.lock
        try:
            print("yield from lock: locked:", self.lock.locked())
        finally:
            self.lock.release()

    async def deposit(self):
        await self.lock
        try:
            print("await lock: locked:", self.lock.locked())
        finally:
            self.lock.release()


async def legacy(account):
    await account.legacy_deposit()


async def main():
    account = Account()
    tasks = [asyncio.ensure_future(legacy(account)), asyncio.ensure_future(account.deposit())]
    await asyncio.wait(tasks)
    print("done, locked:", account.lock.locked())


def report(loop, context):
    error = context["exception"]
    print("loop:", context["message"], "{}: {}".format(type(error).__name__, error))


loop = asyncio.new_event_loop()
loop.set_exception_handler(report)
try:
    loop.run_until_complete(main())
finally:
    loop.close()
