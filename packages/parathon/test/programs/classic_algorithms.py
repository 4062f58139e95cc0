def gen_primes():
    D = {}
    q = 2
    while True:
        if q not in D:
            yield q
            D[q * q] = [q]
        else:
            for p in D[q]:
                D.setdefault(p + q, []).append(p)
            del D[q]
        q += 1
import itertools
print(list(itertools.islice(gen_primes(), 15)))
def collatz(n):
    steps = 0
    while n != 1:
        n = n // 2 if n % 2 == 0 else 3 * n + 1
        steps += 1
    return steps
print(max(range(1, 10000), key=collatz), collatz(27))
def to_roman(n):
    vals = [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]
    out = ""
    for v, s in vals:
        while n >= v:
            out += s
            n -= v
    return out
print([to_roman(n) for n in (1, 4, 9, 14, 40, 90, 400, 1994, 2024)])
def is_palindrome(s):
    s = "".join(c.lower() for c in s if c.isalnum())
    return s == s[::-1]
print(is_palindrome("A man, a plan, a canal: Panama"), is_palindrome("hello"))
def fizzbuzz(n):
    return ["FizzBuzz" if i % 15 == 0 else "Fizz" if i % 3 == 0 else "Buzz" if i % 5 == 0 else str(i) for i in range(1, n + 1)]
print(fizzbuzz(15))
def hanoi(n, a="A", b="B", c="C", moves=None):
    if moves is None:
        moves = []
    if n:
        hanoi(n - 1, a, c, b, moves)
        moves.append((a, c))
        hanoi(n - 1, b, a, c, moves)
    return moves
print(len(hanoi(10)), hanoi(2))
import math
print([round(math.sin(math.radians(a)), 4) for a in range(0, 181, 30)])
print(f"{math.pi:.10f}", f"{math.e:e}", f"{2**0.5:.15g}", 10**-3, 1/3 + 1/3 + 1/3 == 1.0, 0.1 + 0.2 == 0.3)
print(sum(1/k**2 for k in range(1, 1001)), math.sqrt(6 * sum(1/k**2 for k in range(1, 100001))))
print(int("1" * 30) * int("9" * 30), 2 ** 0.5 * 2 ** 0.5, divmod(10**20, 7), (-7) // 2, -7 % 2, 7 // -2)
