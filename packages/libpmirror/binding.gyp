{
  "targets": [
    {
      "target_name": "libpmirror",
      "product_name": "libpmirror",
      "product_prefix": "",
      "type": "shared_library",
      "sources": [
        "native/src/pmirror_error.c"
      ],
      "include_dirs": ["native/include"],
      "defines": ["PMIRROR_BUILDING"],
      "cflags": ["-std=gnu11", "-fvisibility=hidden", "-fPIC", "-g", "-O2", "-Wall", "-Wextra", "-Wshadow", "-Wstrict-prototypes"],
      "cflags!": ["-fno-exceptions"],
      "libraries": ["-lz", "-ldl", "-lpthread"]
    }
  ]
}
