class Node:
    def __init__(self, val, next=None):
        self.val = val
        self.next = next
class LinkedList:
    def __init__(self):
        self.head = None
        self.size = 0
    def push(self, v):
        self.head = Node(v, self.head)
        self.size += 1
    def __iter__(self):
        cur = self.head
        while cur:
            yield cur.val
            cur = cur.next
    def __len__(self):
        return self.size
    def __repr__(self):
        return "LinkedList([" + ", ".join(map(repr, self)) + "])"
ll = LinkedList()
for i in range(5):
    ll.push(i * i)
print(ll, len(ll), list(ll), sum(ll), max(ll), 9 in ll)
class Stack(list):
    def push(self, x): self.append(x)
    def peek(self): return self[-1]
s = Stack()
s.push(1); s.push(2)
print(s, s.peek(), len(s), s.pop(), s, isinstance(s, list))
class Tree:
    def __init__(self):
        self.root = None
    def insert(self, k):
        def _ins(node, k):
            if node is None:
                return [k, None, None]
            if k < node[0]:
                node[1] = _ins(node[1], k)
            else:
                node[2] = _ins(node[2], k)
            return node
        self.root = _ins(self.root, k)
    def inorder(self):
        out = []
        def walk(n):
            if n:
                walk(n[1]); out.append(n[0]); walk(n[2])
        walk(self.root)
        return out
t = Tree()
for k in [5, 2, 8, 1, 9, 3]:
    t.insert(k)
print(t.inorder())
class Counter:
    count = 0
    def __init__(self):
        Counter.count += 1
        self.id = Counter.count
    def __str__(self):
        return f"Counter #{self.id}"
cs = [Counter() for _ in range(3)]
print([str(c) for c in cs], Counter.count)
print(str(cs[0]), "%s" % cs[1], f"{cs[2]}", "{}".format(cs[0]))
class Temp:
    def __init__(self, c): self._c = c
    @property
    def f(self): return self._c * 9 / 5 + 32
    def __lt__(self, o): return self._c < o._c
    def __eq__(self, o): return self._c == o._c
temps = [Temp(30), Temp(10), Temp(20)]
print([t.f for t in sorted(temps)], Temp(1) == Temp(1), Temp(1) != Temp(2))
d = {}
d.setdefault("k", []).append(1)
print(d, dict(sorted({"b": 1, "a": 2}.items())), list(zip(*[(1, "a"), (2, "b")])))
