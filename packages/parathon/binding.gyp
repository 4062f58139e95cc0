{
  "targets": [
    {
      "target_name": "libparathon",
      "product_name": "libparathon",
      "product_prefix": "",
      "type": "shared_library",
      "sources": [
        "native/src/parathon_error.c",
        "native/src/parathon_math.c",
        "native/src/parathon_time.c",
        "native/src/parathon_os.c"
      ],
      "include_dirs": ["native/include"],
      "defines": ["PARATHON_BUILDING"],
      "cflags": ["-std=gnu11", "-fvisibility=hidden", "-fPIC", "-g", "-O2", "-Wall", "-Wextra", "-Wshadow", "-Wstrict-prototypes"],
      "cflags!": ["-fno-exceptions"],
      "libraries": ["-lz", "-ldl", "-lpthread", "-lm"]
    }
  ]
}
