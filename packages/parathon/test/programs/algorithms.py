import sys
def main():
    data = [5, 3, 8, 1, 9, 2]
    # bubble sort
    arr = data[:]
    n = len(arr)
    for i in range(n):
        for j in range(0, n - i - 1):
            if arr[j] > arr[j + 1]:
                arr[j], arr[j + 1] = arr[j + 1], arr[j]
    print("sorted:", arr)
    # binary search
    def bsearch(a, x):
        lo, hi = 0, len(a) - 1
        while lo <= hi:
            mid = (lo + hi) // 2
            if a[mid] == x: return mid
            elif a[mid] < x: lo = mid + 1
            else: hi = mid - 1
        return -1
    print([bsearch(arr, v) for v in (1, 9, 4)])
    # primes
    sieve = [True] * 50
    sieve[0] = sieve[1] = False
    for i in range(2, int(50 ** 0.5) + 1):
        if sieve[i]:
            for j in range(i * i, 50, i):
                sieve[j] = False
    print([i for i, p in enumerate(sieve) if p])
    # matrix
    A = [[1, 2], [3, 4]]
    B = [[5, 6], [7, 8]]
    C = [[sum(A[i][k] * B[k][j] for k in range(2)) for j in range(2)] for i in range(2)]
    print(C)
    # string processing
    text = "the quick brown fox jumps over the lazy dog the end"
    freq = {}
    for w in text.split():
        freq[w] = freq.get(w, 0) + 1
    print(sorted(freq.items(), key=lambda kv: (-kv[1], kv[0]))[:3])
    print(" ".join(w.capitalize() for w in text.split()[:4]))
    print(text.count("the"), text.find("fox"), text[::-1][:10])
    # gcd / fib memo
    memo = {0: 0, 1: 1}
    def fib(n):
        if n not in memo:
            memo[n] = fib(n - 1) + fib(n - 2)
        return memo[n]
    print(fib(100))
    print("%d items, %.2f avg" % (len(data), sum(data) / len(data)))
    return 0
if __name__ == "__main__":
    sys.exit(main())
