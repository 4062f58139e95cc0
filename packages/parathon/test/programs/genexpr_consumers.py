import itertools
print(sum(x * x for x in range(10)), any(x > 5 for x in itertools.count()), all(x < 3 for x in [1, 2, 5, "never"]))
print(list(c for c in "abc"), tuple(i for i in range(3)), sorted(-i for i in range(4)), min(i % 3 for i in range(1, 9)), max(len(w) for w in ["a", "bcd"]))
print(set(i % 2 for i in range(5)), frozenset(x for x in "aab"), "-".join(str(i) for i in range(4)), ",".join(w.upper() for w in "xy"))
def f():
    seen = []
    r = any((seen.append(x), x)[1] > 1 for x in range(10))
    return r, seen
print(f(), sum((i for i in range(5)), ) , sum(x for x in [0.1] * 10))
try:
    "".join(x for x in [1, 2])
except TypeError as e:
    print(e)
