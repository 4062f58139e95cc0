{
  "variables": {
    "core_sources": [
      "native/src/memtable_error.c",
      "native/src/memtable_pool.c",
      "native/src/memtable_index.c",
      "native/src/memtable_api.c"
    ],
    "core_cflags": ["-std=gnu11", "-fvisibility=hidden", "-fPIC", "-g", "-O2", "-Wall", "-Wextra", "-Wshadow", "-Wstrict-prototypes"]
  },
  "targets": [
    {
      "target_name": "libmemtable",
      "product_name": "libmemtable",
      "product_prefix": "",
      "type": "shared_library",
      "sources": ["<@(core_sources)"],
      "include_dirs": ["native/include"],
      "defines": ["MEMTABLE_BUILDING"],
      "cflags": ["<@(core_cflags)"],
      "cflags!": ["-fno-exceptions"],
      "libraries": ["-lz", "-ldl", "-lpthread"]
    },
    {
      "target_name": "libmemtable-preload",
      "product_name": "libmemtable-preload",
      "product_prefix": "",
      "type": "shared_library",
      "sources": ["<@(core_sources)", "native/src/memtable_preload.c"],
      "include_dirs": ["native/include"],
      "defines": ["MEMTABLE_BUILDING", "MEMTABLE_PRELOAD"],
      "cflags": ["<@(core_cflags)", "-ftls-model=initial-exec", "-fno-plt"],
      "configurations": {"Release": {"cflags": ["-fomit-frame-pointer"]}},
      "cflags!": ["-fno-exceptions"],
      "libraries": ["-ldl", "-lpthread"]
    }
  ]
}
