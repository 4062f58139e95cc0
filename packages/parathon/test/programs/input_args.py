# args: alpha 42
# stdin: "first line\nsecond\n3 4 5\n"
import sys
print(sys.argv[1:], len(sys.argv))
a = input()
b = input("prompt> ")
nums = list(map(int, input().split()))
print(repr(a), repr(b), sum(nums))
try:
    input()
except EOFError as e:
    print("EOFError", e)
