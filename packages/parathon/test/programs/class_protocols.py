class Base:
    count = 0
    def __init_subclass__(cls, tag="none", **kw):
        super().__init_subclass__(**kw)
        cls.tag = tag
    @classmethod
    def create(cls, *args):
        Base.count += 1
        return cls(*args)
    def __repr__(self):
        return f"{self.__class__.__name__}({', '.join(f'{k}={v!r}' for k, v in vars(self).items())})"
class A(Base, tag="alpha"):
    def __init__(self, x=1):
        self.x = x
class B(A):
    def __init__(self, x, y):
        super().__init__(x)
        self.y = y
    @classmethod
    def create(cls, *args):
        obj = super().create(*args)
        obj.extra = True
        return obj
print(A.tag, B.tag, A.create(5), B.create(1, 2), Base.count)
class NoEq:
    def __eq__(self, other):
        return NotImplemented
print(NoEq() == NoEq(), NoEq() != 1, [NoEq()] == [NoEq()])
class Unhashable:
    __hash__ = None
try:
    {Unhashable()}
except TypeError as e:
    print("TypeError:", e)
class Str:
    def __str__(self): return "STR"
    def __repr__(self): return "REPR"
s = Str()
print(s, str(s), repr(s), [s], (s,), {"k": s}, f"{s}", f"{s!r}", "%s %r" % (s, s), "{} {!r}".format(s, s))
class Ordered:
    def __init__(self, v): self.v = v
    def __lt__(self, o): return self.v < o.v
    def __repr__(self): return f"O{self.v}"
print(sorted([Ordered(3), Ordered(1), Ordered(2)]), max([Ordered(3), Ordered(7)]), min(Ordered(5), Ordered(4)))
try:
    Ordered(1) > "x"
except TypeError as e:
    print("TypeError:", e)
class Cell:
    def __init__(self): self._v = 0
    def get(self): return self._v
    def set(self, v): self._v = v
    value = property(get, set, doc="the value")
c = Cell(); c.value = 9
print(c.value, Cell.value.__doc__, type(Cell.value).__name__)
class Meta(type):
    def __call__(cls, *a, **k):
        print("creating", cls.__name__)
        return super().__call__(*a, **k)
class WithMeta(metaclass=Meta):
    def __init__(self, n): self.n = n
w = WithMeta(3)
print(w.n, isinstance(w, WithMeta), type(WithMeta).__name__)
class Singleton:
    _inst = None
    def __new__(cls, *a):
        if cls._inst is None:
            cls._inst = super().__new__(cls)
        return cls._inst
    def __init__(self, v): self.v = v
s1, s2 = Singleton(1), Singleton(2)
print(s1 is s2, s1.v)
class Container:
    def __init__(self): self.items = {}
    def __setitem__(self, k, v): self.items[k] = v
    def __getitem__(self, k): return self.items[k]
    def __delitem__(self, k): del self.items[k]
    def __contains__(self, k): return k in self.items
    def __len__(self): return len(self.items)
    def __iter__(self): return iter(sorted(self.items))
ct = Container(); ct["b"] = 2; ct["a"] = 1; del ct["b"]; ct["c"] = 3
print(len(ct), "a" in ct, "b" in ct, list(ct), [k for k in ct], dict((k, ct[k]) for k in ct))
