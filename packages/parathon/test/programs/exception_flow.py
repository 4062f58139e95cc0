def swallow():
    try:
        raise ValueError("lost")
    finally:
        return "finally wins"
print(swallow())
def override():
    try:
        raise ValueError("first")
    finally:
        raise KeyError("second")
try:
    override()
except KeyError as e:
    print("KeyError", e, type(e.__context__).__name__)
for i in range(4):
    try:
        if i == 1:
            continue
        if i == 3:
            break
    finally:
        print("fin", i)
def gen():
    try:
        yield 1
        yield 2
    except GeneratorExit:
        print("closing gen")
        raise
    finally:
        print("gen finally")
g = gen(); next(g); g.close(); print("closed", list(g))
class E(Exception):
    def __str__(self):
        return "custom str"
try:
    raise E("ignored")
except E as e:
    print(e, repr(e), e.args)
def nested():
    try:
        try:
            raise TypeError("inner")
        except TypeError as e:
            raise RuntimeError("outer") from e
    except RuntimeError as e:
        return f"{e} <- {e.__cause__}"
print(nested())
try:
    try:
        raise ValueError(1)
    except ValueError:
        pass
    raise KeyError(2)
except KeyError as e:
    print("context", e.__context__)
errors = []
for v in ["1", "x", None, "3.5"]:
    try:
        errors.append(int(v))
    except (ValueError, TypeError) as e:
        errors.append(type(e).__name__)
print(errors)
import sys
try:
    raise IndexError("exc_info")
except IndexError:
    t, v, tb = sys.exc_info()
    print(t.__name__, v, tb is None or True)
print(sys.exc_info())
def f():
    raise NotImplementedError
try:
    f()
except NotImplementedError as e:
    print("NIE", repr(e), str(e) == "")
try:
    assert isinstance(5, str), f"bad type {type(5).__name__}"
except AssertionError as e:
    print(e)
