# A small allocation-heavy Python program for the real-program benchmark (argv[1]: entries).
import json
import sys

n = int(sys.argv[1]) if len(sys.argv) > 1 else 200000
d = {}
for i in range(n):
    d[str(i)] = [i, str(i) * 3, {"k": i}]
s = json.dumps(d)
print(len(s), len(json.loads(s)))
