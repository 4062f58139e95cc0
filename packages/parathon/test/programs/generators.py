def countdown(n):
    while n > 0:
        yield n
        n -= 1
    return "done"
print(list(countdown(3)))
def echo():
    received = []
    while True:
        try:
            x = yield len(received)
        except ValueError as e:
            received.append("err:" + str(e))
            continue
        except GeneratorExit:
            print("closing", received)
            raise
        if x is None:
            break
        received.append(x)
    return received
g = echo()
print(next(g), g.send("a"), g.send("b"), g.throw(ValueError("bad")))
g.close()
def inner():
    x = yield 1
    y = yield x * 2
    return x + y
def outer():
    r = yield from inner()
    yield ("result", r)
g = outer()
print(next(g), g.send(5), g.send(7))
def chain(*its):
    for it in its:
        yield from it
print(list(chain([1, 2], "ab", range(2))))
gen = (x * x for x in range(5))
print(next(gen), list(gen), list(gen))
def stopper():
    yield 1
    return 99
s = stopper(); next(s)
try:
    next(s)
except StopIteration as e:
    print("stop value", e.value)
def pipeline():
    nums = (i for i in range(10))
    evens = (n for n in nums if n % 2 == 0)
    return sum(e * e for e in evens)
print(pipeline())
class It:
    def __init__(self): self.i = 0
    def __iter__(self): return self
    def __next__(self):
        self.i += 1
        if self.i > 3:
            raise StopIteration
        return self.i
print(list(It()), [x for x in It()], sum(It()))
def gen_with_finally():
    try:
        yield 1
        yield 2
    finally:
        print("gen finally")
for v in gen_with_finally():
    print("v", v)
    break
import itertools
print(list(itertools.permutations([1, 2, 3], 2)), list(itertools.combinations("abcd", 2)))
print(list(itertools.product("ab", repeat=2)), list(itertools.accumulate([1, 2, 3, 4])), list(itertools.chain.from_iterable([[1], [2, 3]])))
print([(k, list(g)) for k, g in itertools.groupby("aabbbc")], list(itertools.zip_longest("ab", "xyz", fillvalue="-")))
print(list(itertools.takewhile(lambda x: x < 3, itertools.count())), list(itertools.repeat("z", 3)), list(itertools.combinations_with_replacement("ab", 2)))
