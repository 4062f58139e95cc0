class K:
    vals = [1, 2, 3]
    doubled = [v * 2 for v in vals]
    total = sum(vals)
    first, *rest = vals
    def method(self):
        return self.doubled
print(K.doubled, K.total, K.first, K.rest, K().method())
def counter_gen():
    i = 0
    while True:
        cmd = yield i
        if cmd == "reset":
            i = 0
        else:
            i += 1
g = counter_gen()
print(next(g), next(g), g.send("reset"), next(g), next(g))
def flatten(x):
    for item in x:
        if isinstance(item, (list, tuple)):
            yield from flatten(item)
        else:
            yield item
print(list(flatten([1, [2, (3, [4])], 5])))
gen = (x for x in range(3))
print(list(zip(gen, gen)))
it = iter(range(10))
print(list(zip(it, it)))
squares = {x: x * x for x in range(5)}
print(squares, {v: k for k, v in squares.items()}, [(x, y) for x in range(3) for y in range(x)])
matrix = [[1, 2, 3], [4, 5, 6]]
print([[row[i] for row in matrix] for i in range(3)], [n for row in matrix for n in row if n % 2])
print("ÄÖÜ".lower(), "straße".upper(), "ǅ".lower(), "Ω".isalpha(), "٣".isdigit(), "①".isnumeric(), "😀".isprintable(), "\t".isspace())
print("%.3f" % 2.0005, "%.2f" % 0.125, "%.0f" % 0.5, "%.0f" % 1.5, "%e" % 0.0, "%g" % 1e-5, "%g" % 123456789.0, "%.3g" % 0.0001234)
print([0.1, 1/3, 2.0, 1e20, 1e-10], (1.0,), {1.5: 2.25}, str(1e16), repr(123.456e5))
print(f"{12345.6789:.2f} {12345.6789:e} {12345.6789:g} {0.1:.20f} {1/3:.15f} {2.5:.0f} {3.5:.0f} {-0.0:.1f}")
print(format(1e100, ".3e"), format(123, "+08.2f"), format(-1.5, "^9.1f"), format(1234.5, "_.1f"), format(0.000001234, ".2g"))
