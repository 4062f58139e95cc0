class Base:
    def __setattr__(self, name, value):
        if name.startswith("_"):
            raise AttributeError(f"private: {name}")
        super().__setattr__(name, value)
b = Base()
b.x = 5
try:
    b._y = 1
except AttributeError as e:
    print("AttributeError:", e)
print(b.x, vars(b))
class Seq:
    def __init__(self, n): self.n = n
    def __len__(self): return self.n
    def __getitem__(self, i):
        if isinstance(i, slice):
            return [self[j] for j in range(*i.indices(self.n))]
        if not 0 <= i < self.n:
            raise IndexError("out of range")
        return i * i
s = Seq(6)
print(list(s), s[1:5], s[::2], s[-3:] if False else s[3:], 9 in s, list(reversed(s)) if hasattr(s, "__reversed__") else list(reversed(range(6))))
class Num:
    def __init__(self, v): self.v = v
    def __index__(self): return self.v
print([10, 20, 30][Num(1)], bin(Num(5)), hex(Num(255)), range(Num(3)), "abc"[Num(2)])
d = {"x": 1}
try:
    for k in d:
        d["y"] = 2
except RuntimeError as e:
    print("RuntimeError:", e)
x = 5
def f():
    print(x)
    x = 6
try:
    f()
except UnboundLocalError as e:
    print("UnboundLocalError:", e)
print(f"{'s'!s:>4}|{3.0!r}|{[1,2]!s}", "%c%c" % (72, "i"), "%5.1f%%" % 99.5, "%#o %#x %#b" % (8, 255, 5) if False else "%#o %#x" % (8, 255))
a = [1, 2, 3]
a[1:2] = []
a[0:0] = [9, 8]
a[len(a):] = [7]
print(a, a[::-1][:2], [0] * 0, "ab" * 0, [[]] * 2)
import math
print(math.inf, -math.inf, math.nan, float("inf") > 10**308, 10**400 > math.inf if False else 1e308 * 10, int(1e20), int(-1.5e3))
print(sorted({3: "c", 1: "a"}.items()), list(map(lambda kv: kv[0], {"q": 1}.items())), {k: v for k, v in [("a", 1), ("a", 2)]})
print(type(exit).__name__ if False else "exit ok")
exit(0)
print("not reached")
