"""string: constants and capwords."""
whitespace = ' \t\n\r\v\f'
ascii_lowercase = 'abcdefghijklmnopqrstuvwxyz'
ascii_uppercase = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'
ascii_letters = ascii_lowercase + ascii_uppercase
digits = '0123456789'
hexdigits = digits + 'abcdef' + 'ABCDEF'
octdigits = '01234567'
punctuation = r"""!"#$%&'()*+,-./:;<=>?@[\]^_`{|}~"""
printable = digits + ascii_letters + punctuation + whitespace


def capwords(s, sep=None):
    return (sep or ' ').join(map(str.capitalize, s.split(sep)))


class Template:
    delimiter = '$'

    def __init__(self, template):
        self.template = template

    def _sub(self, mapping, safe):
        import re
        def repl(m):
            name = m.group(2) or m.group(3)
            if m.group(1):
                return '$'
            if name in mapping:
                return str(mapping[name])
            if safe:
                return m.group(0)
            raise KeyError(name)
        return re.sub(r'\$(?:(\$)|(\w+)|\{(\w+)\})', repl, self.template)

    def substitute(self, mapping=None, **kws):
        return self._sub({**(mapping or {}), **kws}, False)

    def safe_substitute(self, mapping=None, **kws):
        return self._sub({**(mapping or {}), **kws}, True)
