{
  "targets": [
    {
      "target_name": "libdwarfpython",
      "product_name": "libdwarfpython",
      "product_prefix": "",
      "type": "shared_library",
      "sources": [
        "native/src/dwarfpython_error.c",
        "native/src/dwarfpython_probe.c",
        "native/src/dwarfpython_stdio.c"
      ],
      "include_dirs": ["native/include"],
      "defines": ["DWARFPYTHON_BUILDING"],
      "cflags": ["-std=gnu11", "-fvisibility=hidden", "-fPIC", "-g", "-O2", "-Wall", "-Wextra", "-Wshadow", "-Wstrict-prototypes"],
      "cflags!": ["-fno-exceptions"],
      "libraries": ["-lz", "-ldl", "-lpthread"]
    }
  ]
}
