"""AR401: Task.current_task()/all_tasks() -> asyncio.current_task()/all_tasks() (task_class_methods.py)."""


def test_class_methods_become_functions(ported, dedent):
    assert ported('''
        import asyncio

        async def main(loop):
            me = asyncio.Task.current_task()
            every = asyncio.Task.all_tasks(loop)
    ''', target=(3, 7)) == dedent('''
        import asyncio

        async def main(loop):
            me = asyncio.current_task()
            every = asyncio.all_tasks(loop)
    ''')


def test_imported_task_class(ported, dedent):
    assert ported('''
        import asyncio
        from asyncio import Task

        async def main():
            me = Task.current_task()
    ''', target=(3, 7)) == dedent('''
        import asyncio
        from asyncio import Task

        async def main():
            me = asyncio.current_task()
    ''')


def test_a_call_with_its_loop_is_rewritten_anywhere(ported, dedent):
    assert ported('''
        import asyncio

        me = asyncio.Task.current_task(loop=loop)
        every = asyncio.Task.all_tasks(loop)
    ''', target=(3, 7)) == dedent('''
        import asyncio

        me = asyncio.current_task(loop=loop)
        every = asyncio.all_tasks(loop)
    ''')


def test_in_a_helper_only_coroutines_call(ported, dedent):
    """log() runs only inside the loop: every use of it is a call in a coroutine."""
    assert ported('''
        import asyncio

        def log(message):
            print(asyncio.Task.current_task(), message)

        async def main():
            log("start")
    ''', target=(3, 7)) == dedent('''
        import asyncio

        def log(message):
            print(asyncio.current_task(), message)

        async def main():
            log("start")
    ''')


def test_no_op_where_no_loop_may_run(unchanged):
    """Without a running loop current_task() raises where Task.current_task() gave None: left for the scan
    (AR401 in port's to-do list). who() is called outside the loop too; the module body runs outside it."""
    unchanged('''
        import asyncio

        def who():
            return asyncio.Task.current_task()

        async def job():
            print(who())

        print(who(), asyncio.Task.all_tasks())
    ''', target=(3, 7))


def test_no_op_below_3_7(unchanged):
    # asyncio.current_task() and all_tasks() are 3.7+.
    unchanged('''
        import asyncio

        async def main():
            me = asyncio.Task.current_task()
    ''', target=(3, 6))


def test_no_op_other_classes(unchanged):
    unchanged('''
        import asyncio

        me = MyTask.current_task()
    ''', target=(3, 7))
