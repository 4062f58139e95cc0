# Object-heavy scheduler simulation in the style of the classic Richards benchmark: tasks with
# packets, queues, state flags, method dispatch and attribute access.
IDLE, WORKER, HANDLER_A, HANDLER_B, DEVICE_A, DEVICE_B = range(6)
K_DEVICE, K_WORK = 0, 1

class Packet:
    def __init__(self, link, ident, kind):
        self.link = link
        self.ident = ident
        self.kind = kind
        self.count = 0
        self.data = [0] * 4

    def append_to(self, queue):
        self.link = None
        if queue is None:
            return self
        p = queue
        while p.link is not None:
            p = p.link
        p.link = self
        return queue

class Task:
    def __init__(self, ident, priority, queue, sched):
        self.ident = ident
        self.priority = priority
        self.queue = queue
        self.sched = sched
        self.held = False
        self.waiting = queue is not None
        self.suspended = False

    def runnable(self):
        return not self.held and not self.suspended and (self.queue is not None or not self.waiting)

    def take_packet(self):
        p = self.queue
        self.queue = p.link
        self.waiting = False
        return p

class IdleTask(Task):
    def __init__(self, sched, seed, count):
        super().__init__(IDLE, 0, None, sched)
        self.seed = seed
        self.count = count

    def step(self, packet):
        self.count -= 1
        if self.count == 0:
            return self.sched.hold_self()
        if self.seed & 1 == 0:
            self.seed >>= 1
            return self.sched.release(DEVICE_A)
        self.seed = (self.seed >> 1) ^ 0xD008
        return self.sched.release(DEVICE_B)

class WorkerTask(Task):
    def __init__(self, sched, queue):
        super().__init__(WORKER, 1000, queue, sched)
        self.dest = HANDLER_A
        self.letter = 0

    def step(self, packet):
        if packet is None:
            return self.sched.wait()
        self.dest = HANDLER_B if self.dest == HANDLER_A else HANDLER_A
        packet.ident = self.dest
        packet.count = 0
        for i in range(4):
            self.letter = self.letter + 1 if self.letter < 26 else 1
            packet.data[i] = self.letter
        return self.sched.queue(packet)

class HandlerTask(Task):
    def __init__(self, ident, sched, queue):
        super().__init__(ident, 2000 + ident, queue, sched)
        self.work = None
        self.devices = None

    def step(self, packet):
        if packet is not None:
            if packet.kind == K_WORK:
                self.work = packet.append_to(self.work)
            else:
                self.devices = packet.append_to(self.devices)
        if self.work is not None:
            w = self.work
            c = w.count
            if c < 4:
                if self.devices is not None:
                    d = self.devices
                    self.devices = d.link
                    d.count = w.data[c]
                    w.count = c + 1
                    return self.sched.queue(d)
            else:
                self.work = w.link
                return self.sched.queue(w)
        return self.sched.wait()

class DeviceTask(Task):
    def __init__(self, ident, sched):
        super().__init__(ident, 4000 + ident, None, sched)
        self.pending = None

    def step(self, packet):
        if packet is None:
            if self.pending is None:
                return self.sched.wait()
            p = self.pending
            self.pending = None
            return self.sched.queue(p)
        self.pending = packet
        return self.sched.hold_self()

class Scheduler:
    def __init__(self):
        self.tasks = {}
        self.order = []
        self.current = None
        self.queued = 0
        self.holds = 0

    def add(self, task):
        self.tasks[task.ident] = task
        self.order.append(task)
        self.order.sort(key=lambda t: -t.priority)

    def release(self, ident):
        t = self.tasks[ident]
        t.held = False
        return t if t.priority > self.current.priority else self.current

    def hold_self(self):
        self.holds += 1
        self.current.held = True
        return None

    def wait(self):
        self.current.waiting = True
        return self.current

    def queue(self, packet):
        t = self.tasks[packet.ident]
        self.queued += 1
        packet.ident = self.current.ident
        was_empty = t.queue is None
        t.queue = packet.append_to(t.queue)
        if was_empty:
            t.waiting = False
        return self.current

    def run(self):
        while True:
            chosen = None
            for t in self.order:
                if t.runnable():
                    chosen = t
                    break
            if chosen is None:
                return
            self.current = chosen
            packet = chosen.take_packet() if chosen.queue is not None and chosen.waiting is False and not chosen.held else None
            if chosen.queue is not None and packet is None:
                packet = chosen.take_packet()
            chosen.step(packet)

def bench(iterations):
    total = 0
    for it in range(iterations):
        s = Scheduler()
        s.add(IdleTask(s, 1, 10000))
        wq = Packet(None, 0, K_WORK)
        wq = Packet(wq, 0, K_WORK)
        s.add(WorkerTask(s, wq))
        for h, dev in ((HANDLER_A, DEVICE_A), (HANDLER_B, DEVICE_B)):
            q = Packet(None, dev, K_DEVICE)
            q = Packet(q, dev, K_DEVICE)
            q = Packet(q, dev, K_DEVICE)
            s.add(HandlerTask(h, s, q))
        s.add(DeviceTask(DEVICE_A, s))
        s.add(DeviceTask(DEVICE_B, s))
        s.run()
        total += s.queued * 1000 + s.holds
    return total

print(bench(30))
