l = [3, 1, 4, 1, 5, 9, 2, 6]
l.sort()
print(l, l.index(4), l.count(1), l.pop(), l.pop(0), l)
l.insert(1, 10); l.remove(10); l.extend([7, 8]); l.reverse()
print(l, l[::-2], l[1:4], sorted(l, reverse=True), sorted(l, key=lambda x: -x))
l[1:3] = [0, 0, 0]; del l[0]; del l[::2]
print(l, [1, 2] * 2, [1] + [2], [[0] * 2 for _ in range(2)], list(range(10, 0, -3)))
t = (1, 2, 3)
print(t, t[1:], t + (4,), t * 2, (1,), (), len(t), 2 in t, t.index(3), t.count(1), tuple([1, 2]))
d = {"b": 2, "a": 1}
d["c"] = 3
print(d, list(d), list(d.keys()), list(d.values()), list(d.items()), d.get("z"), d.get("z", 0), "a" in d)
print(d.pop("a"), d, d.setdefault("x", []), d.popitem(), d, {**d, "y": 1}, dict(a=1, b=2), dict([(1, 2)]))
d.update({"q": 1}, w=2)
print(d, sorted(d), {k: v * 2 for k, v in d.items() if k != "x"}, dict.fromkeys("ab", 0), d | {"n": 0})
s = {3, 1, 2}
s.add(4); s.discard(10); s.remove(3)
print(s, {1, 2} | {3}, {1, 2} & {2, 3}, {1, 2} - {2}, {1, 2} ^ {2, 3}, {1} <= {1, 2}, frozenset([1, 2]), set())
print(len(s), 1 in s, sorted({5, 3, 8}), set("aab") == {"a", "b"}, {1: "a", 1.0: "b", True: "c"})
r = range(2, 20, 3)
print(r, list(r), len(r), r[2], r[-1], r[1:3], 8 in r, 9 in r, list(range(5)[::-1]), range(10).index(4))
print(list(enumerate("ab", 1)), list(zip([1, 2, 3], "ab")), list(map(str, [1, 2])), list(filter(None, [0, 1, 2])))
print(any([0, 1]), all([]), min("bca"), max([1, 3], key=lambda x: -x), max([], default=5), sum([[1], [2]], []))
print(list(reversed([1, 2, 3])), [x for x in range(3) for y in range(x)], {x % 3 for x in range(10)})
nested = {"a": [1, {"b": (2, 3)}]}
print(nested, nested["a"][1]["b"][0], [1, [2, [3]]] == [1, [2, [3]]], [1, 2] < [1, 3], (1, 2) < (1, 2, 0))
a = [1, 2]; a.append(a); print(a)
m = [[1, 2], [3, 4]]
print([list(r) for r in zip(*m)], sorted([(1, "b"), (1, "a"), (0, "z")]), sorted(["b", "A", "c"], key=str.lower))
x, (y, z) = 1, (2, 3)
first, *rest = [1, 2, 3]
*init, last = "abc"
print(x, y, z, first, rest, init, last)
i = 0
while (n := i * i) < 20:
    i += 1
print(i, n, [y for x in range(5) if (y := x * 2) > 4])
