"""AR107 async-as-identifier: async and await used as names (a variable of each)."""
# Each name is compiled as a module of its own: where both are keywords
# (3.7+), the first SyntaxError would hide what the second one does. The
# probe ends with that error only if the second one's reads the same.
errors = []
for name in ("async", "await"):
    source = "{0} = 'a name'\nprint('{0}:', {0})\n".format(name)
    try:
        code = compile(source, name + ".py", "exec")
    except SyntaxError as error:
        errors.append(error)
    else:
        exec(code, {})
if errors:
    if [error.msg for error in errors] != [errors[0].msg] * 2:
        raise RuntimeError("async and await differ: {}".format([error.msg for error in errors]))
    raise errors[0]
