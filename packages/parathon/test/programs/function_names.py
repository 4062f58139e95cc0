# Function names and reprs: __qualname__ set by functools.wraps or by assignment shows in repr().
import functools


def deco(f):
    @functools.wraps(f)
    def wrapper(*a, **k):
        return f(*a, **k)
    return wrapper


@deco
def greet(name):
    return "hi " + name


class K:
    @deco
    def method(self):
        return 1

    def plain(self):
        return 2


def strip_address(r):
    return r.split(" at 0x")[0] + (">" if " at 0x" in r else "")


print(greet.__name__, greet.__qualname__, greet("x"), greet.__wrapped__.__name__)
print(strip_address(repr(greet)))
print(K.method.__qualname__, strip_address(repr(K.method)), K().method())
print(repr(K().plain).split(" of ")[0], K.plain.__qualname__)


def local():
    def inner():
        pass
    return inner


f = local()
print(f.__qualname__, strip_address(repr(f)))
f.__qualname__ = "renamed"
f.__name__ = "other"
print(f.__qualname__, f.__name__, strip_address(repr(f)))
