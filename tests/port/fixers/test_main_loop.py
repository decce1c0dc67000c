"""AR301: get_event_loop() in the __main__ block -> new_event_loop() + set_event_loop() (main_loop.py)."""


def test_main_block_makes_its_loop(ported, dedent):
    assert ported('''
        import asyncio

        if __name__ == "__main__":
            loop = asyncio.get_event_loop()  # the loop
            loop.run_forever()
    ''', target=(3, 6)) == dedent('''
        import asyncio

        if __name__ == "__main__":
            loop = asyncio.new_event_loop()  # the loop
            asyncio.set_event_loop(loop)
            loop.run_forever()
    ''')


def test_no_op_after_set_event_loop(unchanged):
    # get_event_loop() returns the loop that was set: a new one would be another loop.
    unchanged('''
        import asyncio

        if __name__ == "__main__":
            asyncio.set_event_loop(make_loop())
            loop = asyncio.get_event_loop()
    ''')


def test_no_op_at_import_time(unchanged):
    unchanged('''
        import asyncio

        loop = asyncio.get_event_loop()
    ''')


def test_a_program_without_main_block_that_runs_its_loop(ported, dedent):
    assert ported('''
        import asyncio

        loop = asyncio.get_event_loop()
        try:
            loop.run_until_complete(work())
        finally:
            loop.close()
    ''', target=(3, 6)) == dedent('''
        import asyncio

        loop = asyncio.new_event_loop()
        asyncio.set_event_loop(loop)
        try:
            loop.run_until_complete(work())
        finally:
            loop.close()
    ''')


def test_the_first_lookup_is_in_the_main_function_that_runs_the_loop(ported, dedent):
    # Later lookups (in helper) return the loop set here, on every Python.
    assert ported('''
        import asyncio

        def helper():
            return asyncio.get_event_loop().time()

        def main():
            loop = asyncio.get_event_loop()
            loop.call_later(1, loop.stop)
            loop.run_forever()

        if __name__ == "__main__":
            main()
    ''', target=(3, 6)) == dedent('''
        import asyncio

        def helper():
            return asyncio.get_event_loop().time()

        def main():
            loop = asyncio.new_event_loop()
            asyncio.set_event_loop(loop)
            loop.call_later(1, loop.stop)
            loop.run_forever()

        if __name__ == "__main__":
            main()
    ''')


def test_with_closing_sets_the_loop_first_in_its_block(ported, dedent):
    assert ported('''
        import asyncio
        import contextlib

        if __name__ == "__main__":
            with contextlib.closing(asyncio.get_event_loop()) as loop:
                loop.run_until_complete(work())
    ''', target=(3, 6)) == dedent('''
        import asyncio
        import contextlib

        if __name__ == "__main__":
            with contextlib.closing(asyncio.new_event_loop()) as loop:
                asyncio.set_event_loop(loop)
                loop.run_until_complete(work())
    ''')


def test_with_closing_and_another_context_manager(ported, dedent):
    assert ported('''
        import asyncio
        import contextlib

        if __name__ == "__main__":
            with contextlib.closing(asyncio.get_event_loop()) as loop, make_pool() as pool:
                loop.run_until_complete(work(pool))
    ''', target=(3, 6)) == dedent('''
        import asyncio
        import contextlib

        if __name__ == "__main__":
            with contextlib.closing(asyncio.new_event_loop()) as loop, make_pool() as pool:
                asyncio.set_event_loop(loop)
                loop.run_until_complete(work(pool))
    ''')


def test_no_op_with_a_later_item_that_looks_the_loop_up(unchanged):
    # The later item would look up before set_event_loop runs: another loop.
    unchanged('''
        import asyncio
        import contextlib

        if __name__ == "__main__":
            with contextlib.closing(asyncio.get_event_loop()) as loop, watch(asyncio.get_event_loop()):
                loop.run_until_complete(work())
    ''')


def test_each_branch_of_an_if_has_its_first_lookup(ported, dedent):
    assert ported('''
        import asyncio
        import sys

        if __name__ == "__main__":
            if "-v" in sys.argv:
                loop = asyncio.get_event_loop()
                loop.set_debug(True)
            else:
                loop = asyncio.get_event_loop()
            loop.run_forever()
            other = asyncio.get_event_loop()
    ''', target=(3, 6)) == dedent('''
        import asyncio
        import sys

        if __name__ == "__main__":
            if "-v" in sys.argv:
                loop = asyncio.new_event_loop()
                asyncio.set_event_loop(loop)
                loop.set_debug(True)
            else:
                loop = asyncio.new_event_loop()
                asyncio.set_event_loop(loop)
            loop.run_forever()
            other = asyncio.get_event_loop()
    ''')


def test_no_op_when_a_helper_looks_the_loop_up_first(unchanged):
    # setup() makes the loop as a side effect; main()'s lookup then returns it: not a new one.
    unchanged('''
        import asyncio

        def setup():
            asyncio.get_event_loop().set_debug(True)

        def main():
            loop = asyncio.get_event_loop()
            loop.run_forever()

        if __name__ == "__main__":
            setup()
            main()
    ''')


def test_no_op_when_the_first_lookup_is_chained(unchanged):
    unchanged('''
        import asyncio

        if __name__ == "__main__":
            asyncio.get_event_loop().run_until_complete(work())
            loop = asyncio.get_event_loop()
            loop.close()
    ''')


def test_no_op_in_a_loop_or_a_function_that_does_not_run_it(unchanged):
    unchanged('''
        import asyncio

        def current():
            loop = asyncio.get_event_loop()
            return loop

        if __name__ == "__main__":
            for _ in range(2):
                loop = asyncio.get_event_loop()
            current()
    ''')


def test_star_imported_names_are_written_bare(ported, dedent):
    assert ported('''
        from asyncio import *

        loop = get_event_loop()
        loop.run_forever()
    ''', target=(3, 6)) == dedent('''
        from asyncio import *

        loop = new_event_loop()
        set_event_loop(loop)
        loop.run_forever()
    ''')


def test_from_imported_get_event_loop_gets_its_new_names_imported(ported, dedent):
    assert ported('''
        from asyncio import get_event_loop, sleep

        loop = get_event_loop()
        loop.run_until_complete(sleep(1))
    ''', target=(3, 6)) == dedent('''
        from asyncio import get_event_loop, sleep, new_event_loop, set_event_loop

        loop = new_event_loop()
        set_event_loop(loop)
        loop.run_until_complete(sleep(1))
    ''')


def test_no_op_when_the_module_binds_the_name_itself(unchanged):
    # new_event_loop is the module's own function: a bare call would not be asyncio's.
    unchanged('''
        from asyncio import *

        def new_event_loop():
            return None

        loop = get_event_loop()
        loop.run_forever()
    ''')
