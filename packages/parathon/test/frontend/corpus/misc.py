# -*- coding: utf-8 -*-
if True:
	x = 1  # a tab-indented line
	if x:
		y = [
  1,
	2,
        ]
def f(a, /, b, *, c, **d): pass
def g(*, a=1, b): pass
def h(a, b=1, *args: *Ts, c: int = 3, **kw: str) -> None: ...
lambda: 0
lambda *a, **k: 0
lambda a, /, b=2, *, c: 0
@decorator
@d.e(f)
class C: pass
@x[0].y
async def co():
    async for a in b: pass
    async with c as (d, e), f: pass
    return [i async for i in aiter() if await i]
with (open(a) as b, open(c) as d,):
    pass
with (a, b):
    pass
with (yield):
    pass
try:
    pass
except* ValueError as eg:
    pass
except* (TypeError, KeyError):
    pass
x = y = z = 1
a[1:2, 3], a[...], a[:, None], a[*b]
del a, (b, c), [d]
x = *a, *b
for x, in y: pass
for (a, b), c in d: pass
print(*args, sep='', **kw)
f(a for a in b)
f((a for a in b), c)
global_var: "List[int]"
obj.attr: int = 0
(paren): int = 1
x = \
    1
def gen():
    x = yield
    y = yield from z
    yield a, b
    await_ = 1
nonlocal_ = 0
assert (x, y)
raise
import a.b.c as d
from ... import x
from .... import y
from . import (a)
print(not -x ** -y, ~a, +b, a @ b, a // b % c << d >> e & f ^ g | h)
print(a if b else c if d else e, [*a, *b], {**a, 'b': 1, **c}, {*a, 1})
if (n := 10) and (m := 2): pass
[y := f(x), y**2]
x = 1if y else 2
x = [1for _ in y]
def long_function_name(
        var_one, var_two, var_three,
        var_four):
    print(var_one)
class D(A, B, *mixins, metaclass=M, **opts):
    x: int
    def __init__(self): super().__init__()
