"""glob: pathname pattern expansion (no recursive ** beyond one level of directories)."""
import os
import fnmatch


def _has_magic(s):
    return any(c in s for c in "*?[")


def glob(pathname, *, recursive=False):
    return list(iglob(pathname, recursive=recursive))


def iglob(pathname, *, recursive=False):
    dirname, basename = os.path.split(pathname)
    if not _has_magic(pathname):
        if os.path.exists(pathname):
            yield pathname
        return
    if not dirname:
        dirs = [""]
    elif _has_magic(dirname):
        dirs = list(iglob(dirname, recursive=recursive))
    else:
        dirs = [dirname]
    for d in dirs:
        if recursive and basename == "**":
            for root, subdirs, files in os.walk(d or "."):
                rel = root if d else os.path.relpath(root)
                yield rel if rel != "." else ""
            continue
        try:
            names = sorted(os.listdir(d or "."))
        except OSError:
            continue
        for n in names:
            if n.startswith(".") and not basename.startswith("."):
                continue
            if fnmatch.fnmatchcase(n, basename):
                yield os.path.join(d, n) if d else n


def escape(pathname):
    return "".join("[" + c + "]" if c in "*?[" else c for c in pathname)
