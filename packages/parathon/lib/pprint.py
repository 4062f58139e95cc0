"""pprint: pformat/pprint for the builtin containers (sorted dicts, width-based wrapping)."""
import sys


def _safe_key(x):
    return (str(type(x)), x) if False else x


def pformat(obj, indent=1, width=80, depth=None, *, compact=False, sort_dicts=True, underscore_numbers=False):
    return _format(obj, indent, width, 0, sort_dicts)


def _format(obj, indent, width, level, sort_dicts):
    r = _repr(obj, sort_dicts)
    if len(r) + level <= width:
        return r
    pad = " " * (level + indent)
    if isinstance(obj, dict) and obj:
        items = list(obj.items())
        if sort_dicts:
            try:
                items.sort(key=lambda kv: kv[0])
            except TypeError:
                pass
        parts = []
        for i, (k, v) in enumerate(items):
            kr = _repr(k, sort_dicts)
            last = i == len(items) - 1
            vf = _format(v, indent, width - (0 if last else 1), level + indent + len(kr) + 2, sort_dicts)
            parts.append(kr + ": " + vf)
        return "{" + (",\n" + pad).join(parts) + "}"
    if isinstance(obj, (list, tuple)) and obj:
        open_, close = ("[", "]") if isinstance(obj, list) else ("(", ")")
        if isinstance(obj, tuple) and len(obj) == 1:
            close = ",)"
        parts = [_format(v, indent, width - (0 if i == len(obj) - 1 else 1), level + indent, sort_dicts) for i, v in enumerate(obj)]
        return open_ + (",\n" + pad).join(parts) + close
    return r


def _repr(obj, sort_dicts):
    if isinstance(obj, dict) and type(obj) is dict:
        items = list(obj.items())
        if sort_dicts:
            try:
                items.sort(key=lambda kv: kv[0])
            except TypeError:
                pass
        return "{" + ", ".join(_repr(k, sort_dicts) + ": " + _repr(v, sort_dicts) for k, v in items) + "}"
    if type(obj) is list:
        return "[" + ", ".join(_repr(v, sort_dicts) for v in obj) + "]"
    if type(obj) is tuple:
        if len(obj) == 1:
            return "(" + _repr(obj[0], sort_dicts) + ",)"
        return "(" + ", ".join(_repr(v, sort_dicts) for v in obj) + ")"
    return repr(obj)


def pprint(obj, stream=None, indent=1, width=80, depth=None, *, compact=False, sort_dicts=True, underscore_numbers=False):
    print(pformat(obj, indent, width, depth, sort_dicts=sort_dicts), file=stream if stream is not None else sys.stdout)


def pp(obj, *args, sort_dicts=False, **kwargs):
    pprint(obj, *args, sort_dicts=sort_dicts, **kwargs)


def saferepr(obj):
    return _repr(obj, True)


class PrettyPrinter:
    def __init__(self, indent=1, width=80, depth=None, stream=None, *, compact=False, sort_dicts=True, underscore_numbers=False):
        self._indent = indent
        self._width = width
        self._stream = stream
        self._sort_dicts = sort_dicts

    def pformat(self, obj):
        return pformat(obj, self._indent, self._width, sort_dicts=self._sort_dicts)

    def pprint(self, obj):
        pprint(obj, self._stream, self._indent, self._width, sort_dicts=self._sort_dicts)
