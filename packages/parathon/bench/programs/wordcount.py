import random

random.seed(7)
syll = ["ka", "lo", "mi", "ne", "ru", "ta", "vo", "shi", "en", "ar"]
words = ["".join(random.choice(syll) for _ in range(random.randint(1, 3))) for _ in range(2000)]
lines = []
for i in range(120000):
    lines.append(" ".join(random.choice(words) for _ in range(8)).capitalize() + ".")
text = "\n".join(lines)

counts = {}
for line in text.split("\n"):
    for w in line.lower().replace(".", "").split():
        counts[w] = counts.get(w, 0) + 1
lengths = {}
for w, c in counts.items():
    key = len(w)
    lengths[key] = lengths.get(key, 0) + c
top = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:5]
print(len(counts), top, sorted(lengths.items()))
