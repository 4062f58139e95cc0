/* dwarfpython: C stdio buffering next to the interpreter's own buffered output. */
#include <stdio.h>
#include "dwarfpython.h"

void dwarfpython_stdio_line_buffered(void) { setvbuf(stdout, NULL, _IOLBF, 0); }

int dwarfpython_stdio_flush(void) { return fflush(NULL) == 0 ? 0 : DWARFPYTHON_E_IO; }
