# zlib through `import libz`: libz ships no debug information, so dwarfpython compiles its installed
# header (zlib.h, from zlib1g-dev) with gcc -g3 into DWARF once, then calls the real libz.so.1.
# Run: npx dwarfpython examples/zlib_roundtrip.py
import libz

data = b"Virtual machines should be invisible. " * 40
print("zlib", libz.zlibVersion(), "Z_OK =", libz.Z_OK)

bound = libz.compressBound(len(data))
packed = bytearray(bound)
packed_len = libz.uLongf(bound)  # a C unsigned long, passed where C expects `uLongf *`
rc = libz.compress2(packed, packed_len, data, len(data), libz.Z_BEST_COMPRESSION)
print("compress2:", rc, len(data), "->", packed_len.value, "bytes")

unpacked = bytearray(len(data))
unpacked_len = libz.uLongf(len(unpacked))
rc = libz.uncompress(unpacked, unpacked_len, bytes(packed[:packed_len.value]), packed_len.value)
print("uncompress:", rc, unpacked_len.value, "bytes, round trip ok:", bytes(unpacked) == data)
print("crc32:", libz.crc32(0, data, len(data)), "adler32:", libz.adler32(1, data, len(data)))
