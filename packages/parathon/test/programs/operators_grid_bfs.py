class Matrix:
    def __init__(self, rows):
        self.rows = [list(r) for r in rows]
    def __matmul__(self, other):
        cols = list(zip(*other.rows))
        return Matrix([[sum(a * b for a, b in zip(r, c)) for c in cols] for r in self.rows])
    def __repr__(self):
        return "\n".join(" ".join(f"{v:4}" for v in r) for r in self.rows)
    def __eq__(self, o):
        return self.rows == o.rows
    def __getitem__(self, idx):
        i, j = idx
        return self.rows[i][j]
    def __setitem__(self, idx, v):
        i, j = idx
        self.rows[i][j] = v
m = Matrix([[1, 2], [3, 4]])
print(m @ m)
m[0, 1] = 9
print(m[0, 1], m == Matrix([[1, 9], [3, 4]]))
class Money:
    def __init__(self, cents): self.cents = cents
    def __add__(self, o): return Money(self.cents + (o.cents if isinstance(o, Money) else o))
    __radd__ = __add__
    def __str__(self): return f"${self.cents / 100:.2f}"
    def __format__(self, spec): return format(str(self), spec)
    def __lt__(self, o): return self.cents < o.cents
    def __hash__(self): return hash(self.cents)
    def __eq__(self, o): return isinstance(o, Money) and o.cents == self.cents
print(sum([Money(150), Money(275)]), f"[{Money(5):>8}]", max(Money(3), Money(7)), len({Money(1), Money(1)}))
class Vec(tuple):
    def __new__(cls, x, y):
        return super().__new__(cls, (x, y))
    @property
    def x(self): return self[0]
    def __add__(self, o): return Vec(self[0] + o[0], self[1] + o[1])
v = Vec(1, 2) + Vec(3, 4)
print(v, v.x, type(v).__name__, isinstance(v, tuple), len(v))
class Reg(dict):
    def __missing__(self, k):
        self[k] = len(self)
        return self[k]
r = Reg()
print(r["a"], r["b"], r["a"], r, len(r))
class Grid:
    def __init__(self, w, h):
        self.w, self.h = w, h
        self.cells = {(x, y): "." for x in range(w) for y in range(h)}
    def neighbors(self, x, y):
        for dx, dy in ((1, 0), (-1, 0), (0, 1), (0, -1)):
            nx, ny = x + dx, y + dy
            if (nx, ny) in self.cells:
                yield nx, ny
g = Grid(3, 3)
print(sorted(g.neighbors(1, 1)), list(g.neighbors(0, 0)))
from collections import deque
def bfs(start, goal, grid):
    q = deque([(start, 0)])
    seen = {start}
    while q:
        pos, d = q.popleft()
        if pos == goal:
            return d
        for n in grid.neighbors(*pos):
            if n not in seen:
                seen.add(n)
                q.append((n, d + 1))
    return -1
print(bfs((0, 0), (2, 2), g))
