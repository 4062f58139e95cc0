"""asyncio: a single-threaded event loop for coroutines: run, sleep, gather, create_task, wait_for,
Future, Task, Queue, Lock, Event (timers sleep for real)."""
import time as _time
import heapq as _heapq
from collections import deque as _deque

__all__ = ["run", "sleep", "gather", "create_task", "get_event_loop", "Future", "Task", "wait_for", "Queue",
           "Lock", "Event", "TimeoutError", "CancelledError", "iscoroutine", "iscoroutinefunction",
           "as_completed", "all_tasks", "current_task", "Semaphore", "get_running_loop", "new_event_loop"]


class CancelledError(BaseException):
    pass


TimeoutError = TimeoutError


class InvalidStateError(Exception):
    pass


_PENDING, _DONE, _CANCELLED = "PENDING", "FINISHED", "CANCELLED"


class Future:
    def __init__(self, loop=None):
        self._loop = loop or _current_loop()
        self._state = _PENDING
        self._result = None
        self._exception = None
        self._callbacks = []

    def done(self):
        return self._state != _PENDING

    def cancelled(self):
        return self._state == _CANCELLED

    def result(self):
        if self._state == _CANCELLED:
            raise CancelledError()
        if self._state == _PENDING:
            raise InvalidStateError("Result is not ready.")
        if self._exception is not None:
            raise self._exception
        return self._result

    def exception(self):
        if self._state == _PENDING:
            raise InvalidStateError("Exception is not set.")
        return self._exception

    def set_result(self, result):
        if self._state != _PENDING:
            raise InvalidStateError("invalid state")
        self._result = result
        self._state = _DONE
        self._schedule_callbacks()

    def set_exception(self, exception):
        if self._state != _PENDING:
            raise InvalidStateError("invalid state")
        if isinstance(exception, type):
            exception = exception()
        self._exception = exception
        self._state = _DONE
        self._schedule_callbacks()

    def cancel(self, msg=None):
        if self._state != _PENDING:
            return False
        self._state = _CANCELLED
        self._schedule_callbacks()
        return True

    def add_done_callback(self, fn):
        if self.done():
            self._loop.call_soon(fn, self)
        else:
            self._callbacks.append(fn)

    def _schedule_callbacks(self):
        cbs, self._callbacks = self._callbacks, []
        for cb in cbs:
            self._loop.call_soon(cb, self)

    def __await__(self):
        if not self.done():
            yield self
        return self.result()

    __iter__ = __await__


class Task(Future):
    def __init__(self, coro, loop=None, name=None):
        super().__init__(loop)
        self._coro = coro
        self._name = name or f"Task-{id(self)}"
        self._must_cancel = False
        self._loop.call_soon(self._step, None, None)
        self._loop._tasks.add(self)

    def get_name(self):
        return self._name

    def get_coro(self):
        return self._coro

    def cancel(self, msg=None):
        if self.done():
            return False
        self._must_cancel = True
        return True

    def _step(self, value, exc):
        if self.done():
            return
        _running[0] = self
        try:
            if self._must_cancel:
                self._must_cancel = False
                exc = CancelledError()
            if exc is not None:
                yielded = self._coro.throw(exc)
            else:
                yielded = self._coro.send(value)
        except StopIteration as e:
            Future.set_result(self, e.value)
        except CancelledError:
            Future.cancel(self)
        except BaseException as e:
            Future.set_exception(self, e)
        else:
            if isinstance(yielded, Future):
                yielded.add_done_callback(self._wakeup)
            else:
                self._loop.call_soon(self._step, None, None)
        finally:
            _running[0] = None
            if self.done():
                self._loop._tasks.discard(self)

    def _wakeup(self, fut):
        try:
            r = fut.result()
        except BaseException as e:
            self._step(None, e)
        else:
            self._step(r, None)

    def __repr__(self):
        return f"<Task {self._state.lower()} name={self._name!r}>"


class _Loop:
    def __init__(self):
        self._ready = _deque()
        self._timers = []
        self._seq = 0
        self._tasks = set()
        self._closed = False

    def time(self):
        return _time.monotonic()

    def call_soon(self, fn, *args):
        self._ready.append((fn, args))

    def call_later(self, delay, fn, *args):
        return self.call_at(self.time() + delay, fn, *args)

    def call_at(self, when, fn, *args):
        self._seq += 1
        _heapq.heappush(self._timers, (when, self._seq, fn, args))

    def create_future(self):
        return Future(self)

    def create_task(self, coro, name=None):
        return Task(coro, self, name)

    def run_until_complete(self, aw):
        fut = aw if isinstance(aw, Future) else Task(aw, self)
        while not fut.done():
            self._run_once()
        return fut.result()

    def _run_once(self):
        if not self._ready:
            if not self._timers:
                raise RuntimeError("Event loop stopped before Future completed.")
            when = self._timers[0][0]
            delay = when - self.time()
            if delay > 0:
                _time.sleep(delay)
        now = self.time()
        while self._timers and self._timers[0][0] <= now:
            _, _, fn, args = _heapq.heappop(self._timers)
            self._ready.append((fn, args))
        n = len(self._ready)
        for _ in range(n):
            fn, args = self._ready.popleft()
            fn(*args)

    def is_running(self):
        return True

    def is_closed(self):
        return self._closed

    def close(self):
        self._closed = True

    def run_forever(self):
        while self._ready or self._timers:
            self._run_once()


_loop = [None]
_running = [None]


def _current_loop():
    if _loop[0] is None:
        _loop[0] = _Loop()
    return _loop[0]


def get_event_loop():
    return _current_loop()


get_running_loop = get_event_loop


def new_event_loop():
    return _Loop()


def set_event_loop(loop):
    _loop[0] = loop


def current_task(loop=None):
    return _running[0]


def all_tasks(loop=None):
    return set(_current_loop()._tasks)


def iscoroutine(obj):
    return type(obj).__name__ == "coroutine"


def iscoroutinefunction(func):
    return getattr(func, "_is_coroutine", False)


def run(main, *, debug=None):
    loop = _Loop()
    _loop[0] = loop
    try:
        return loop.run_until_complete(main)
    finally:
        loop.close()
        _loop[0] = None


async def sleep(delay, result=None):
    loop = _current_loop()
    if delay <= 0:
        await _Yield()
        return result
    fut = loop.create_future()
    loop.call_later(delay, _set_if_pending, fut, result)
    return await fut


def _set_if_pending(fut, result):
    if not fut.done():
        fut.set_result(result)


class _Yield:
    def __await__(self):
        yield None


def ensure_future(aw, loop=None):
    if isinstance(aw, Future):
        return aw
    return Task(aw, loop)


def create_task(coro, *, name=None):
    return Task(coro, _current_loop(), name)


def gather(*aws, return_exceptions=False):
    loop = _current_loop()
    children = [ensure_future(a, loop) for a in aws]
    outer = loop.create_future()
    if not children:
        outer.set_result([])
        return outer
    remaining = [len(children)]

    def done(fut):
        if outer.done():
            return
        if not return_exceptions and not fut.cancelled() and fut.exception() is not None:
            outer.set_exception(fut.exception())
            return
        remaining[0] -= 1
        if remaining[0] == 0:
            results = []
            for c in children:
                if c.cancelled():
                    results.append(CancelledError())
                elif c.exception() is not None:
                    results.append(c.exception())
                else:
                    results.append(c.result())
            outer.set_result(results)
    for c in children:
        c.add_done_callback(done)
    return outer


async def wait_for(aw, timeout):
    loop = _current_loop()
    fut = ensure_future(aw, loop)
    if timeout is None:
        return await fut
    waiter = loop.create_future()

    def on_timeout():
        if not waiter.done():
            waiter.set_exception(TimeoutError())

    def on_done(f):
        if not waiter.done():
            waiter.set_result(None)
    loop.call_later(timeout, on_timeout)
    fut.add_done_callback(on_done)
    try:
        await waiter
    except TimeoutError:
        fut.cancel()
        raise
    return fut.result()


def as_completed(aws, *, timeout=None):
    loop = _current_loop()
    futs = [ensure_future(a, loop) for a in aws]
    done_q = _deque()
    waiters = _deque()

    def on_done(f):
        if waiters:
            waiters.popleft().set_result(f)
        else:
            done_q.append(f)
    for f in futs:
        f.add_done_callback(on_done)

    async def next_done():
        if done_q:
            f = done_q.popleft()
        else:
            w = loop.create_future()
            waiters.append(w)
            f = await w
        return f.result()
    return [next_done() for _ in futs]


class Event:
    def __init__(self):
        self._set = False
        self._waiters = []

    def is_set(self):
        return self._set

    def set(self):
        self._set = True
        for w in self._waiters:
            if not w.done():
                w.set_result(True)
        self._waiters = []

    def clear(self):
        self._set = False

    async def wait(self):
        if self._set:
            return True
        fut = _current_loop().create_future()
        self._waiters.append(fut)
        return await fut


class Lock:
    def __init__(self):
        self._locked = False
        self._waiters = _deque()

    def locked(self):
        return self._locked

    async def acquire(self):
        while self._locked:
            fut = _current_loop().create_future()
            self._waiters.append(fut)
            await fut
        self._locked = True
        return True

    def release(self):
        self._locked = False
        while self._waiters:
            w = self._waiters.popleft()
            if not w.done():
                w.set_result(True)
                break

    async def __aenter__(self):
        await self.acquire()

    async def __aexit__(self, *exc):
        self.release()


class Semaphore(Lock):
    def __init__(self, value=1):
        super().__init__()
        self._value = value

    async def acquire(self):
        while self._value <= 0:
            fut = _current_loop().create_future()
            self._waiters.append(fut)
            await fut
        self._value -= 1
        return True

    def release(self):
        self._value += 1
        while self._waiters:
            w = self._waiters.popleft()
            if not w.done():
                w.set_result(True)
                break


class QueueEmpty(Exception):
    pass


class QueueFull(Exception):
    pass


class Queue:
    def __init__(self, maxsize=0):
        self._maxsize = maxsize
        self._items = _deque()
        self._getters = _deque()
        self._putters = _deque()
        self._unfinished = 0
        self._finished = Event()
        self._finished.set()

    def qsize(self):
        return len(self._items)

    def empty(self):
        return not self._items

    def full(self):
        return 0 < self._maxsize <= len(self._items)

    async def put(self, item):
        while self.full():
            fut = _current_loop().create_future()
            self._putters.append(fut)
            await fut
        self.put_nowait(item)

    def put_nowait(self, item):
        if self.full():
            raise QueueFull
        self._items.append(item)
        self._unfinished += 1
        self._finished.clear()
        while self._getters:
            g = self._getters.popleft()
            if not g.done():
                g.set_result(None)
                break

    async def get(self):
        while not self._items:
            fut = _current_loop().create_future()
            self._getters.append(fut)
            await fut
        return self.get_nowait()

    def get_nowait(self):
        if not self._items:
            raise QueueEmpty
        item = self._items.popleft()
        while self._putters:
            p = self._putters.popleft()
            if not p.done():
                p.set_result(None)
                break
        return item

    def task_done(self):
        self._unfinished -= 1
        if self._unfinished == 0:
            self._finished.set()

    async def join(self):
        if self._unfinished > 0:
            await self._finished.wait()
