from enum import IntEnum
class C(IntEnum):
    RED = 1
    BLUE = 2
d = {1: "one", 2: "two"}
print(d[C.RED], C.BLUE in d, {C.RED: "x"}[1], C.RED == 1, hash(C.RED) == hash(1), sorted({C.BLUE, C.RED, 3}))
class S(str):
    pass
print({"a": 1}[S("a")], S("b") in {"b"}, {S("k"): 2}["k"])
class Weird(int):
    def __hash__(self): return 7
print({Weird(5): "w"}.get(5), Weird(5) == 5)
