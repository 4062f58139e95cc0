x = 10
def show():
    print(x)
show()
def shadow():
    x = 5
    def inner():
        return x * 2
    return inner()
print(shadow(), x)
def gen_squares(n):
    for i in range(n):
        yield i ** 2
print(list(gen_squares(5)), sum(gen_squares(10)))
funcs = []
for i in range(3):
    funcs.append(lambda: i)
print([f() for f in funcs])
try:
    print(undefined)
except NameError as e:
    print("NameError:", e)
def f(n):
    if n == 0:
        raise ValueError("bottom")
    return f(n - 1)
try:
    f(5)
except ValueError as e:
    print("caught", e)
import math
print(math.floor(3.7), math.ceil(3.2), round(3.14159, 3), abs(-7), pow(2, 10), 7 % 3, -7 % 3, 2 ** -2)
print(int("42") + 1, str(42) + "1", float("3.5") * 2, int(3.99), int(-3.99), 10 // 3, -10 // 3, 10 / 3)
print(1e10, 1.5e-7, 123.0, 100.0 / 3, 2 / 2, 0.1 * 3, 1 / 7, 1e100, 12345.6789e5)
print(f"{1/3:.4f}", f"{1000000:,}", f"{0.5:.0%}", f"{3:>4}", f"{'hi':<5}|", f"{7:03}", f"{-7:05}", f"{1e-3:.2e}")
big = 2 ** 100
print(big, big // 3, big % 1000, -big, big * big, str(big)[:10], len(str(big)))
i = 0
while True:
    i += 1
    if i > 5:
        break
    if i % 2 == 0:
        continue
    print("odd", i)
else:
    print("never")
for n in range(2, 10):
    for d in range(2, n):
        if n % d == 0:
            break
    else:
        print(n, "is prime")
