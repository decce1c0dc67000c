"""AR111 except-star-syntax: an except* clause in a module that older interpreters must compile."""
import asyncio


async def main():
    try:
        raise ExceptionGroup("failures", [ValueError("boom")])
    except* ValueError as group:
        print("caught:", [repr(e) for e in group.exceptions])


asyncio.run(main())
