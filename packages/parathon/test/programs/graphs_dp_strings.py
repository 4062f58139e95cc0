import heapq
from collections import defaultdict, Counter
from functools import lru_cache
def dijkstra(graph, src):
    dist = {src: 0}
    pq = [(0, src)]
    while pq:
        d, u = heapq.heappop(pq)
        if d > dist.get(u, float("inf")):
            continue
        for v, w in graph[u]:
            nd = d + w
            if nd < dist.get(v, float("inf")):
                dist[v] = nd
                heapq.heappush(pq, (nd, v))
    return dist
g = defaultdict(list)
for a, b, w in [("A", "B", 4), ("A", "C", 2), ("C", "B", 1), ("B", "D", 5), ("C", "D", 8), ("D", "E", 3)]:
    g[a].append((b, w)); g[b].append((a, w))
print(sorted(dijkstra(g, "A").items()))
def lcs(a, b):
    @lru_cache(maxsize=None)
    def go(i, j):
        if i == len(a) or j == len(b):
            return 0
        if a[i] == b[j]:
            return 1 + go(i + 1, j + 1)
        return max(go(i + 1, j), go(i, j + 1))
    return go(0, 0)
print(lcs("AGGTAB", "GXTXAYB"), lcs("abcdefghij" * 3, "acegikmoqs" * 3))
def knapsack(items, cap):
    dp = [0] * (cap + 1)
    for w, v in items:
        for c in range(cap, w - 1, -1):
            dp[c] = max(dp[c], dp[c - w] + v)
    return dp[cap]
print(knapsack([(1, 1), (3, 4), (4, 5), (5, 7)], 7))
def life(board, steps):
    live = {(r, c) for r, row in enumerate(board) for c, ch in enumerate(row) if ch == "#"}
    for _ in range(steps):
        counts = Counter((r + dr, c + dc) for r, c in live for dr in (-1, 0, 1) for dc in (-1, 0, 1) if dr or dc)
        live = {p for p, n in counts.items() if n == 3 or (n == 2 and p in live)}
    return sorted(live)
print(life([".#.", ".#.", ".#."], 1), len(life(["##.", "#..", "...", "..."], 4)))
def rle(s):
    out = []
    i = 0
    while i < len(s):
        j = i
        while j < len(s) and s[j] == s[i]:
            j += 1
        out.append(f"{j - i}{s[i]}")
        i = j
    return "".join(out)
print(rle("aaabccddddde"), rle(""))
def caesar(s, k):
    return "".join(chr((ord(c) - base + k) % 26 + base) if c.isalpha() else c for c in s for base in [ord("A") if c.isupper() else ord("a")])
print(caesar("Hello, World!", 3), caesar(caesar("Round Trip", 7), -7))
words = ["listen", "silent", "enlist", "google", "gooegl", "cat", "act", "tac", "dog"]
groups = defaultdict(list)
for w in words:
    groups["".join(sorted(w))].append(w)
print(sorted(groups.values(), key=lambda g: (-len(g), g)))
def permutations(xs):
    if len(xs) <= 1:
        return [xs]
    return [[x] + p for i, x in enumerate(xs) for p in permutations(xs[:i] + xs[i + 1:])]
print(permutations([1, 2, 3]), len(permutations(list(range(6)))))
state = "start"
transitions = {("start", "go"): "middle", ("middle", "go"): "end", ("middle", "back"): "start"}
for ev in ["go", "back", "go", "go", "jump"]:
    state = transitions.get((state, ev), state)
    print(ev, "->", state, end="; ")
print()
inventory = Counter(apples=3, pears=1)
inventory.update(["apples", "kiwis", "kiwis"])
inventory.subtract({"pears": 1})
print(inventory, inventory.most_common(1), +inventory if False else sorted(inventory.elements()), inventory.total())
