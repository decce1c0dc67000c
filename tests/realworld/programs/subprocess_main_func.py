"""Square numbers in child processes, concurrently, from a plain main() (2016)."""
import asyncio
import sys


async def square(n):
    proc = await asyncio.create_subprocess_exec(
        sys.executable, "-c", "print({0} * {0})".format(n), stdout=asyncio.subprocess.PIPE)
    out, _ = await proc.communicate()
    return int(out)


async def squares(numbers):
    return await asyncio.gather(*[square(n) for n in numbers])


def main():
    loop = asyncio.get_event_loop()
    results = loop.run_until_complete(squares([2, 3, 4]))
    print("squares:", results)
    loop.close()


if __name__ == "__main__":
    main()
