{
  "targets": [
    {
      "target_name": "libdl-ext",
      "product_name": "libdl-ext",
      "product_prefix": "",
      "type": "shared_library",
      "sources": [
        "native/src/dlext_error.c",
        "native/src/dlext_elf.c",
        "native/src/dlext_lib.c",
        "native/src/dlext_alloc.c",
        "native/src/dlext_bind.c",
        "native/src/dlext_gdbjit.c",
        "native/src/dlext_buf.c",
        "native/src/dlext_debug.c",
        "native/src/dlext_jitelf.c",
        "native/src/dlext_perf.c",
        "native/src/dlext_entry.c",
        "native/src/arch/x86_64.c"
      ],
      "include_dirs": ["native/include"],
      "defines": ["DLEXT_BUILDING"],
      "cflags": ["-std=gnu11", "-fvisibility=hidden", "-fPIC", "-g", "-O2", "-Wall", "-Wextra", "-Wshadow", "-Wstrict-prototypes"],
      "cflags!": ["-fno-exceptions"],
      "libraries": ["-lz", "-ldl", "-lpthread"]
    }
  ]
}
