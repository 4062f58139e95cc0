name = "world"
print(f"hello {name}!", f'{name!r:>10}', f"{3.14:.{2}f}", F"{{literal}} {name=}", f"{ name = !s}")
x = (f"a{b}c" "d" f'{e:{f}.{g}}' rf"\d{h}")
y = f"""multi
  {a +
 b}line{ c!a:<{w}}"""
z = u"unicode" 'more'
e = f"{'nested' + 'q'}" if 0 else f'{d["k"]}'
w = f"{x:}" f"{x!r}" f"" f"{{}}"
t = f"{a, b}" f"{(yield)}" if False else None
s = 'é\t\x00\u2028\U0001f600\\' "'" '"' '\'"'
b = b'\x00\xff\'"' br'\x00'
n = [0, 00, 0x_1f, 0o17, 0b1010, 1_000_000, 1., .5, 1e10, 1.5E-3, 1e16, 1e-5, 123456789012345678901234567890, 3j, 1.5j, 1e100j, 0.1]
