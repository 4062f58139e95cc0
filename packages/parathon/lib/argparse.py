"""argparse: ArgumentParser with positionals, options, store/store_true/store_false/count/append
actions, type, default, choices, nargs, required; errors exit 2 with usage as CPython does."""
import sys as _sys

SUPPRESS = "==SUPPRESS=="


class Namespace:
    def __init__(self, **kwargs):
        for k, v in kwargs.items():
            setattr(self, k, v)

    def __repr__(self):
        return "Namespace(" + ", ".join(f"{k}={v!r}" for k, v in vars(self).items()) + ")"

    def __eq__(self, other):
        return vars(self) == vars(other)

    def __contains__(self, key):
        return key in self.__dict__


class ArgumentError(Exception):
    pass


class _Action:
    def __init__(self, names, dest, action, type, default, choices, nargs, required, help, metavar, const):
        self.option_strings = [n for n in names if n.startswith("-")]
        self.dest = dest
        self.action = action
        self.type = type
        self.default = default
        self.choices = choices
        self.nargs = nargs
        self.required = required
        self.help = help
        self.metavar = metavar
        self.const = const


class ArgumentParser:
    def __init__(self, prog=None, description=None, epilog=None, add_help=True, **kwargs):
        self.prog = prog if prog is not None else _sys.argv[0].split("/")[-1]
        self.description = description
        self.epilog = epilog
        self._actions = []
        self.add_help = add_help

    def add_argument(self, *names, action="store", type=None, default=None, choices=None, nargs=None,
                     required=None, help=None, metavar=None, dest=None, const=None):
        if names[0].startswith("-"):
            longs = [n for n in names if n.startswith("--")]
            d = dest or (longs[0] if longs else names[0]).lstrip("-").replace("-", "_")
            req = bool(required)
        else:
            d = dest or names[0]
            req = nargs not in ("?", "*")
        if action == "store_true":
            default = False if default is None else default
        elif action == "store_false":
            default = True if default is None else default
        elif action == "count" and default is None:
            default = None
        a = _Action(names, d, action, type, default, choices, nargs, req, help, metavar, const)
        self._actions.append(a)
        return a

    def add_mutually_exclusive_group(self, required=False):
        return self

    def add_argument_group(self, *args, **kwargs):
        return self

    def set_defaults(self, **kwargs):
        for a in self._actions:
            if a.dest in kwargs:
                a.default = kwargs[a.dest]
        self._extra_defaults = kwargs

    def _metavar(self, a):
        return a.metavar or (a.dest.upper() if a.option_strings else a.dest)

    def format_usage(self):
        parts = ["usage: " + self.prog]
        if self.add_help:
            parts.append("[-h]")
        for a in self._actions:
            if a.option_strings:
                flag = a.option_strings[0]
                if a.action in ("store_true", "store_false", "count"):
                    s = flag
                else:
                    s = f"{flag} {self._metavar(a)}"
                parts.append(s if a.required else f"[{s}]")
        for a in self._actions:
            if not a.option_strings:
                m = self._metavar(a)
                parts.append(f"[{m}]" if a.nargs == "?" else f"[{m} ...]" if a.nargs == "*" else f"{m} [{m} ...]" if a.nargs == "+" else m)
        return " ".join(parts) + "\n"

    def format_help(self):
        out = self.format_usage()
        if self.description:
            out += "\n" + self.description + "\n"
        pos = [a for a in self._actions if not a.option_strings]
        if pos:
            out += "\npositional arguments:\n"
            for a in pos:
                out += f"  {self._metavar(a):<22}{a.help or ''}".rstrip() + "\n"
        out += "\noptions:\n"
        if self.add_help:
            out += "  -h, --help            show this help message and exit\n"
        for a in self._actions:
            if a.option_strings:
                flags = ", ".join(a.option_strings) if a.action in ("store_true", "store_false", "count") else ", ".join(f"{o} {self._metavar(a)}" for o in a.option_strings)
                line = f"  {flags}"
                line = (line.ljust(24) + (a.help or "")) if len(line) < 23 else line + "\n" + " " * 24 + (a.help or "")
                out += line.rstrip() + "\n"
        if self.epilog:
            out += "\n" + self.epilog + "\n"
        return out

    def print_help(self, file=None):
        (file or _sys.stdout).write(self.format_help())

    def print_usage(self, file=None):
        (file or _sys.stdout).write(self.format_usage())

    def error(self, message):
        _sys.stderr.write(self.format_usage())
        _sys.stderr.write(f"{self.prog}: error: {message}\n")
        raise SystemExit(2)

    def exit(self, status=0, message=None):
        if message:
            _sys.stderr.write(message)
        raise SystemExit(status)

    def _convert(self, a, s):
        v = s
        if a.type is not None:
            try:
                v = a.type(s)
            except (TypeError, ValueError):
                name = getattr(a.type, "__name__", repr(a.type))
                self.error(f"argument {'/'.join(a.option_strings) or a.dest}: invalid {name} value: {s!r}")
        if a.choices is not None and v not in a.choices:
            choices = ", ".join(map(repr, a.choices))
            self.error(f"argument {'/'.join(a.option_strings) or a.dest}: invalid choice: {v!r} (choose from {choices})")
        return v

    def parse_known_args(self, args=None, namespace=None):
        args = list(_sys.argv[1:] if args is None else args)
        ns = namespace or Namespace()
        for a in self._actions:
            if not hasattr(ns, a.dest):
                setattr(ns, a.dest, a.default)
        for k, v in getattr(self, "_extra_defaults", {}).items():
            if not hasattr(ns, k):
                setattr(ns, k, v)
        positionals = []
        extras = []
        seen = set()
        i = 0
        while i < len(args):
            arg = args[i]
            if arg == "--":
                positionals.extend(args[i + 1:])
                break
            if arg.startswith("-") and arg != "-" and not _is_number(arg):
                if self.add_help and arg in ("-h", "--help"):
                    self.print_help()
                    raise SystemExit(0)
                name, eq, val = arg.partition("=")
                a = next((x for x in self._actions if name in x.option_strings), None)
                if a is None:
                    extras.append(arg)
                    i += 1
                    continue
                seen.add(a.dest)
                if a.action == "store_true":
                    setattr(ns, a.dest, True)
                elif a.action == "store_false":
                    setattr(ns, a.dest, False)
                elif a.action == "count":
                    setattr(ns, a.dest, (getattr(ns, a.dest) or 0) + 1)
                elif a.action == "store_const":
                    setattr(ns, a.dest, a.const)
                else:
                    n = a.nargs
                    if eq:
                        vals = [val]
                    elif n in ("*", "+") or isinstance(n, int):
                        vals = []
                        while i + 1 < len(args) and not (args[i + 1].startswith("-") and not _is_number(args[i + 1])):
                            i += 1
                            vals.append(args[i])
                            if isinstance(n, int) and len(vals) == n:
                                break
                    else:
                        if i + 1 >= len(args) or (args[i + 1].startswith("-") and not _is_number(args[i + 1])):
                            if n == "?":
                                setattr(ns, a.dest, a.const)
                                i += 1
                                continue
                            self.error(f"argument {'/'.join(a.option_strings)}: expected one argument")
                        i += 1
                        vals = [args[i]]
                    conv = [self._convert(a, v) for v in vals]
                    value = conv if (n in ("*", "+") or isinstance(n, int)) else conv[0]
                    if a.action == "append":
                        cur = getattr(ns, a.dest) or []
                        setattr(ns, a.dest, cur + [value])
                    else:
                        setattr(ns, a.dest, value)
            else:
                positionals.append(arg)
            i += 1
        pos_actions = [a for a in self._actions if not a.option_strings]
        for idx, a in enumerate(pos_actions):
            rest_required = sum(1 for b in pos_actions[idx + 1:] if b.nargs not in ("?", "*"))
            if a.nargs in ("*", "+"):
                take = positionals[:max(0, len(positionals) - rest_required)]
                if a.nargs == "+" and not take:
                    continue
                positionals = positionals[len(take):]
                setattr(ns, a.dest, [self._convert(a, v) for v in take] if take or a.default is None else a.default)
            elif a.nargs == "?":
                if len(positionals) > rest_required:
                    setattr(ns, a.dest, self._convert(a, positionals.pop(0)))
            elif isinstance(a.nargs, int):
                take, positionals = positionals[:a.nargs], positionals[a.nargs:]
                setattr(ns, a.dest, [self._convert(a, v) for v in take])
            elif positionals:
                setattr(ns, a.dest, self._convert(a, positionals.pop(0)))
                seen.add(a.dest)
            else:
                continue
            seen.add(a.dest)
        missing = [a for a in self._actions if a.required and a.dest not in seen]
        if missing:
            names = ", ".join("/".join(a.option_strings) or self._metavar(a) for a in missing)
            self.error(f"the following arguments are required: {names}")
        extras.extend(positionals)
        for a in self._actions:
            if isinstance(getattr(ns, a.dest), str) and a.type is not None and getattr(ns, a.dest) is a.default:
                setattr(ns, a.dest, self._convert(a, a.default))
        return ns, extras

    def parse_args(self, args=None, namespace=None):
        ns, extras = self.parse_known_args(args, namespace)
        if extras:
            self.error("unrecognized arguments: " + " ".join(extras))
        return ns


def _is_number(s):
    try:
        float(s)
        return True
    except ValueError:
        return False


class FileType:
    def __init__(self, mode="r"):
        self.mode = mode

    def __call__(self, path):
        return open(path, self.mode)


class HelpFormatter:
    pass


class RawTextHelpFormatter(HelpFormatter):
    pass


class RawDescriptionHelpFormatter(HelpFormatter):
    pass


class ArgumentDefaultsHelpFormatter(HelpFormatter):
    pass
