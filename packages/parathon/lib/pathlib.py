"""pathlib: PurePosixPath/PosixPath/Path over os and os.path."""
import os
import fnmatch


class PurePath:
    def __init__(self, *parts):
        strs = []
        for p in parts:
            if isinstance(p, PurePath):
                strs.append(p._str)
            elif isinstance(p, str):
                strs.append(p)
            else:
                raise TypeError(f"argument should be a str or an os.PathLike object, not '{type(p).__name__}'")
        path = os.path.join(*strs) if strs else ""
        # pathlib collapses "." and repeated slashes but keeps ".." (unlike os.path.normpath)
        segs = [x for x in path.split("/") if x and x != "."]
        root = "/" if path.startswith("/") else ""
        self._str = (root + "/".join(segs)) or "."
        if root and not segs:
            self._str = "/"

    def __str__(self):
        return self._str

    def __fspath__(self):
        return self._str

    def __repr__(self):
        return f"{type(self).__name__}({self._str!r})"

    def __eq__(self, other):
        return isinstance(other, PurePath) and self._str == other._str

    def __hash__(self):
        return hash(self._str)

    def __lt__(self, other):
        return self.parts < other.parts

    def __truediv__(self, other):
        return type(self)(self, other)

    def __rtruediv__(self, other):
        return type(self)(other, self)

    @property
    def parts(self):
        if self._str == ".":
            return ()
        if self._str.startswith("/"):
            return ("/",) + tuple(p for p in self._str.split("/") if p)
        return tuple(self._str.split("/"))

    @property
    def name(self):
        return "" if self._str in (".", "/") else self._str.rsplit("/", 1)[-1]

    @property
    def suffix(self):
        n = self.name
        i = n.rfind(".")
        return n[i:] if 0 < i < len(n) - 1 else ""

    @property
    def suffixes(self):
        n = self.name
        if n.endswith("."):
            return []
        n = n.lstrip(".")
        return ["." + s for s in n.split(".")[1:]]

    @property
    def stem(self):
        n, s = self.name, self.suffix
        return n[:-len(s)] if s else n

    @property
    def parent(self):
        if self._str in ("/", "."):
            return self
        if "/" not in self._str:
            return type(self)(".")
        head = self._str.rsplit("/", 1)[0]
        return type(self)(head or "/")

    @property
    def parents(self):
        out = []
        p = self
        while p.parent != p:
            p = p.parent
            out.append(p)
        return tuple(out)

    @property
    def anchor(self):
        return "/" if self._str.startswith("/") else ""

    def is_absolute(self):
        return self._str.startswith("/")

    def joinpath(self, *others):
        return type(self)(self, *others)

    def with_name(self, name):
        return self.parent / name

    def with_suffix(self, suffix):
        return self.parent / (self.stem + suffix)

    def with_stem(self, stem):
        return self.parent / (stem + self.suffix)

    def relative_to(self, other):
        o = str(other)
        if self._str == o:
            return type(self)(".")
        prefix = o.rstrip("/") + "/"
        if not self._str.startswith(prefix):
            raise ValueError(f"{self._str!r} is not in the subpath of {o!r}")
        return type(self)(self._str[len(prefix):])

    def match(self, pattern):
        return fnmatch.fnmatchcase(self.name, pattern) if "/" not in pattern else fnmatch.fnmatchcase(self._str, "*" + pattern)

    def as_posix(self):
        return self._str


class PurePosixPath(PurePath):
    pass


class Path(PurePath):
    @classmethod
    def cwd(cls):
        return cls(os.getcwd())

    @classmethod
    def home(cls):
        return cls(os.path.expanduser("~"))

    def exists(self):
        return os.path.exists(self._str)

    def is_file(self):
        return os.path.isfile(self._str)

    def is_dir(self):
        return os.path.isdir(self._str)

    def resolve(self, strict=False):
        return type(self)(os.path.abspath(self._str))

    absolute = resolve

    def expanduser(self):
        return type(self)(os.path.expanduser(self._str))

    def stat(self):
        return os.stat(self._str)

    def open(self, mode="r", encoding=None):
        return open(self._str, mode, encoding=encoding)

    def read_text(self, encoding=None):
        with open(self._str, encoding=encoding) as f:
            return f.read()

    def write_text(self, data, encoding=None):
        with open(self._str, "w", encoding=encoding) as f:
            return f.write(data)

    def read_bytes(self):
        with open(self._str, "rb") as f:
            return f.read()

    def write_bytes(self, data):
        with open(self._str, "wb") as f:
            return f.write(data)

    def iterdir(self):
        for n in os.listdir(self._str):
            yield self / n

    def glob(self, pattern):
        for p in self.iterdir():
            if fnmatch.fnmatchcase(p.name, pattern):
                yield p

    def rglob(self, pattern):
        for root, dirs, files in os.walk(self._str):
            for n in sorted(dirs + files):
                if fnmatch.fnmatchcase(n, pattern):
                    yield Path(root) / n

    def mkdir(self, mode=0o777, parents=False, exist_ok=False):
        if self.exists():
            if exist_ok and self.is_dir():
                return
            raise FileExistsError(17, "File exists", self._str)
        if parents:
            os.makedirs(self._str, exist_ok=exist_ok)
        else:
            os.mkdir(self._str)

    def unlink(self, missing_ok=False):
        try:
            os.remove(self._str)
        except FileNotFoundError:
            if not missing_ok:
                raise

    def rmdir(self):
        os.rmdir(self._str)

    def rename(self, target):
        os.rename(self._str, str(target))
        return type(self)(target)

    def touch(self, exist_ok=True):
        if self.exists():
            if not exist_ok:
                raise FileExistsError(17, "File exists", self._str)
            return
        open(self._str, "a").close()


class PosixPath(Path):
    pass


def _path_new(cls, *args, **kwargs):
    if cls is Path:
        cls = PosixPath
    return object.__new__(cls)


Path.__new__ = _path_new
