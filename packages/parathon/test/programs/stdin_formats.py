# stdin: "1 2 3\n\n4 5\n6\n"
import sys
total = 0
lines = []
for line in sys.stdin:
    line = line.strip()
    if not line:
        continue
    lines.append(line)
    total += sum(int(x) for x in line.split())
print(len(lines), total)
w, p = 10, 3
x = 3.14159265
print(f"{x:{w}.{p}f}|{x:<{w}}|{'c':>{w // 2}}|{42:#06x}|{-5:+}|{1234567.891:_.2f}|{0.00001:.2e}|{255:X}")
print("{:>{}}".format("r", 5), "{0:^{1}}".format("c", 7), "{:.{prec}f}".format(2.5, prec=3))
print(round(2.675, 2), round(0.5), round(1.5), round(-1.5), round(1e15 + 0.5), 1e16 + 1, 0.1 + 0.7, 3 * 0.1, 1.1 * 1.1)
print(f"{1e-7}", 1e-7, 1.5e-5, 123e-20, 1e22, 12345678901234567890.0, float(2**63), 2.5e-308, 5e-324, 1.7976931348623157e308)
print(str(2 ** 200)[:20], len(str(3 ** 1000)), int("-0"), -0.0, abs(-0.0), 0.0 * -1, divmod(-7.5, 2), -7.5 // 2, -7.5 % 2)
print(list(zip("abc", range(3), strict=True)))
try:
    list(zip("ab", range(3), strict=True))
except ValueError as e:
    print("ValueError:", e)
d1 = {"a": 1, "b": 2}
d2 = {"b": 3, "c": 4}
print(d1.keys() & d2.keys(), sorted(d1.keys() | d2.keys()), d1.keys() - d2.keys(), list(d1.items() & {("a", 1)}))
print({**d1, **d2}, d1 | d2, sorted(d1.items(), key=lambda kv: -kv[1]), dict(sorted(d2.items(), reverse=True)))
class Proxy:
    def __init__(self, target): self._target = target
    def __getattr__(self, name): return getattr(self._target, name)
p = Proxy([3, 1, 2])
p.sort()
print(p._target, p.count(1), p.index(3))
class Tree:
    def __init__(self, v, kids=()):
        self.v, self.kids = v, list(kids)
    def __iter__(self):
        yield self.v
        for k in self.kids:
            yield from k
t = Tree(1, [Tree(2, [Tree(4)]), Tree(3)])
print(list(t), sum(t), max(t), [v * 2 for v in t])
