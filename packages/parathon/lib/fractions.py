"""fractions: Fraction, rational numbers with exact arithmetic."""
import math


_int_types = (int,)


class Fraction:
    __slots__ = ("_numerator", "_denominator")

    def __new__(cls, numerator=0, denominator=None):
        self = object.__new__(cls)
        if denominator is None:
            if isinstance(numerator, int):
                self._numerator, self._denominator = numerator, 1
                return self
            if isinstance(numerator, Fraction):
                self._numerator, self._denominator = numerator._numerator, numerator._denominator
                return self
            if isinstance(numerator, float):
                n, d = numerator.as_integer_ratio()
                self._numerator, self._denominator = n, d
                return self
            if isinstance(numerator, str):
                s = numerator.strip()
                if "/" in s:
                    a, b = s.split("/")
                    numerator, denominator = int(a), int(b)
                elif "." in s or "e" in s.lower():
                    f = Fraction(0)
                    mant, _, exp = s.lower().partition("e")
                    ip, _, fp = mant.partition(".")
                    sign = -1 if ip.startswith("-") else 1
                    ip = ip.lstrip("+-") or "0"
                    num = int(ip + fp) * sign
                    den = 10 ** len(fp)
                    e = int(exp) if exp else 0
                    if e >= 0:
                        num *= 10 ** e
                    else:
                        den *= 10 ** -e
                    numerator, denominator = num, den
                else:
                    numerator, denominator = int(s), 1
            else:
                raise TypeError("argument should be a string or a Rational instance")
        if denominator == 0:
            raise ZeroDivisionError(f"Fraction({numerator}, 0)")
        if isinstance(numerator, Fraction) or isinstance(denominator, Fraction):
            a = Fraction(numerator)
            b = Fraction(denominator)
            numerator = a._numerator * b._denominator
            denominator = a._denominator * b._numerator
        g = math.gcd(numerator, denominator)
        if denominator < 0:
            g = -g
        self._numerator = numerator // g
        self._denominator = denominator // g
        return self

    @property
    def numerator(self):
        return self._numerator

    @property
    def denominator(self):
        return self._denominator

    def limit_denominator(self, max_denominator=1000000):
        if self._denominator <= max_denominator:
            return Fraction(self)
        p0, q0, p1, q1 = 0, 1, 1, 0
        n, d = self._numerator, self._denominator
        while True:
            a = n // d
            q2 = q0 + a * q1
            if q2 > max_denominator:
                break
            p0, q0, p1, q1 = p1, q1, p0 + a * p1, q2
            n, d = d, n - a * d
        k = (max_denominator - q0) // q1
        bound1 = Fraction(p0 + k * p1, q0 + k * q1)
        bound2 = Fraction(p1, q1)
        if abs(bound2 - self) <= abs(bound1 - self):
            return bound2
        return bound1

    def as_integer_ratio(self):
        return (self._numerator, self._denominator)

    def __repr__(self):
        return f"Fraction({self._numerator}, {self._denominator})"

    def __str__(self):
        if self._denominator == 1:
            return str(self._numerator)
        return f"{self._numerator}/{self._denominator}"

    @staticmethod
    def _coerce(other):
        if isinstance(other, Fraction):
            return other
        if isinstance(other, int):
            return Fraction(other)
        return None

    def __add__(a, b):
        c = Fraction._coerce(b)
        if c is None:
            return float(a) + b if isinstance(b, float) else NotImplemented
        return Fraction(a._numerator * c._denominator + c._numerator * a._denominator, a._denominator * c._denominator)

    def __radd__(a, b):
        return a.__add__(b)

    def __sub__(a, b):
        c = Fraction._coerce(b)
        if c is None:
            return float(a) - b if isinstance(b, float) else NotImplemented
        return Fraction(a._numerator * c._denominator - c._numerator * a._denominator, a._denominator * c._denominator)

    def __rsub__(a, b):
        c = Fraction._coerce(b)
        if c is None:
            return b - float(a) if isinstance(b, float) else NotImplemented
        return c - a

    def __mul__(a, b):
        c = Fraction._coerce(b)
        if c is None:
            return float(a) * b if isinstance(b, float) else NotImplemented
        return Fraction(a._numerator * c._numerator, a._denominator * c._denominator)

    def __rmul__(a, b):
        return a.__mul__(b)

    def __truediv__(a, b):
        c = Fraction._coerce(b)
        if c is None:
            return float(a) / b if isinstance(b, float) else NotImplemented
        return Fraction(a._numerator * c._denominator, a._denominator * c._numerator)

    def __rtruediv__(a, b):
        c = Fraction._coerce(b)
        if c is None:
            return b / float(a) if isinstance(b, float) else NotImplemented
        return c / a

    def __floordiv__(a, b):
        c = Fraction._coerce(b)
        return (a._numerator * c._denominator) // (a._denominator * c._numerator)

    def __mod__(a, b):
        c = Fraction._coerce(b)
        return a - c * (a // c)

    def __pow__(a, b):
        if isinstance(b, int):
            if b >= 0:
                return Fraction(a._numerator ** b, a._denominator ** b)
            return Fraction(a._denominator ** -b, a._numerator ** -b)
        return float(a) ** b

    def __neg__(a):
        return Fraction(-a._numerator, a._denominator)

    def __pos__(a):
        return Fraction(a)

    def __abs__(a):
        return Fraction(abs(a._numerator), a._denominator)

    def __float__(a):
        return a._numerator / a._denominator

    def __int__(a):
        n = abs(a._numerator) // a._denominator
        return n if a._numerator >= 0 else -n

    def __trunc__(a):
        return a.__int__()

    def __floor__(a):
        return a._numerator // a._denominator

    def __ceil__(a):
        return -(-a._numerator // a._denominator)

    def __round__(self, ndigits=None):
        if ndigits is None:
            floor, remainder = divmod(self._numerator, self._denominator)
            if remainder * 2 < self._denominator:
                return floor
            elif remainder * 2 > self._denominator:
                return floor + 1
            elif floor % 2 == 0:
                return floor
            return floor + 1
        shift = 10 ** abs(ndigits)
        if ndigits > 0:
            return Fraction(round(self * shift), shift)
        return Fraction(round(self / shift) * shift)

    def __hash__(self):
        if self._denominator == 1:
            return hash(self._numerator)
        return hash((self._numerator, self._denominator))

    def __eq__(a, b):
        if isinstance(b, Fraction):
            return a._numerator == b._numerator and a._denominator == b._denominator
        if isinstance(b, int):
            return a._denominator == 1 and a._numerator == b
        if isinstance(b, float):
            return float(a) == b
        return NotImplemented

    def _cmp(a, b):
        c = Fraction._coerce(b)
        if c is None:
            return float(a) - b
        return a._numerator * c._denominator - c._numerator * a._denominator

    def __lt__(a, b):
        return a._cmp(b) < 0

    def __le__(a, b):
        return a._cmp(b) <= 0

    def __gt__(a, b):
        return a._cmp(b) > 0

    def __ge__(a, b):
        return a._cmp(b) >= 0

    def __bool__(a):
        return a._numerator != 0
