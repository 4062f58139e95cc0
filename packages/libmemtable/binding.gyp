{
  "targets": [
    {
      "target_name": "libmemtable",
      "product_name": "libmemtable",
      "product_prefix": "",
      "type": "shared_library",
      "sources": [
        "native/src/memtable_error.c"
      ],
      "include_dirs": ["native/include"],
      "defines": ["MEMTABLE_BUILDING"],
      "cflags": ["-std=gnu11", "-fvisibility=hidden", "-fPIC", "-g", "-O2", "-Wall", "-Wextra", "-Wshadow", "-Wstrict-prototypes"],
      "cflags!": ["-fno-exceptions"],
      "libraries": ["-lz", "-ldl", "-lpthread"]
    }
  ]
}
