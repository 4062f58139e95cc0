a = [[0, 0], [0, 0]]
i = j = 1
a[0][1] = a[1][0] = 5
print(a, i, j)
class P:
    def __init__(self): self.x = 1
ps = [P(), P()]
ps[0].x += 10
ps[1].x *= 3
print([p.x for p in ps])
b = list(range(10))
del b[1:3]
del b[::3]
print(b)
x, y = 1, 2
x, y = y, x
print(x, y, True + 1, sum([True, False, True]), max({"a": 1, "z": 0}), divmod(-1, 3), pow(-2, 3))
print((-8) ** (1 / 3), (-2) ** 0.5, 2 ** -1, (-2) ** -2, 0 ** 0, 0.0 ** 0)
f = lambda *, k=3: k * 2
print(f(), f(k=5), (lambda a, /, b: a - b)(5, b=2))
if __debug__:
    print("debug on")
def g(*args, sep="-", **kw):
    return sep.join(map(str, args)) + str(sorted(kw.items()))
print(g(1, 2, 3), g(*"ab", sep="+", z=1, a=2), g(**{"sep": ":"}))
bases = (Exception,)
class MyErr(*bases):
    pass
print(issubclass(MyErr, Exception), [n for n in range(20) if n % 2 if n % 3], [[c for c in w] for w in ("ab", "c")])
s = "abcdefghij"
print(s[::3], s[-1:-5:-1], s[8:2:-2], s[100:], s[:-100], s[::-3])
nums = [3, 1, 4, 1, 5, 9, 2, 6]
print(sorted(set(nums)), nums.count(1), nums.index(5), min(nums), sum(nums) / len(nums), sorted(nums)[len(nums) // 2])
print(any([]), all([]), list(filter(str.isdigit, "a1b2")), "".join(map(chr, range(97, 100))), ord("a") + 1)
