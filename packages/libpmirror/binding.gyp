{
  "targets": [
    {
      "target_name": "libpmirror",
      "product_name": "libpmirror",
      "product_prefix": "",
      "type": "shared_library",
      "sources": [
        "native/src/pmirror_error.c",
        "native/src/pmirror_elf.c",
        "native/src/pmirror_symbols.c",
        "native/src/pmirror_debugfile.c",
        "native/src/pmirror_dwarf.c",
        "native/src/pmirror_index.c",
        "native/src/pmirror_describe.c",
        "native/src/pmirror_debug.c",
        "native/src/pmirror_line.c",
        "native/src/pmirror_mirror.c",
        "native/src/pmirror_scope.c",
        "native/src/pmirror_macro.c",
        "native/src/pmirror_expr.c"
      ],
      "include_dirs": ["native/include"],
      "defines": ["PMIRROR_BUILDING"],
      "cflags": ["-std=gnu11", "-fvisibility=hidden", "-fPIC", "-g", "-O2", "-Wall", "-Wextra", "-Wshadow", "-Wstrict-prototypes"],
      "cflags!": ["-fno-exceptions"],
      "libraries": ["-lz", "-ldl", "-lpthread"]
    }
  ]
}
