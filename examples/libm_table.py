# libm through `import libm` (DWARF from libc6-dbg): doubles in and out, and out-parameters passed
# as C objects. Run: npx dwarfpython examples/libm_table.py
import libm

for x in [0.0, 0.5, 1.0, 2.0, 10.0]:
    print("%5.1f  sqrt %.6f  exp %.6e  atan2 %.6f" % (x, libm.sqrt(x), libm.exp(x), libm.atan2(x, 1.0)))

# frexp(double, int *): the exponent comes back through an `int` object passed by address.
exponent = libm.int(0)
mantissa = libm.frexp(1000.0, exponent)
print("frexp(1000.0) =", mantissa, exponent.value)

# modf(double, double *): the integral part through a `double` object.
whole = libm.double(0.0)
frac = libm.modf(-3.75, whole)
print("modf(-3.75) =", frac, whole.value)

print("hypot(3, 4) =", libm.hypot(3.0, 4.0), " fmod(7.5, 2) =", libm.fmod(7.5, 2.0))
