import itertools, functools, operator
data = [("apple", 3, 0.5), ("banana", 12, 0.25), ("cherry", 7, 2.0), ("date", 3, 1.5)]
by_qty = sorted(data, key=operator.itemgetter(1, 0))
print(by_qty)
total = functools.reduce(operator.add, (q * p for _, q, p in data))
print(total, round(total, 2))
for k, grp in itertools.groupby(sorted(data, key=lambda t: t[1]), key=lambda t: t[1]):
    print(k, [g[0] for g in grp])
print(list(itertools.accumulate([1, 2, 3, 4], operator.mul)), list(itertools.starmap(pow, [(2, 3), (3, 2)])))
print(list(itertools.chain([1], (2, 3))), list(itertools.compress("abcd", [1, 0, 1, 0])), list(itertools.islice(itertools.cycle("xy"), 5)))
counter = itertools.count(10, 5)
print(next(counter), next(counter), list(itertools.pairwise([1, 2, 3])) if hasattr(itertools, "pairwise") else None)
print(sum(1 for _ in itertools.permutations(range(5))), len(list(itertools.combinations(range(6), 3))))
@functools.lru_cache(maxsize=None)
def ways(n):
    return 1 if n <= 1 else ways(n - 1) + ways(n - 2)
print(ways(60))
def memoize(f):
    cache = {}
    @functools.wraps(f)
    def inner(*args):
        if args not in cache:
            cache[args] = f(*args)
        return cache[args]
    return inner
@memoize
def grid_paths(r, c):
    if r == 0 or c == 0:
        return 1
    return grid_paths(r - 1, c) + grid_paths(r, c - 1)
print(grid_paths(16, 16), grid_paths.__name__)
print(list(map(lambda x, y: x * y, [1, 2, 3], [4, 5, 6])), list(filter(lambda s: s.isupper(), "aBcD")))
print(max(data, key=lambda t: t[2])[0], min(data, key=operator.itemgetter(1))[0])
print(functools.partial(round, ndigits=1)(3.14159), operator.attrgetter("real")(3 + 4j))
