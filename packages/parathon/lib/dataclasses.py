"""dataclasses: @dataclass, field(), fields(), asdict(), astuple(), replace()."""

__all__ = ["dataclass", "field", "Field", "FrozenInstanceError", "InitVar", "MISSING", "fields", "asdict",
           "astuple", "make_dataclass", "replace", "is_dataclass"]


class FrozenInstanceError(AttributeError):
    pass


class _MissingType:
    def __repr__(self):
        return "MISSING"


MISSING = _MissingType()


class InitVar:
    def __init__(self, type):
        self.type = type

    def __class_getitem__(cls, t):
        return InitVar(t)


class Field:
    def __init__(self, default, default_factory, init, repr, hash, compare, metadata, kw_only):
        self.name = None
        self.type = None
        self.default = default
        self.default_factory = default_factory
        self.init = init
        self.repr = repr
        self.hash = hash
        self.compare = compare
        self.metadata = metadata or {}
        self.kw_only = kw_only

    def __repr__(self):
        return f"Field(name={self.name!r},type={self.type!r},default={self.default!r})"


def field(*, default=MISSING, default_factory=MISSING, init=True, repr=True, hash=None, compare=True,
          metadata=None, kw_only=False):
    if default is not MISSING and default_factory is not MISSING:
        raise ValueError("cannot specify both default and default_factory")
    return Field(default, default_factory, init, repr, hash, compare, metadata, kw_only)


def fields(obj):
    return tuple(f for f in obj.__dataclass_fields__.values() if not isinstance(f.type, InitVar))


def is_dataclass(obj):
    return hasattr(obj, "__dataclass_fields__")


def _is_classvar(t):
    return (isinstance(t, str) and t.startswith(("ClassVar", "typing.ClassVar"))) or \
        getattr(t, "_name", None) == "ClassVar"


def _process(cls, init, repr_, eq, order, frozen, unsafe_hash):
    annotations = cls.__dict__.get("__annotations__", {})
    flds = {}
    for b in cls.__mro__[-1:0:-1]:
        for f in getattr(b, "__dataclass_fields__", {}).values():
            flds[f.name] = f
    for name, typ in annotations.items():
        if _is_classvar(typ):
            continue
        default = cls.__dict__.get(name, MISSING)
        if isinstance(default, Field):
            f = default
        else:
            if isinstance(default, (list, dict, set)):
                raise ValueError(f"mutable default {type(default)} for field {name} is not allowed: use default_factory")
            f = field(default=default)
        f.name = name
        f.type = typ
        flds[name] = f
        if isinstance(default, Field):
            if f.default is MISSING:
                try:
                    delattr(cls, name)
                except AttributeError:
                    pass
            else:
                setattr(cls, name, f.default)
    cls.__dataclass_fields__ = flds
    all_fields = list(flds.values())
    init_fields = [f for f in all_fields if f.init]

    seen_default = False
    for f in init_fields:
        if f.default is not MISSING or f.default_factory is not MISSING:
            seen_default = True
        elif seen_default and not f.kw_only:
            raise TypeError(f"non-default argument '{f.name}' follows default argument")

    if init and "__init__" not in cls.__dict__:
        def __init__(self, *args, **kwargs):
            pos = [f for f in init_fields if not f.kw_only]
            if len(args) > len(pos):
                raise TypeError(f"{cls.__name__}.__init__() takes {len(pos) + 1} positional arguments but {len(args) + 1} were given")
            values = {}
            for f, a in zip(pos, args):
                values[f.name] = a
            for k, v in kwargs.items():
                if k in values:
                    raise TypeError(f"{cls.__name__}.__init__() got multiple values for argument '{k}'")
                if k not in flds or not flds[k].init:
                    raise TypeError(f"{cls.__name__}.__init__() got an unexpected keyword argument '{k}'")
                values[k] = v
            missing = [f.name for f in init_fields if f.name not in values and f.default is MISSING and f.default_factory is MISSING]
            if missing:
                names = " and ".join(repr(m) for m in missing) if len(missing) <= 2 else ", ".join(repr(m) for m in missing[:-1]) + ", and " + repr(missing[-1])
                raise TypeError(f"{cls.__name__}.__init__() missing {len(missing)} required positional argument{'s' if len(missing) > 1 else ''}: {names}")
            initvars = []
            for f in all_fields:
                if f.name in values:
                    v = values[f.name]
                elif f.default_factory is not MISSING:
                    v = f.default_factory()
                elif f.default is not MISSING:
                    v = f.default
                else:
                    continue
                if isinstance(f.type, InitVar):
                    initvars.append(v)
                    continue
                object.__setattr__(self, f.name, v)
            post = getattr(self, "__post_init__", None)
            if post is not None:
                post(*initvars)
        __init__.__qualname__ = cls.__qualname__ + ".__init__"
        cls.__init__ = __init__

    if repr_ and "__repr__" not in cls.__dict__:
        def __repr__(self):
            return self.__class__.__qualname__ + "(" + ", ".join(
                f"{f.name}={getattr(self, f.name)!r}" for f in all_fields if f.repr and not isinstance(f.type, InitVar)) + ")"
        cls.__repr__ = __repr__

    cmp_fields = [f for f in all_fields if f.compare and not isinstance(f.type, InitVar)]

    def astuple_(self):
        return tuple(getattr(self, f.name) for f in cmp_fields)

    if eq and "__eq__" not in cls.__dict__:
        def __eq__(self, other):
            if other.__class__ is self.__class__:
                return astuple_(self) == astuple_(other)
            return NotImplemented
        cls.__eq__ = __eq__

    if order:
        def make(op):
            def cmp(self, other):
                if other.__class__ is self.__class__:
                    return op(astuple_(self), astuple_(other))
                return NotImplemented
            return cmp
        cls.__lt__ = make(lambda a, b: a < b)
        cls.__le__ = make(lambda a, b: a <= b)
        cls.__gt__ = make(lambda a, b: a > b)
        cls.__ge__ = make(lambda a, b: a >= b)

    if frozen:
        def __setattr__(self, name, value):
            if name in flds:
                raise FrozenInstanceError(f"cannot assign to field {name!r}")
            object.__setattr__(self, name, value)

        def __delattr__(self, name):
            raise FrozenInstanceError(f"cannot delete field {name!r}")
        cls.__setattr__ = __setattr__
        cls.__delattr__ = __delattr__

    if unsafe_hash or (eq and frozen):
        cls.__hash__ = lambda self: hash(astuple_(self))
    elif eq and "__hash__" not in cls.__dict__:
        cls.__hash__ = None
    cls.__match_args__ = tuple(f.name for f in init_fields if not f.kw_only)
    return cls


def dataclass(cls=None, /, *, init=True, repr=True, eq=True, order=False, unsafe_hash=False, frozen=False,
              match_args=True, kw_only=False, slots=False):
    def wrap(c):
        return _process(c, init, repr, eq, order, frozen, unsafe_hash)
    if cls is None:
        return wrap
    return wrap(cls)


def asdict(obj, *, dict_factory=dict):
    if is_dataclass(obj) and not isinstance(obj, type):
        return dict_factory([(f.name, asdict(getattr(obj, f.name), dict_factory=dict_factory)) for f in fields(obj)])
    if isinstance(obj, tuple) and hasattr(obj, "_fields"):
        return type(obj)(*[asdict(v, dict_factory=dict_factory) for v in obj])
    if isinstance(obj, (list, tuple)):
        return type(obj)(asdict(v, dict_factory=dict_factory) for v in obj)
    if isinstance(obj, dict):
        return type(obj)((asdict(k, dict_factory=dict_factory), asdict(v, dict_factory=dict_factory)) for k, v in obj.items())
    return obj


def astuple(obj, *, tuple_factory=tuple):
    if is_dataclass(obj) and not isinstance(obj, type):
        return tuple_factory([astuple(getattr(obj, f.name), tuple_factory=tuple_factory) for f in fields(obj)])
    if isinstance(obj, (list, tuple)):
        return type(obj)(astuple(v, tuple_factory=tuple_factory) for v in obj)
    if isinstance(obj, dict):
        return type(obj)((astuple(k), astuple(v)) for k, v in obj.items())
    return obj


def replace(obj, /, **changes):
    for f in fields(obj):
        if f.init and f.name not in changes:
            changes[f.name] = getattr(obj, f.name)
    return obj.__class__(**changes)


def make_dataclass(cls_name, fields_, *, bases=(), namespace=None, **kw):
    ns = dict(namespace or {})
    ann = {}
    for item in fields_:
        if isinstance(item, str):
            ann[item] = "typing.Any"
        elif len(item) == 2:
            ann[item[0]] = item[1]
        else:
            ann[item[0]] = item[1]
            ns[item[0]] = item[2]
    ns["__annotations__"] = ann
    return dataclass(type(cls_name, bases, ns), **kw)
