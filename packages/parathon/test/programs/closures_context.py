def outer():
    results = []
    for i in range(3):
        def inner(i=i):
            return i * 10
        results.append(inner)
    return [f() for f in results]
print(outer())
def make_counter():
    count = 0
    def incr(step=1):
        nonlocal count
        count += step
        return count
    def get():
        return count
    return incr, get
inc, get = make_counter()
inc(); inc(5)
print(get())
def deep():
    x = 1
    def a():
        def b():
            nonlocal x
            x += 1
            return x
        return b()
    return a(), a(), x
print(deep())
g = 100
def read_global():
    return g + 1
def write_global():
    global g
    g = g * 2
write_global()
print(read_global(), g)
def gen_try():
    try:
        yield 1
        yield 2
        return
    finally:
        print("gen cleanup")
print(list(gen_try()))
def order():
    try:
        print("try")
        raise KeyError("k")
    except KeyError:
        print("except")
        return "from except"
    else:
        print("else")
    finally:
        print("finally")
print(order())
class CM:
    def __init__(self, name): self.name = name
    def __enter__(self):
        print("enter", self.name)
        return self.name
    def __exit__(self, *exc):
        print("exit", self.name, exc[0].__name__ if exc[0] else None)
        return False
try:
    with CM("a") as a, CM("b") as b:
        print("body", a, b)
        raise RuntimeError("boom")
except RuntimeError as e:
    print("caught", e)

from contextlib import contextmanager, suppress
@contextmanager
def tag(name):
    print(f"<{name}>")
    try:
        yield name.upper()
    finally:
        print(f"</{name}>")
with tag("p") as t:
    print("inside", t)
with suppress(ZeroDivisionError):
    1 / 0
print("suppressed")
x = [i for i in range(3)]
print([i for i in range(3)], "i" in dir())
print(*[1, 2], sep="", end="|\n")
print("a", end="")
print("b")
print("tab\tnew\nline", "uni: \u00e9\u4e2d\U0001f600", len("\U0001f600"), "\U0001f600"[0])
