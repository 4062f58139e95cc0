def check(f):
    try:
        f()
    except Exception as e:
        print(type(e).__name__, e)
check(lambda: 1 / 0)
check(lambda: [][1])
check(lambda: {}["k"])
check(lambda: int("x"))
check(lambda: undefined_name)
check(lambda: None.attr)
check(lambda: "a" + 1)
check(lambda: 1 + "a")
check(lambda: [1] < "a")
check(lambda: len(5))
check(lambda: iter(5))
check(lambda: next(iter([])))
check(lambda: {}.pop(1))
check(lambda: [].pop())
check(lambda: (1, 2).x)
check(lambda: int(None))
check(lambda: float("abc"))
check(lambda: "abc".index("z"))
check(lambda: [1, 2].remove(3))
check(lambda: hash([]))
check(lambda: {[]: 1})
check(lambda: 2 ** -1 // 0)
check(lambda: divmod(1, 0))
check(lambda: a_b)
def unbound():
    x += 1
check(unbound)
class MyError(Exception):
    def __init__(self, code):
        super().__init__(f"code {code}")
        self.code = code
try:
    raise MyError(7)
except MyError as e:
    print("MyError", e, e.code, e.args)
try:
    try:
        raise KeyError("inner")
    except KeyError as e:
        raise ValueError("outer") from e
except ValueError as e:
    print(repr(e), repr(e.__cause__), e.__suppress_context__)
try:
    try:
        1 / 0
    except ZeroDivisionError:
        raise TypeError("during")
except TypeError as e:
    print(repr(e.__context__))
def f():
    try:
        return "try"
    finally:
        print("finally runs")
print(f())
for i in range(3):
    try:
        if i == 1:
            continue
        print("body", i)
    finally:
        print("fin", i)
try:
    pass
except Exception:
    print("no")
else:
    print("else ran")
try:
    raise ExceptionGroup if False else RuntimeError("x")
except (ValueError, RuntimeError) as e:
    print("tuple catch", type(e).__name__)
try:
    assert 1 == 2, "math is broken"
except AssertionError as e:
    print("assert:", e)
def reraise():
    try:
        raise IndexError("idx")
    except IndexError:
        raise
try:
    reraise()
except IndexError as e:
    print("reraised", e)
print(issubclass(KeyError, LookupError), issubclass(ZeroDivisionError, ArithmeticError), isinstance(StopIteration(), Exception))
e = ValueError("a", 1)
print(str(e), repr(e), e.args, str(KeyError("k")), str(Exception()))
import sys
try:
    sys.exit(3)
except SystemExit as e:
    print("exit code", e.code)
class Silent(Exception):
    pass
try:
    raise Silent
except Silent as e:
    print("bare class raise", repr(e))
try:
    raise TypeError("final uncaught")
finally:
    print("cleanup")
