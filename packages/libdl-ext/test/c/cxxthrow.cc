// A C++ exception thrown in a target and caught in main, through a generated entry point: the
// unwinder must find the entry point's .eh_frame (registered with __register_frame).
#include <cstdio>
#include <stdexcept>
#include "libdl-ext.h"

static void thrower(int n) {
  if (n > 0) throw std::runtime_error("from the target");
}

int main() {
  void *h = dlcreate("cxxthrow");
  void *e = nullptr;
  if (!h || dlext_entry_point(h, "py_throws", "v(i)", (void *)thrower, nullptr, &e) != 0) return 2;
  auto f = reinterpret_cast<void (*)(int)>(e);
  int caught = 0;
  try {
    f(1);
  } catch (const std::runtime_error &err) {
    std::printf("caught: %s\n", err.what());
    caught = 1;
  }
  dldestroy(h);
  return caught ? 0 : 1;
}
