"""AR401: Task.current_task()/all_tasks() -> asyncio.current_task()/all_tasks() (task_class_methods.py)."""


def test_class_methods_become_functions(ported, dedent):
    assert ported('''
        import asyncio

        me = asyncio.Task.current_task()
        every = asyncio.Task.all_tasks(loop)
    ''', target=(3, 7)) == dedent('''
        import asyncio

        me = asyncio.current_task()
        every = asyncio.all_tasks(loop)
    ''')


def test_imported_task_class(ported, dedent):
    assert ported('''
        import asyncio
        from asyncio import Task

        me = Task.current_task()
    ''', target=(3, 7)) == dedent('''
        import asyncio
        from asyncio import Task

        me = asyncio.current_task()
    ''')


def test_no_op_below_3_7(unchanged):
    # asyncio.current_task() and all_tasks() are 3.7+.
    unchanged('''
        import asyncio

        me = asyncio.Task.current_task()
    ''', target=(3, 6))


def test_no_op_other_classes(unchanged):
    unchanged('''
        import asyncio

        me = MyTask.current_task()
    ''', target=(3, 7))
