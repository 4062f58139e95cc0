"""enum: Enum, IntEnum, Flag-free subset, auto(), unique()."""

_auto_counter = [0]


class auto:
    def __init__(self):
        _auto_counter[0] += 1
        self._order = _auto_counter[0]
        self.value = None


class EnumMeta(type):
    def __new__(mcls, name, bases, ns, **kw):
        member_names = []
        for k, v in list(ns.items()):
            if k.startswith("_") or callable(v) and not isinstance(v, auto) or isinstance(v, (property, classmethod, staticmethod)):
                continue
            member_names.append(k)
        values = {k: ns[k] for k in member_names}
        for k in member_names:
            del ns[k]
        cls = super().__new__(mcls, name, bases, ns)
        cls._member_names_ = []
        cls._member_map_ = {}
        cls._value2member_map_ = {}
        base_type = None
        for b in cls.__mro__[1:]:
            if b is not object and not issubclass(b, Enum) and b.__new__ is not object.__new__:
                base_type = b
                break
        if base_type is not None and "__repr__" not in ns and "Enum" in globals():
            # a mixed-in data type (int, str) must not shadow Enum's repr
            type.__setattr__(cls, "__repr__", globals()["Enum"].__repr__)
        last = 0
        for k in member_names:
            v = values[k]
            if isinstance(v, auto):
                v = cls._generate_next_value_(k, 1, len(cls._member_names_), [m._value_ for m in cls._member_map_.values()])
            if v in cls._value2member_map_:
                member = cls._value2member_map_[v]
                cls._member_map_[k] = member
                setattr(cls, k, member)
                continue
            if base_type is not None:
                args = v if isinstance(v, tuple) and base_type is not tuple else (v,)
                member = base_type.__new__(cls, *args)
            else:
                member = object.__new__(cls)
            member._name_ = k
            member._value_ = v
            init = cls.__dict__.get("__init__")
            if init is not None:
                init(member, *(v if isinstance(v, tuple) else (v,)))
            cls._member_names_.append(k)
            cls._member_map_[k] = member
            try:
                cls._value2member_map_[v] = member
            except TypeError:
                pass
            type.__setattr__(cls, k, member)
        return cls

    def __call__(cls, value, *args, **kw):
        if args or kw:
            return Enum._functional(cls, value, *args, **kw)
        if isinstance(value, cls):
            return value
        try:
            return cls._value2member_map_[value]
        except (KeyError, TypeError):
            for m in cls._member_map_.values():
                if m._value_ == value:
                    return m
        missing = cls._missing_(value)
        if missing is not None:
            return missing
        raise ValueError(f"{value!r} is not a valid {cls.__qualname__}")

    def __getitem__(cls, name):
        return cls._member_map_[name]

    def __iter__(cls):
        return iter([cls._member_map_[n] for n in cls._member_names_])

    def __reversed__(cls):
        return iter([cls._member_map_[n] for n in reversed(cls._member_names_)])

    def __len__(cls):
        return len(cls._member_names_)

    def __contains__(cls, member):
        return isinstance(member, cls) and member._name_ in cls._member_map_

    def __repr__(cls):
        return f"<enum {cls.__name__!r}>"

    @property
    def __members__(cls):
        return dict(cls._member_map_)

    def __setattr__(cls, name, value):
        if name in cls.__dict__.get("_member_map_", {}):
            raise AttributeError(f"cannot reassign member {name!r}")
        type.__setattr__(cls, name, value)


class Enum(metaclass=EnumMeta):
    @staticmethod
    def _generate_next_value_(name, start, count, last_values):
        for v in reversed(last_values):
            try:
                return v + 1
            except TypeError:
                pass
        return start

    @classmethod
    def _missing_(cls, value):
        return None

    def __repr__(self):
        return f"<{type(self).__name__}.{self._name_}: {self._value_!r}>"

    def __str__(self):
        return f"{type(self).__name__}.{self._name_}"

    def __format__(self, spec):
        return format(str(self), spec)

    def __hash__(self):
        return hash(self._name_)

    def __reduce_ex__(self, proto):
        return self.__class__, (self._value_,)

    @property
    def name(self):
        return self._name_

    @property
    def value(self):
        return self._value_


class IntEnum(int, Enum):
    def __str__(self):
        return str(self._value_)

    def __format__(self, spec):
        return format(self._value_, spec)


class StrEnum(str, Enum):
    def __str__(self):
        return self._value_

    @staticmethod
    def _generate_next_value_(name, start, count, last_values):
        return name.lower()


class Flag(Enum):
    pass


class IntFlag(int, Flag):
    pass


def unique(enumeration):
    seen = {}
    for name, member in enumeration.__members__.items():
        if name != member.name:
            raise ValueError(f"duplicate values found in {enumeration!r}: {name} -> {member.name}")
    return enumeration
