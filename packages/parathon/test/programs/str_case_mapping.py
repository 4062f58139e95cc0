# Case folding and mapping, checked over whole ranges whose Unicode data is the same in python3.11's
# tables (Unicode 14) and newer ones (node's), plus the special cases of CaseFolding.txt.
changed = []
for lo, hi in [(0, 0x1C80), (0x1D00, 0x2C00), (0x2C00, 0x2D30), (0xA640, 0xA7C0), (0xAB70, 0xABC0), (0xFB00, 0xFB20)]:
    for i in range(lo, hi):
        c = chr(i)
        f = c.casefold()
        if f != c:
            changed.append("%x:%s" % (i, ",".join("%x" % ord(x) for x in f)))
print(len(changed))
print(" ".join(changed[::5]))
print("straße".casefold(), "ẞ".casefold(), "ı".casefold(), "İ".casefold(), "ᏸ".casefold(), "Σς".casefold())
print("ß".upper(), "ǅ".lower(), "ǅ".upper(), "ﬁ".upper(), "Straße".swapcase())
