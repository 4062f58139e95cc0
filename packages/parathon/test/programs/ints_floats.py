# ints of any size, division and modulo of negatives, float repr
print(2 ** 64, -2 ** 63, 10 ** 30 // 7, 10 ** 30 % 7, (-10) ** 21)
for a in (7, -7):
    for b in (2, -2):
        print(a, b, a // b, a % b, divmod(a, b), a / b)
print(7.5 // 2, -7.5 // 2, 7.5 % -2, -0.0, 1e300 * 10, -1e300 * 10)
print(0.1, 0.2 + 0.1, 1 / 3, 2 / 3, 1e-5, 1e-4, 123456789012345678.0, 1e16, 1e15, 3.0, -2.5e-10)
print(float('inf'), float('-inf'), float('nan'), float('1_000.5'), int('  -42 '), int('0x1f', 16), int('0b101', 0))
print(9007199254740993, 9007199254740992 + 1, 2 ** 53 + 1 == 9007199254740993, 3 * 3000000000000000)
print(abs(-5), abs(-2.5), round(0.5), round(1.5), round(2.675, 2), round(-0.5), round(1234, -2), round(1250, -2))
print(int(3.9), int(-3.9), float(10), 1 == 1.0, hash(1) == hash(1.0), 1 is 1, True + True, True * 3.5)
print(pow(3, 200, 1000007), pow(2, -1), pow(-8, 1/3) if False else 0, 5 ** 0.5, (-2) ** 2)
print(7 & 3, 7 | 8, 7 ^ 2, ~7, 1 << 100, (1 << 100) >> 98, -1 >> 1, -(1 << 70) >> 3)
print(bin(10), oct(64), hex(-255), (255).bit_length(), (2 ** 100).bit_length(), int.from_bytes(b'\x01\x00', 'big'))
print(1_000_000, 0o17, 0xFF, 0b11, 1e3, .5, 5., 1j * 1j, complex(1, 2) * 2)
print(max(1, 2.5), min([3, 1, 2]), sum([0.1] * 10), sum(range(101)), 10 / 4, 10 // 4, -10 // 4)
print(float.is_integer(2.0), (2.5).as_integer_ratio(), 12345678901234567890 * 98765432109876543210)
x = 1
for i in range(100):
    x = x * 3 + 1
print(x, x % 1000, x // 10 ** 40)
print(str(1.0), repr(1.5e300), 1e22, 1e21, 123456789.123456789, 0.000123, 1.0e-7)
