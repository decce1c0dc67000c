"""model/functions.py: which functions run as coroutines, through the module's call graph."""

import ast
import textwrap

from asyncio_rosetta.model.functions import Functions, function_keys
from asyncio_rosetta.model.names import Model


def _coroutines(source, **options):
    model = Model.parse(textwrap.dedent(source))
    legacy = lambda f: any(isinstance(d, ast.Attribute) and d.attr == "coroutine"  # noqa: E731
                           and getattr(d.value, "id", "") == "asyncio" for d in f.decorator_list)
    return sorted(f.name for f in Functions(model, legacy).coroutines(**options))


HELPERS = """\
import asyncio

def read_lines(reader):          # a helper: only coroutines delegate to it
    return (yield from reader.readline())

def backoff(n):                  # a helper of a helper
    yield from asyncio.sleep(n)

def retry(make):
    yield from backoff(1)
    return (yield from make())

def numbers():                   # data: it stays a generator
    yield 1

def unused():                    # used nowhere here: another module may iterate it
    yield from asyncio.sleep(0)

@asyncio.coroutine
def client(reader):
    lines = yield from read_lines(reader)
    return (yield from retry(lambda: reader.read()))

@asyncio.coroutine
def counts():
    yield from numbers()         # delegates to data: stays a generator

async def native():
    pass
"""


def test_helpers_follow_the_call_graph_and_data_generators_stay():
    assert _coroutines(HELPERS) == ["backoff", "client", "native", "read_lines", "retry"]


def test_a_use_other_than_yield_from_keeps_a_helper_a_generator():
    source = HELPERS + "everything = list(read_lines(None))\n"
    assert "read_lines" not in _coroutines(source) and "client" not in _coroutines(source)


def test_bare_yields_and_excluded_functions():
    source = "import asyncio\n@asyncio.coroutine\ndef tick():\n    yield\n@asyncio.coroutine\ndef step():\n    pass\n"
    assert _coroutines(source) == ["step", "tick"]
    assert _coroutines(source, bare_yields=False) == ["step"]
    assert _coroutines(source, excluded={"step"}) == ["tick"]


def test_a_decorated_generator_is_not_a_helper():
    source = "import asyncio, types\n@types.coroutine\ndef raw():\n    yield from asyncio.sleep(0)\n" \
             "@asyncio.coroutine\ndef user():\n    yield from raw()\n"
    assert _coroutines(source) == []  # raw stays a generator, so user does too


def test_function_keys_name_each_def_by_its_place():
    model = Model.parse("class C:\n    def f(self):\n        def g(): pass\n    def f(self): pass\ndef f(): pass\n")
    keys = sorted(function_keys(model).values())
    assert keys == [(("C", "f"), 0), (("C", "f"), 1), (("C", "f", "g"), 0), (("f",), 0)]
