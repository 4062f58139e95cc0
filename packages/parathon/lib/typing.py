"""typing: the names scripts import; subscripting returns an alias that prints like CPython's."""

TYPE_CHECKING = False


class _Alias:
    def __init__(self, name, args=None, origin=None):
        self._name = name
        self.__args__ = args or ()
        self.__origin__ = origin

    def __getitem__(self, params):
        if not isinstance(params, tuple):
            params = (params,)
        return _Alias(self._name, params, self)

    def __call__(self, *args, **kwargs):
        if self.__origin__ is not None and callable(self.__origin__):
            return self.__origin__(*args, **kwargs)
        raise TypeError(f"Type {self._name} cannot be instantiated")

    def __repr__(self):
        if not self.__args__:
            return "typing." + self._name
        return "typing." + self._name + "[" + ", ".join(_type_repr(a) for a in self.__args__) + "]"

    def __or__(self, other):
        return Union[self, other]

    def __ror__(self, other):
        return Union[other, self]

    def __eq__(self, other):
        return isinstance(other, _Alias) and self._name == other._name and self.__args__ == other.__args__

    def __hash__(self):
        return hash((self._name, self.__args__))


def _type_repr(t):
    if isinstance(t, type):
        return t.__name__ if t.__module__ == "builtins" else f"{t.__module__}.{t.__qualname__}"
    if t is ...:
        return "..."
    if t is None or t is type(None):
        return "None"
    return repr(t)


for _n in ("Any", "List", "Dict", "Set", "FrozenSet", "Tuple", "Optional", "Union", "Callable", "Iterable",
           "Iterator", "Generator", "Sequence", "MutableSequence", "Mapping", "MutableMapping", "ClassVar",
           "Final", "Literal", "DefaultDict", "Deque", "Type", "NoReturn", "Counter", "OrderedDict",
           "Awaitable", "Coroutine", "AsyncIterator", "AsyncIterable", "Collection", "Container", "Hashable",
           "Sized", "Reversible", "SupportsInt", "SupportsFloat", "SupportsAbs", "AbstractSet", "ByteString",
           "Pattern", "Match", "IO", "TextIO", "BinaryIO", "Annotated", "Never", "Self", "LiteralString",
           "TypeAlias", "Concatenate", "TypeGuard", "Required", "NotRequired"):
    globals()[_n] = _Alias(_n)
del _n


class TypeVar:
    def __init__(self, name, *constraints, bound=None, covariant=False, contravariant=False):
        self.__name__ = name
        self.__constraints__ = constraints
        self.__bound__ = bound

    def __repr__(self):
        return "~" + self.__name__


class ParamSpec(TypeVar):
    pass


AnyStr = TypeVar("AnyStr", bytes, str)


class Generic:
    def __class_getitem__(cls, params):
        return cls


class Protocol:
    def __class_getitem__(cls, params):
        return cls


def cast(typ, val):
    return val


def overload(func):
    return func


def final(f):
    return f


def no_type_check(f):
    return f


def runtime_checkable(cls):
    return cls


def get_type_hints(obj, globalns=None, localns=None):
    return dict(getattr(obj, "__annotations__", {}))


def NewType(name, tp):
    def new_type(x):
        return x
    new_type.__name__ = name
    return new_type


class _NamedTupleMeta(type):
    def __new__(mcls, name, bases, ns):
        if name == "NamedTuple" and not bases:
            return super().__new__(mcls, name, bases, ns)
        from collections import namedtuple
        fields = list(ns.get("__annotations__", {}))
        defaults = [ns[f] for f in fields if f in ns]
        nt = namedtuple(name, fields, defaults=defaults or None)
        for k, v in ns.items():
            if k not in fields and not k.startswith("__"):
                setattr(nt, k, v)
        if "__repr__" in ns:
            nt.__repr__ = ns["__repr__"]
        if "__str__" in ns:
            nt.__str__ = ns["__str__"]
        nt.__module__ = ns.get("__module__", "__main__")
        return nt


class NamedTuple(metaclass=_NamedTupleMeta):
    pass


class TypedDict(dict):
    def __init_subclass__(cls, **kwargs):
        pass
