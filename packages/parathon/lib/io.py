"""io: StringIO and BytesIO in Python; open() is the builtin."""


class StringIO:
    def __init__(self, initial_value="", newline="\n"):
        self._buf = initial_value or ""
        self._pos = 0
        self.closed = False

    def write(self, s):
        if not isinstance(s, str):
            raise TypeError(f"string argument expected, got '{type(s).__name__}'")
        if self._pos == len(self._buf):
            self._buf += s
        else:
            self._buf = self._buf[:self._pos] + s + self._buf[self._pos + len(s):]
        self._pos += len(s)
        return len(s)

    def writelines(self, lines):
        for line in lines:
            self.write(line)

    def getvalue(self):
        return self._buf

    def read(self, size=-1):
        if size is None or size < 0:
            r = self._buf[self._pos:]
        else:
            r = self._buf[self._pos:self._pos + size]
        self._pos += len(r)
        return r

    def readline(self):
        i = self._buf.find("\n", self._pos)
        end = len(self._buf) if i < 0 else i + 1
        r = self._buf[self._pos:end]
        self._pos = end
        return r

    def readlines(self):
        out = []
        while True:
            line = self.readline()
            if not line:
                return out
            out.append(line)

    def __iter__(self):
        return iter(self.readlines())

    def seek(self, pos, whence=0):
        self._pos = pos if whence == 0 else (self._pos + pos if whence == 1 else len(self._buf) + pos)
        return self._pos

    def tell(self):
        return self._pos

    def truncate(self, size=None):
        size = self._pos if size is None else size
        self._buf = self._buf[:size]
        return size

    def flush(self):
        pass

    def close(self):
        self.closed = True

    def isatty(self):
        return False

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()


class BytesIO:
    def __init__(self, initial_bytes=b""):
        self._buf = bytearray(initial_bytes)
        self._pos = 0

    def write(self, b):
        self._buf[self._pos:self._pos + len(b)] = b
        self._pos += len(b)
        return len(b)

    def getvalue(self):
        return bytes(self._buf)

    def read(self, size=-1):
        end = len(self._buf) if size is None or size < 0 else self._pos + size
        r = bytes(self._buf[self._pos:end])
        self._pos += len(r)
        return r

    def seek(self, pos, whence=0):
        self._pos = pos
        return pos

    def close(self):
        pass

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        pass


SEEK_SET, SEEK_CUR, SEEK_END = 0, 1, 2
