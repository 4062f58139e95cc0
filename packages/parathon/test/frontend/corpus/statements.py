import os, sys as s
from .a import (b, c as d,)
x = 1 + 2 * 3 ** -4
a, *b = [1, 2, 3]
def f(a, b=1, /, c=2, *args, d, e=3, **kw) -> int:
    """doc"""
    global g
    return a if b else c
class C(B, metaclass=M):
    @property
    def x(self): return self._x
for i in range(10):
    if i % 2 == 0: continue
    elif i: break
    else: pass
while x: x -= 1
else: y = 2
try:
    pass
except (A, B) as e:
    raise X from e
except C:
    pass
else:
    pass
finally:
    del a[0], b.c
with open(f) as g, h:
    yield x
lam = lambda x, *y, z=1, **k: (x, y)
print(f"a{b!r:>{w}} {c=}", 'x' "y", b'z', rb'\d', 0x1F, 1_000, 1.5e3, 3j, ..., None)
z = [i for i in x if i], {k: v for k, v in d.items()}, {i for i in s}, (g for g in h)
s[1:2, ::3], s[:], s[a:b:c]
assert x, "msg"
async def g():
    async with a as b:
        await c
    async for x in y: pass
q = (yield)
if (n := len(a)) > 10: pass
f(*a, **k, x=1)
x: int = 5
(y): int
c.d += 1
not a and b or c
a < b <= c != d is not e not in f
é = 'ü'; ü = é
