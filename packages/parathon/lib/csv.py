"""csv: reader, writer, DictReader, DictWriter for the default excel dialect."""

QUOTE_MINIMAL, QUOTE_ALL, QUOTE_NONNUMERIC, QUOTE_NONE = 0, 1, 2, 3


class Error(Exception):
    pass


def _parse_line(text, delimiter, quotechar):
    fields = []
    field = ""
    i = 0
    n = len(text)
    in_quotes = False
    was_quoted = False
    while i < n:
        c = text[i]
        if in_quotes:
            if c == quotechar:
                if i + 1 < n and text[i + 1] == quotechar:
                    field += quotechar
                    i += 1
                else:
                    in_quotes = False
            else:
                field += c
        elif c == quotechar and field == "":
            in_quotes = True
            was_quoted = True
        elif c == delimiter:
            fields.append(field)
            field = ""
            was_quoted = False
        elif c in "\r\n":
            pass
        else:
            field += c
        i += 1
    fields.append(field)
    return fields, in_quotes


class reader:
    def __init__(self, f, delimiter=",", quotechar='"', **kw):
        self._it = iter(f)
        self.delimiter = delimiter
        self.quotechar = quotechar
        self.line_num = 0

    def __iter__(self):
        return self

    def __next__(self):
        line = next(self._it)
        self.line_num += 1
        fields, open_quote = _parse_line(line, self.delimiter, self.quotechar)
        while open_quote:
            line += next(self._it)
            self.line_num += 1
            fields, open_quote = _parse_line(line, self.delimiter, self.quotechar)
        if line.strip("\r\n") == "" and fields == [""]:
            return []
        return fields


class writer:
    def __init__(self, f, delimiter=",", quotechar='"', lineterminator="\r\n", quoting=QUOTE_MINIMAL, **kw):
        self._f = f
        self.delimiter = delimiter
        self.quotechar = quotechar
        self.lineterminator = lineterminator
        self.quoting = quoting

    def _field(self, v):
        if v is None:
            return ""
        s = str(v) if not isinstance(v, float) else repr(v)
        if self.quoting == QUOTE_ALL or (self.quoting == QUOTE_NONNUMERIC and not isinstance(v, (int, float))) or \
                any(c in s for c in (self.delimiter, self.quotechar, "\n", "\r")) or (s == "" and False):
            return self.quotechar + s.replace(self.quotechar, self.quotechar * 2) + self.quotechar
        return s

    def writerow(self, row):
        line = self.delimiter.join(self._field(v) for v in row) + self.lineterminator
        return self._f.write(line)

    def writerows(self, rows):
        for r in rows:
            self.writerow(r)


class DictReader:
    def __init__(self, f, fieldnames=None, restkey=None, restval=None, **kw):
        self.reader = reader(f, **kw)
        self._fieldnames = fieldnames
        self.restkey = restkey
        self.restval = restval

    @property
    def fieldnames(self):
        if self._fieldnames is None:
            try:
                self._fieldnames = next(self.reader)
            except StopIteration:
                pass
        return self._fieldnames

    def __iter__(self):
        return self

    def __next__(self):
        names = self.fieldnames
        row = next(self.reader)
        while row == []:
            row = next(self.reader)
        d = dict(zip(names, row))
        if len(row) > len(names):
            d[self.restkey] = row[len(names):]
        for k in names[len(row):]:
            d[k] = self.restval
        return d


class DictWriter:
    def __init__(self, f, fieldnames, restval="", extrasaction="raise", **kw):
        self.fieldnames = list(fieldnames)
        self.restval = restval
        self.writer = writer(f, **kw)

    def writeheader(self):
        return self.writer.writerow(self.fieldnames)

    def writerow(self, rowdict):
        return self.writer.writerow([rowdict.get(k, self.restval) for k in self.fieldnames])

    def writerows(self, rows):
        for r in rows:
            self.writerow(r)
