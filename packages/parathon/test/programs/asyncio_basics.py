import asyncio
async def worker(name, delay, results):
    await asyncio.sleep(delay)
    results.append(name)
    return f"{name} done"
async def compute(x):
    await asyncio.sleep(0)
    return x * x
async def failing():
    await asyncio.sleep(0.01)
    raise ValueError("task failed")
async def main():
    results = []
    out = await asyncio.gather(worker("slow", 0.03, results), worker("fast", 0.01, results), worker("mid", 0.02, results))
    print(out, results)
    print(await compute(7), await asyncio.gather(*(compute(i) for i in range(5))))
    t = asyncio.create_task(compute(3))
    print(await t, t.done())
    try:
        await failing()
    except ValueError as e:
        print("caught", e)
    r = await asyncio.gather(failing(), compute(2), return_exceptions=True)
    print([type(x).__name__ if isinstance(x, Exception) else x for x in r])
    try:
        await asyncio.wait_for(asyncio.sleep(1), timeout=0.01)
    except asyncio.TimeoutError:
        print("timed out")
    q = asyncio.Queue()
    async def producer():
        for i in range(3):
            await q.put(i)
        await q.put(None)
    async def consumer():
        got = []
        while (item := await q.get()) is not None:
            got.append(item)
        return got
    _, got = await asyncio.gather(producer(), consumer())
    print("consumed", got)
    return "main result"
print(asyncio.run(main()))
class Res:
    async def __aenter__(self):
        print("aenter")
        await asyncio.sleep(0)
        return self
    async def __aexit__(self, *exc):
        print("aexit", exc[0])
class Ticker:
    def __init__(self, n): self.n = n
    def __aiter__(self): return self
    async def __anext__(self):
        if self.n <= 0:
            raise StopAsyncIteration
        self.n -= 1
        await asyncio.sleep(0)
        return self.n
async def gen_main():
    async with Res() as r:
        print("inside", type(r).__name__)
    got = []
    async for v in Ticker(3):
        got.append(v)
    print(got)
asyncio.run(gen_main())
