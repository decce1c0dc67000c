"""A coroutine's clean-up on cancel checked by throwing into it by hand, star-imported names (2016)."""
from asyncio import *


@coroutine
def guarded(work):
    try:
        result = yield from work()
    except CancelledError:
        print("cleaned up after cancel")
        raise
    return result


def test_guarded_cleans_up():
    loop = new_event_loop()
    future = Future(loop=loop)
    stepper = guarded(lambda: future)
    next(stepper)
    try:
        stepper.throw(CancelledError())
    except CancelledError:
        print("the cancel went through")
    loop.close()


@coroutine
def main():
    result = yield from guarded(lambda: sleep(0.01, result="done"))
    print("on the loop:", result)


if __name__ == "__main__":
    test_guarded_cleans_up()
    loop = get_event_loop()
    loop.run_until_complete(main())
    loop.close()
