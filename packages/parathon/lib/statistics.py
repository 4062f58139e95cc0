"""statistics: the common functions, in Python."""
import math
from fractions import Fraction


class StatisticsError(ValueError):
    pass


def _sum(data):
    return sum(data)


def mean(data):
    data = list(data)
    n = len(data)
    if n < 1:
        raise StatisticsError("mean requires at least one data point")
    if all(isinstance(x, int) for x in data):
        q = Fraction(sum(data), n)
        return q.numerator if q.denominator == 1 else float(q)
    return math.fsum(data) / n


def fmean(data):
    data = list(data)
    if not data:
        raise StatisticsError("fmean requires at least one data point")
    return math.fsum(data) / len(data)


def median(data):
    data = sorted(data)
    n = len(data)
    if n == 0:
        raise StatisticsError("no median for empty data")
    if n % 2 == 1:
        return data[n // 2]
    i = n // 2
    return (data[i - 1] + data[i]) / 2


def median_low(data):
    data = sorted(data)
    if not data:
        raise StatisticsError("no median for empty data")
    return data[(len(data) - 1) // 2]


def median_high(data):
    data = sorted(data)
    if not data:
        raise StatisticsError("no median for empty data")
    return data[len(data) // 2]


def mode(data):
    data = list(data)
    if not data:
        raise StatisticsError("no mode for empty data")
    counts = {}
    for x in data:
        counts[x] = counts.get(x, 0) + 1
    best = max(counts.values())
    for x in counts:
        if counts[x] == best:
            return x


def multimode(data):
    counts = {}
    for x in data:
        counts[x] = counts.get(x, 0) + 1
    if not counts:
        return []
    best = max(counts.values())
    return [x for x, c in counts.items() if c == best]


def _ss(data, c=None):
    if c is None:
        c = mean(data)
    if all(isinstance(x, int) for x in data) and isinstance(c, (int, float)):
        cf = Fraction(c) if not isinstance(c, int) else Fraction(c)
        return sum((Fraction(x) - cf) ** 2 for x in data)
    return math.fsum((x - c) ** 2 for x in data)


def variance(data, xbar=None):
    data = list(data)
    n = len(data)
    if n < 2:
        raise StatisticsError("variance requires at least two data points")
    ss = _ss(data, xbar)
    r = ss / (n - 1)
    return float(r) if isinstance(r, Fraction) else r


def pvariance(data, mu=None):
    data = list(data)
    n = len(data)
    if n < 1:
        raise StatisticsError("pvariance requires at least one data point")
    ss = _ss(data, mu)
    r = ss / n
    return float(r) if isinstance(r, Fraction) else r


def stdev(data, xbar=None):
    return math.sqrt(variance(data, xbar))


def pstdev(data, mu=None):
    return math.sqrt(pvariance(data, mu))


def harmonic_mean(data):
    data = list(data)
    if not data:
        raise StatisticsError("harmonic_mean requires at least one data point")
    if any(x == 0 for x in data):
        return 0
    return len(data) / sum(1 / x for x in data)


def geometric_mean(data):
    data = list(data)
    return math.exp(math.fsum(math.log(x) for x in data) / len(data))


def quantiles(data, *, n=4, method="exclusive"):
    data = sorted(data)
    ld = len(data)
    if method == "inclusive":
        m = ld - 1
        result = []
        for i in range(1, n):
            j, delta = divmod(i * m, n)
            interpolated = (data[j] * (n - delta) + data[j + 1] * delta) / n
            result.append(interpolated)
        return result
    m = ld + 1
    result = []
    for i in range(1, n):
        j = i * m // n
        j = 1 if j < 1 else ld - 1 if j > ld - 1 else j
        delta = i * m - j * n
        interpolated = (data[j - 1] * (n - delta) + data[j] * delta) / n
        result.append(interpolated)
    return result
