def f(a, b=2, *args, c, d=4, **kw):
    return (a, b, args, c, d, kw)
print(f(1, c=3), f(1, 2, 3, 4, c=5, e=6), f(*[1, 2], **{"c": 0}))
def g(x, /, y, *, z):
    return x + y + z
print(g(1, 2, z=3), g(1, y=2, z=3))
def counter():
    n = 0
    def inc():
        nonlocal n
        n += 1
        return n
    return inc
c = counter(); c(); print(c(), c())
G = 0
def setg():
    global G
    G = 5
setg(); print(G)
def deco(fn):
    def wrapper(*a, **k):
        return "<" + str(fn(*a, **k)) + ">"
    return wrapper
@deco
def hello(name="x"):
    return "hi " + name
print(hello(), hello("bob"), hello.__name__)
def defaults(x, acc=[]):
    acc.append(x)
    return acc
print(defaults(1), defaults(2))
square = lambda x: x * x
print(square(5), (lambda *a: sum(a))(1, 2, 3), sorted([3, 1, 2], key=lambda v: -v))
def fact(n):
    return 1 if n <= 1 else n * fact(n - 1)
print(fact(30))
adders = [lambda x, i=i: x + i for i in range(3)]
print([a(10) for a in adders])
def kwonly(*, a=1, b):
    return a, b
print(kwonly(b=2))
try:
    g(1, 2)
except TypeError as e:
    print("TypeError:", e)
try:
    f()
except TypeError as e:
    print("TypeError:", e)
try:
    hello(1, 2, 3)
except TypeError as e:
    print("TypeError:", e)
def outer():
    x = "enclosing"
    def inner():
        return x
    x = "changed"
    return inner()
print(outer())
print(f.__name__, f.__defaults__, callable(f), callable(1))
def gen_fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b
import itertools
print(list(itertools.islice(gen_fib(), 10)))
def rec(n):
    return rec(n + 1)
try:
    rec(0)
except RecursionError as e:
    print("RecursionError:", e)
