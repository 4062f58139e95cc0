from collections import namedtuple
d = {(1, 2): "a", (1.0, 2.0): "b", (True, 2): "c", ("x", (1, None)): "d", "\x01t(n1,n2,)": "s", (1.5,): "f", (): "e"}
print(d, len(d), d[(1, 2)], d[("x", (1, None))], d["\x01t(n1,n2,)"], (1, 2) in d, (2, 1) in d, d[()])
P = namedtuple("P", "x y")
d2 = {P(1, 2): "p"}
print(d2[(1, 2)], (1, 2) in d2, P(1, 2) in {(1, 2)})
s = {(0, 0), (0, 0.0), (-0.0, 0), (1, "1"), (1, 1)}
print(len(s), sorted(s, key=str))
del d[(1.0, 2)]
print(d, list(d.keys())[:2])
