import io, sys
from contextlib import redirect_stdout
buf = io.StringIO()
with redirect_stdout(buf):
    print("captured", 1, 2)
    print("line two")
print(repr(buf.getvalue()))
s = io.StringIO("a\nb\nc")
print(s.readline(), s.read(), s.getvalue().splitlines())
old = sys.stdout
sys.stdout = io.StringIO()
print("hidden")
val = sys.stdout.getvalue()
sys.stdout = old
print("restored", repr(val))
print("to stderr", file=sys.stderr)
sys.stdout.write("written\n")
