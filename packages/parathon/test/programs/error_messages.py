tests = [
    "len()", "len(1, 2)", "int('12a')", "int(None)", "float('x1')", "[1, 2, 3][5]", "(1,)[3]", "'abc'[10]",
    "{'a': 1}['b']", "{}[(1, 2)]", "None + 1", "'a' * 'b'", "[] + ()", "1 / 0", "1 // 0", "1 % 0", "1.0 / 0",
    "abs('x')", "sum(['a'])", "max([])", "min()", "sorted([1, 'a'])", "object().x", "None.foo", "[].bar",
    "'x'.nope()", "int.bad", "import math; math.nope", "(lambda x: x)()", "(lambda: 1)(2)", "print(**{1: 2})",
    "next(iter([]))", "list(1)", "tuple(5)", "dict(1)", "set(1)", "iter(1)", "hash({})", "{[1]: 2}", "{{1}}",
    "chr(-1)", "ord('ab')", "x = [1]; x.remove(5)", "[].pop()", "{}.popitem()", "set().pop()", "'abc'.index('z')",
    "[1].index(9)", "(1, 2).index(9)", "int('1' * 5000)" if False else "pow(0, -1)", "divmod(1, 0)", "2 ** 10000.0",
    "round('x')", "range(1.5)", "range(0, 10, 0)", "'%d' % 'x'", "'%s %s' % (1,)", "'{} {}'.format(1)",
    "'{0}'.format()", "f = lambda: undefined_x; f()", "del undefined_y", "a, b = 1, 2, 3", "a, b, c = [1, 2]",
    "a, *b, c = [1]", "int('')", "float('')", "bool.x", "isinstance(1, 2)", "issubclass(1, int)", "getattr(1, 2)",
    "setattr(1, 'x', 2)", "class A: pass\nA(1)", "class A:\n  def __init__(self): pass\nA(1)",
    "class A:\n  def f(self): pass\nA().f(1)", "def f(a, *, b): pass\nf(1, 2)", "def f(a, b): pass\nf(1, a=2)",
    "def f(**k): pass\nf(1)", "import nonexistent_mod", "','.join([1])",
    "[1, 2] < [1, 'a']", "1 < 'a'", "-'a'", "~1.5", "not_defined += 1", "'abc'.split('')", "bytes('a')",
    "b'a' + 'b'", "'a' + b'b'", "[1][1:2:0]", "x = (1, 2); x[0] = 5", "'abc'[0] = 'x'", "frozenset().add(1)",
    "del [1][5]", "assert False", "assert 1 == 2, 'msg'", "raise ValueError", "raise 5",
    "raise TypeError('a', 1)", "import sys; sys.exit('message')", "int('9' * 20) + []",
]
for t in tests:
    try:
        exec(t, {})
        print("no error:", t)
    except BaseException as e:
        print(type(e).__name__ + ":", e)
