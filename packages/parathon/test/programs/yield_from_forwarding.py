# yield from forwarding send(), throw() and close() to a sub-generator, and its return value.
def inner():
    try:
        x = yield 1
        print("inner got", x)
        y = yield 2
        print("inner got", y)
    except KeyError as e:
        print("inner caught", repr(e))
        yield 99
    finally:
        print("inner finally")
    return "ret"

def outer():
    r = yield from inner()
    print("outer result", r)
    yield "end"

g = outer()
print(next(g), g.send("a"), g.throw(KeyError("k")), next(g))
try:
    next(g)
except StopIteration as e:
    print("stop", e.value)
g = outer(); next(g); g.close(); print("closed")
g = outer(); print(next(g), g.send("s"), g.send("t"))
def sub():
    yield 1
    return 5
def top():
    v = yield from sub()
    return v * 2
try:
    gg = top(); next(gg); next(gg)
except StopIteration as e:
    print("top", e.value)
