"""copy: shallow and deep copies."""

class Error(Exception):
    pass


def copy(x):
    cls = type(x)
    if cls in (int, float, bool, complex, str, bytes, tuple, frozenset, type, range, type(None)):
        return x
    if cls is list:
        return x[:]
    if cls is dict:
        return x.copy()
    if cls is set:
        return x.copy()
    if cls is bytearray:
        return bytearray(x)
    cp = getattr(cls, '__copy__', None)
    if cp is not None:
        return cp(x)
    y = cls.__new__(cls)
    if hasattr(x, '__dict__'):
        y.__dict__.update(x.__dict__)
    return y


def deepcopy(x, memo=None):
    if memo is None:
        memo = {}
    d = id(x)
    if d in memo:
        return memo[d]
    cls = type(x)
    if cls in (int, float, bool, complex, str, bytes, frozenset, type, range, type(None)):
        return x
    if cls is list:
        y = []
        memo[d] = y
        for a in x:
            y.append(deepcopy(a, memo))
        return y
    if cls is tuple:
        return tuple(deepcopy(a, memo) for a in x)
    if cls is dict:
        y = {}
        memo[d] = y
        for k, v in x.items():
            y[deepcopy(k, memo)] = deepcopy(v, memo)
        return y
    if cls is set:
        return {deepcopy(a, memo) for a in x}
    dc = getattr(cls, '__deepcopy__', None)
    if dc is not None:
        return dc(x, memo)
    y = cls.__new__(cls)
    memo[d] = y
    if hasattr(x, '__dict__'):
        for k, v in x.__dict__.items():
            setattr(y, k, deepcopy(v, memo))
    return y
