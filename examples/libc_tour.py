# A tour of libc through its own debug information (libc6-dbg): no bindings, no declarations.
# Run: npx dwarfpython examples/libc_tour.py
import libc

# gmtime returns a `struct tm *` into libc's static buffer; its fields read like attributes.
when = libc.time_t(1_000_000_000)
tm = libc.gmtime(when)
print("year", tm.tm_year + 1900, "day of year", tm.tm_yday, "zone", tm.tm_zone)

# strftime writes into a bytearray passed where C expects `char *`.
buf = bytearray(64)
n = libc.strftime(buf, len(buf), "%A %d %B %Y, %H:%M:%S", tm)
print(buf[:n].decode())

# strtol with an out-parameter: `end` is a `char *` object, passed as `char **`.
text = libc.char.array(b"0x1fz and the rest")
end = libc.char.pointer()
value = libc.strtol(text, end, 16)
print(value, repr(end.value))

# getenv: a C string or NULL (None).
print(libc.getenv("DWARFPYTHON_TOUR_UNSET") is None, libc.getenv("DWARFPYTHON_TOUR"))


# qsort calls a Python comparator through a native entry point named after it.
def by_last_digit(a, b):
    return a[0] % 10 - b[0] % 10 or a[0] - b[0]


nums = libc.int.array([31, 12, 45, 7, 99, 20, 58, 41])
libc.qsort(nums, len(nums), libc.int.size, by_last_digit)
print(list(nums))

# printf is variadic: each call is typed from its Python arguments.
libc.printf(b"%s has %d letters, %.1f%% of them vowels\n", "dwarfpython", 11, 100 * 2 / 11)
