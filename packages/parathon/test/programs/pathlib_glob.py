import os
from pathlib import Path, PurePosixPath
import glob, fnmatch
base = Path("/tmp") / ("parathon_pathlib_%d" % os.getpid())
base.mkdir(exist_ok=True)
(base / "a.txt").write_text("alpha\nbeta\n")
(base / "b.py").write_text("print(1)")
(base / "sub").mkdir(exist_ok=True)
p = base / "a.txt"
print(str(p).endswith("/a.txt"), repr(p).startswith("PosixPath('/tmp/parathon_pathlib_"), p.name, p.stem, p.suffix, p.parent.name.startswith("parathon_pathlib_"), p.exists(), p.is_file(), base.is_dir())
print(p.read_text().splitlines(), sorted(q.name for q in base.iterdir()), sorted(q.name for q in base.glob("*.py")))
print(PurePosixPath("/usr/lib/x.tar.gz").suffixes, Path("a/b/../c").parts, Path("x/y.txt").with_suffix(".md"), p.relative_to(base))
print(sorted(os.path.basename(x) for x in glob.glob(str(base / "*.txt"))), fnmatch.fnmatch("file.py", "*.py"), fnmatch.filter(["a.c", "b.h"], "*.c"))
for q in [base / "a.txt", base / "b.py"]:
    q.unlink()
(base / "sub").rmdir()
base.rmdir()
print(base.exists(), Path("rel/path").is_absolute(), str(Path("/a") / "b" / "c"))
