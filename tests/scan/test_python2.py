"""Reading Python 2 lines as Python 3: each rule rewrites its construct in
place (same length), and only on the lines the parser stops on."""

import ast
import sys

import pytest

from asyncio_rosetta.scan import python2 as _python2

RULES = [
    ('print "x"\n', 'print;"x"\n', "print statement"),
    ('if x: print "a" % y, z,  # print "b"\n', 'if x: print;"a" % y, z,  # print "b"\n', "print statement"),
    ("print \\\n", "print;\\\n", "print statement"),
    ('exec code in ns\n', 'exec;code in ns\n', "exec statement"),
    ("except (A, B), e:\n", "except (A, B)   :\n", "except clause (except E, e:)"),
    ('raise E, "a, b", tb\n', 'raise E; "a, b", tb\n', "raise statement (raise E, msg)"),
    ("x = `y` + `z`\n", "x = (y) + (z)\n", "backquotes (`x`)"),
    ("if a <> b: pass\n", "if a != b: pass\n", "<> operator"),
    ("x = 10L + 0xFFl\n", "x = 10  + 0xFF \n", "long integer (10L)"),
    ("x = 0777 + 00644\n", "x =  777 +   644\n", "octal integer (0777)"),
    ("x = ur'x' + UR\"x\"\n", "x =  r'x' +  R\"x\"\n", "ur string prefix"),
]


@pytest.mark.parametrize("line, rewritten, said", RULES, ids=[rule[2] for rule in RULES])
def test_each_rule_rewrites_its_line_in_place(line, rewritten, said):
    assert _python2.repair(line) == (rewritten, [said])
    assert len(rewritten) == len(line)
    source = line + ("    'continued'\n" if line.endswith("\\\n") else "")
    if line.startswith("except"):
        source = "try:\n    pass\n" + line + "    pass\n"
    if not (line.startswith("except") and sys.version_info >= (3, 14)):  # PEP 758: except A, B:
        with pytest.raises(SyntaxError):
            ast.parse(source)
    ast.parse(source.replace(line, rewritten))


def test_rules_apply_together_in_one_pass():
    assert _python2.repair('print `x` <> 0777L\n') == (
        'print;(x) !=  777 \n', ["print statement", "backquotes (`x`)", "<> operator", "long integer (10L)",
                                 "octal integer (0777)"])


@pytest.mark.parametrize("line", [
    's = "print \'x\' <> `y` 0777 10L"  # except E, e: raise E, "m"\n',
    "print >>f, x\n", "print (x)\n", "print in names\n", "x = 00 + 0.5 + 07.5 + 0e1 + 1_000 + 0x1F\n",
    'x = u"u" + r"r" + f(u, r)\n', "except (A, B) as e:\n",
])
def test_strings_comments_and_python_3_are_left_alone(line):
    assert _python2.repair(line) == (line, [])


def test_only_the_lines_the_parser_stops_on_are_rewritten():
    """A print statement inside a docstring is text: the parser never stops there."""
    source = 'import asyncio\n"""\nprint "in a docstring"\n"""\nprint "x"\nx = 0777\n'
    tree, notes = _python2.read_as_python3(source, ast.parse)
    assert notes == [(5, "Python 2 print statement"), (6, "Python 2 octal integer (0777)")]
    assert ast.literal_eval(tree.body[1].value) == '\nprint "in a docstring"\n'


def test_a_line_no_rule_changes_raises_the_error_it_first_had():
    source = 'print "x"\ndef f(a, (b, c)):\n    pass\n'
    with pytest.raises(SyntaxError) as caught:
        _python2.read_as_python3(source, ast.parse)
    with pytest.raises(SyntaxError) as plain:
        ast.parse('print;"x"\ndef f(a, (b, c)):\n    pass\n')
    assert (caught.value.lineno, caught.value.msg) == (2, plain.value.msg)


def test_a_rewritten_line_that_still_fails_raises_its_first_error():
    """print "x" (: is rewritten, then fails again on the same line: the error
    is the one that line had before it was rewritten."""
    with pytest.raises(SyntaxError) as caught:
        _python2.read_as_python3('import os\nprint "x" (:\n', ast.parse)
    with pytest.raises(SyntaxError) as plain:
        ast.parse('import os\nprint "x" (:\n')
    assert (caught.value.lineno, caught.value.msg) == (2, plain.value.msg)


def test_retries_are_bounded():
    at_the_limit = 'print "x"\n' * 4
    tree, notes = _python2.read_as_python3(at_the_limit, ast.parse, limit=4)
    assert [line for line, _ in notes] == [1, 2, 3, 4]
    parses = []

    def counted(text):
        parses.append(text)
        return ast.parse(text)

    with pytest.raises(_python2.TooMuchPython2) as caught:
        _python2.read_as_python3(at_the_limit + 'print "y"\n', counted, limit=4)
    assert len(parses) == 5
    assert caught.value.lineno == 1
    assert caught.value.msg.startswith("more than 4 lines to read as Python 3; the first: Missing parentheses")
