"""Plain callbacks on timers (call_later, call_at, call_soon); the last one stops the loop."""
import asyncio


def ring(name, log):
    log.append(name)
    print("timer", name)


def main():
    loop = asyncio.get_event_loop()
    log = []
    start = loop.time()
    loop.call_later(0.1, ring, "third", log)
    loop.call_later(0.01, ring, "first", log)
    loop.call_at(start + 0.05, ring, "second", log)
    loop.call_at(start + 0.15, loop.stop)
    loop.call_soon(print, "soon")
    loop.run_forever()
    loop.close()
    print("order:", log)


if __name__ == "__main__":
    main()
