import sys
def depth(n):
    return depth(n + 1) + 1
sys.setrecursionlimit(5000)
def count(n):
    return 0 if n == 0 else 1 + count(n - 1)
print(count(3000))
try:
    depth(0)
except RecursionError as e:
    print("caught:", e)
depth(0)
