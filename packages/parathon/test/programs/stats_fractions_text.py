import statistics as st
from fractions import Fraction
import textwrap, pprint
data = [2, 4, 4, 4, 5, 5, 7, 9]
print(st.mean(data), st.median(data), st.mode(data), st.pstdev(data), st.stdev(data), st.variance([1.5, 2.5, 3.5]))
print(st.median([1, 3, 2]), st.mean([1.5, 2.5]), st.median_low([1, 2, 3, 4]), st.multimode("aabbc"))
f = Fraction(3, 4) + Fraction(1, 6)
print(f, repr(f), f * 2, f - 1, float(f), Fraction("0.25"), Fraction(1, 3) < Fraction(1, 2), Fraction(6, -4), sum([Fraction(1, n) for n in range(1, 5)]))
text = "The quick brown fox jumps over the lazy dog. " * 3
print(textwrap.fill(text, width=30))
print(textwrap.wrap("short words only here", 10), textwrap.dedent("    a\n      b\n    c"), repr(textwrap.indent("x\ny", "> ")))
print(textwrap.shorten("Hello  world, this is a long sentence", width=20))
pprint.pprint({"b": [1, 2, 3], "a": {"nested": True}, "c": "x" * 10})
pprint.pprint({"key%d" % i: list(range(i)) for i in range(12)})
pprint.pprint([("a" * 30, i) for i in range(4)])
