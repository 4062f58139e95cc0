import os
path = "/tmp/parathon_files_io_test.txt"
with open(path, "w") as f:
    f.write("line one\n")
    f.write("line two\n")
    print("third", file=f)
with open(path) as f:
    print(repr(f.read()))
with open(path) as f:
    for line in f:
        print(line.rstrip())
with open(path) as f:
    print(f.readline(), f.readlines())
with open(path, "a") as f:
    f.writelines(["x\n", "y\n"])
print(open(path).read().splitlines())
with open(path, "wb") as f:
    f.write(bytes(range(5)))
print(open(path, "rb").read())
os.remove(path)
print(os.path.exists(path))
try:
    open("/nonexistent/file")
except FileNotFoundError as e:
    print("FileNotFoundError", e.errno, e)
import sys
sys.stdout.write("direct write\n")
print("to stderr", file=sys.stderr)
print("a", "b", sep="-", end="!\n")
print()
