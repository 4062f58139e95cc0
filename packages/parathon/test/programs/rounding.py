vals = [2.675, 1.005, 0.125, 0.375, 1234.5678, -1.5, 2.5, 0.5, 1e-10, 123456789.987654321, 1/3, 2/3, 0.1+0.2]
for v in vals:
    print(round(v), round(v, 0), round(v, 1), round(v, 2), round(v, 3), round(v, -1), round(v, -2), f"{v:.2f}", "%.3f" % v, format(v, ".1e"), format(v, "g"))
print(round(5, -1), round(15, -1), round(25, -1), round(-35, -1), round(123, 1), round(True), round(2**60 + 1, -5))
import math
print(math.floor(-0.5), math.ceil(-0.5), int(-0.5), math.trunc(2.9), -7 // 2.0, 7.0 // -2, 5 % -3.0, -5 % 3.0, 2 ** 0.5 ** 2)
