"""functools: higher-order functions, written in Python."""

WRAPPER_ASSIGNMENTS = ('__module__', '__name__', '__qualname__', '__doc__')
WRAPPER_UPDATES = ('__dict__',)
_initial_missing = object()


def update_wrapper(wrapper, wrapped, assigned=WRAPPER_ASSIGNMENTS, updated=WRAPPER_UPDATES):
    for attr in assigned:
        try:
            value = getattr(wrapped, attr)
        except AttributeError:
            pass
        else:
            try:
                setattr(wrapper, attr, value)
            except (AttributeError, TypeError):
                pass
    wrapper.__wrapped__ = wrapped
    return wrapper


def wraps(wrapped, assigned=WRAPPER_ASSIGNMENTS, updated=WRAPPER_UPDATES):
    return partial(update_wrapper, wrapped=wrapped, assigned=assigned, updated=updated)


def reduce(function, sequence, initial=_initial_missing):
    it = iter(sequence)
    if initial is _initial_missing:
        try:
            value = next(it)
        except StopIteration:
            raise TypeError("reduce() of empty iterable with no initial value") from None
    else:
        value = initial
    for element in it:
        value = function(value, element)
    return value


class partial:
    def __init__(self, func, /, *args, **keywords):
        if not callable(func):
            raise TypeError("the first argument must be callable")
        self.func = func
        self.args = args
        self.keywords = keywords

    def __call__(self, /, *args, **keywords):
        keywords = {**self.keywords, **keywords}
        return self.func(*self.args, *args, **keywords)

    def __repr__(self):
        args = [repr(self.func)]
        args.extend(repr(x) for x in self.args)
        args.extend(f"{k}={v!r}" for (k, v) in self.keywords.items())
        return f"functools.partial({', '.join(args)})"


def cmp_to_key(mycmp):
    class K(object):
        __slots__ = ['obj']

        def __init__(self, obj):
            self.obj = obj

        def __lt__(self, other):
            return mycmp(self.obj, other.obj) < 0

        def __gt__(self, other):
            return mycmp(self.obj, other.obj) > 0

        def __eq__(self, other):
            return mycmp(self.obj, other.obj) == 0

        def __le__(self, other):
            return mycmp(self.obj, other.obj) <= 0

        def __ge__(self, other):
            return mycmp(self.obj, other.obj) >= 0
        __hash__ = None
    return K


def total_ordering(cls):
    roots = {op for op in ('__lt__', '__le__', '__gt__', '__ge__') if getattr(cls, op, None) is not getattr(object, op, None)}
    if not roots:
        raise ValueError('must define at least one ordering operation: < > <= >=')
    if '__lt__' in roots:
        lt = cls.__lt__
        cls.__gt__ = lambda self, other: other.__lt__(self) if type(other) is type(self) else (not lt(self, other) and self != other)
        cls.__le__ = lambda self, other: lt(self, other) or self == other
        cls.__ge__ = lambda self, other: not lt(self, other)
    elif '__gt__' in roots:
        gt = cls.__gt__
        cls.__lt__ = lambda self, other: not gt(self, other) and self != other
        cls.__le__ = lambda self, other: not gt(self, other)
        cls.__ge__ = lambda self, other: gt(self, other) or self == other
    elif '__le__' in roots:
        le = cls.__le__
        cls.__lt__ = lambda self, other: le(self, other) and self != other
        cls.__gt__ = lambda self, other: not le(self, other)
        cls.__ge__ = lambda self, other: not le(self, other) or self == other
    else:
        ge = cls.__ge__
        cls.__lt__ = lambda self, other: not ge(self, other)
        cls.__gt__ = lambda self, other: ge(self, other) and self != other
        cls.__le__ = lambda self, other: not ge(self, other) or self == other
    return cls


class _CacheInfo(tuple):
    pass


def lru_cache(maxsize=128, typed=False):
    if callable(maxsize) and not isinstance(maxsize, int):
        return _lru_wrapper(maxsize, 128)

    def decorating(user_function):
        return _lru_wrapper(user_function, maxsize)
    return decorating


def _lru_wrapper(user_function, maxsize):
    cache = {}
    stats = [0, 0]

    def wrapper(*args, **kwds):
        key = args if not kwds else args + (None,) + tuple(sorted(kwds.items()))
        try:
            result = cache[key]
        except KeyError:
            stats[1] += 1
            result = user_function(*args, **kwds)
            if maxsize is not None and len(cache) >= maxsize > 0:
                del cache[next(iter(cache))]
            if maxsize != 0:
                cache[key] = result
            return result
        except TypeError:
            return user_function(*args, **kwds)
        stats[0] += 1
        return result

    def cache_info():
        return f"CacheInfo(hits={stats[0]}, misses={stats[1]}, maxsize={maxsize}, currsize={len(cache)})"

    def cache_clear():
        cache.clear()
        stats[0] = stats[1] = 0
    wrapper.cache_info = cache_info
    wrapper.cache_clear = cache_clear
    update_wrapper(wrapper, user_function)
    return wrapper


def cache(user_function):
    return lru_cache(maxsize=None)(user_function)


class cached_property:
    def __init__(self, func):
        self.func = func
        self.attrname = None
        self.__doc__ = func.__doc__

    def __set_name__(self, owner, name):
        self.attrname = name

    def __get__(self, instance, owner=None):
        if instance is None:
            return self
        val = self.func(instance)
        instance.__dict__[self.attrname] = val
        return val


def singledispatch(func):
    registry = {object: func}

    def dispatch(cls):
        for k in cls.__mro__:
            if k in registry:
                return registry[k]
        return func

    def register(cls, f=None):
        if f is None:
            if isinstance(cls, type):
                return lambda f: register(cls, f)
            f = cls
            cls = list(f.__annotations__.values())[0]
        registry[cls] = f
        return f

    def wrapper(*args, **kw):
        return dispatch(args[0].__class__)(*args, **kw)
    wrapper.register = register
    wrapper.registry = registry
    update_wrapper(wrapper, func)
    return wrapper
