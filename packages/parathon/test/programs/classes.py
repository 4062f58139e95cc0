class Animal:
    kind = "animal"
    count = 0
    def __init__(self, name):
        self.name = name
        Animal.count += 1
    def speak(self):
        return f"{self.name} makes a sound"
    def __repr__(self):
        return f"{type(self).__name__}({self.name!r})"
class Dog(Animal):
    def speak(self):
        return super().speak() + " (woof)"
class Cat(Animal):
    kind = "cat"
d, c = Dog("rex"), Cat("tom")
print(d.speak(), c.speak(), d, [c], Animal.count, c.kind, d.kind, isinstance(d, Animal), issubclass(Cat, Dog))
class A:
    def who(self): return "A"
class B(A):
    def who(self): return "B" + super().who()
class C(A):
    def who(self): return "C" + super().who()
class D(B, C):
    def who(self): return "D" + super().who()
print(D().who(), [k.__name__ for k in D.__mro__])
class P:
    def __init__(self):
        self._x = 0
    @property
    def x(self):
        return self._x
    @x.setter
    def x(self, v):
        self._x = v * 2
    @staticmethod
    def s(a): return a + 1
    @classmethod
    def make(cls): return cls()
p = P(); p.x = 5
print(p.x, P.s(1), p.s(2), type(P.make()).__name__)
class V:
    __slots__ = ("x", "y")
    def __init__(self, x, y): self.x, self.y = x, y
    def __add__(self, o): return V(self.x + o.x, self.y + o.y)
    def __eq__(self, o): return isinstance(o, V) and (self.x, self.y) == (o.x, o.y)
    def __hash__(self): return hash((self.x, self.y))
    def __lt__(self, o): return (self.x, self.y) < (o.x, o.y)
    def __len__(self): return 2
    def __getitem__(self, i): return (self.x, self.y)[i]
    def __iter__(self): return iter((self.x, self.y))
    def __repr__(self): return f"V({self.x}, {self.y})"
    def __bool__(self): return bool(self.x or self.y)
    def __contains__(self, v): return v in (self.x, self.y)
    def __call__(self, k): return self.x * k
    def __neg__(self): return V(-self.x, -self.y)
    def __mul__(self, k): return V(self.x * k, self.y * k)
    __rmul__ = __mul__
v = V(1, 2)
print(v + v, v == V(1, 2), v != V(1, 2), len(v), v[1], list(v), bool(V(0, 0)), 2 in v, v(10), -v, 3 * v, v * 2)
print(sorted([V(2, 1), V(1, 5)]), {V(1, 2): "a"}[V(1, 2)], max(V(1, 1), V(0, 9)))
try:
    v.z = 1
except AttributeError as e:
    print("AttributeError:", e)
class Desc:
    def __get__(self, obj, typ=None): return "desc" if obj else "cls"
    def __set__(self, obj, val): obj.__dict__["_d"] = val
class H:
    d = Desc()
h = H(); print(h.d, H.d)
class Meta(type):
    def __new__(mcs, name, bases, ns):
        ns["tag"] = name.lower()
        return super().__new__(mcs, name, bases, ns)
class Tagged(metaclass=Meta):
    pass
print(Tagged.tag, type(Tagged).__name__)
class Base:
    registry = []
    def __init_subclass__(cls, **kw):
        Base.registry.append(cls.__name__)
class S1(Base): pass
class S2(Base): pass
print(Base.registry)
class Ctx:
    def __enter__(self):
        print("enter"); return self
    def __exit__(self, t, v, tb):
        print("exit", t.__name__ if t else None); return True
with Ctx() as cx:
    raise ValueError("swallowed")
print("after", type(cx).__name__)
class GA:
    def __getattr__(self, name): return name.upper()
print(GA().hello, getattr(GA(), "x"), hasattr(object(), "x"), getattr(object(), "x", "dflt"))
print(repr(object)[:14], type(1), type("a"), type([]), type(None), int.__name__, Dog.__bases__, Dog.__qualname__)
class Num:
    def __init__(self, v): self.v = v
    def __radd__(self, o): return Num(o + self.v)
    def __repr__(self): return "Num(%d)" % self.v
print(1 + Num(2), sum([Num(1), Num(2)], 0) if False else sum([1, 2]))
