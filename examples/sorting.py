# Sorting and searching C arrays with libc, Python functions as the comparators.
# Run: npx dwarfpython examples/sorting.py
import dwarfpython
import libc

words = ["pear", "apple", "fig", "banana", "cherry", "kiwi"]

# A C array of `char *`, each pointing at a C string dwarfpython allocated (kept alive by `texts`).
texts = [libc.char.array(w.encode()) for w in words]
table = libc.char.pointer.array(texts)


# qsort hands the comparator `const void *` pointers into `table`: dwarfpython knows (libmemtable)
# that the memory is a `char *[6]`, so a[0] reads a `char *`, which arrives as a str.
def by_name(a, b):
    return libc.strcmp(a[0], b[0])


libc.qsort(table, len(words), libc.char.pointer.size, by_name)
print("sorted:", list(table))

# bsearch with the same comparator: the key is a `char *` object.
key = libc.char.pointer(libc.char.array(b"fig"))
found = libc.bsearch(key, table, len(words), libc.char.pointer.size, by_name)
index = (dwarfpython.addressof(found) - dwarfpython.addressof(table)) // libc.char.pointer.size
print("bsearch fig:", index, found[0])
print("bsearch plum:", libc.bsearch(libc.char.pointer(libc.char.array(b"plum")), table, len(words), 8, by_name))


# qsort_r passes a Python object through `void *` to the comparator: here, a counter.
def by_length(a, b, stats):
    stats["compares"] += 1
    return len(a[0]) - len(b[0]) or libc.strcmp(a[0], b[0])


stats = {"compares": 0}
libc.qsort_r(table, len(words), 8, by_length, stats)
print("by length:", list(table), stats["compares"] > 0)
