import sys, math
x = math.factorial(1000)
print(len(str(x)), str(x)[:10], int("1" * 4300) % 7)
try:
    print(str(10 ** 5000))
except ValueError as e:
    print("ValueError:", e)
try:
    int("9" * 4301)
except ValueError as e:
    print("ValueError:", e)
print(sys.get_int_max_str_digits(), hex(10 ** 5000)[:10], int("123"), int("-0042"), int(" 7 "), int("1_000"))
sys.set_int_max_str_digits(0)
print(len(str(10 ** 5000)))
