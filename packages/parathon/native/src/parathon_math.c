/* parathon: libm functions for the math module. */
#include "parathon.h"

#include <math.h>

double parathon_math_erf(double x) { return erf(x); }
double parathon_math_erfc(double x) { return erfc(x); }
double parathon_math_expm1(double x) { return expm1(x); }
double parathon_math_log1p(double x) { return log1p(x); }
double parathon_math_cbrt(double x) { return cbrt(x); }
double parathon_math_nextafter(double x, double y) { return nextafter(x, y); }
double parathon_math_fmod(double x, double y) { return fmod(x, y); }
