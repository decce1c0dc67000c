"""AR302 get-event-loop-in-thread: asyncio.get_event_loop() in a thread that set no loop."""
import asyncio
import threading

errors = []


def worker():
    try:
        asyncio.get_event_loop()
    except RuntimeError as exc:
        errors.append(exc)


def main():
    thread = threading.Thread(target=worker)
    thread.start()
    thread.join()
    print("raised in the thread:", len(errors))
    raise errors[0]


main()
