import random

random.seed(3)
people = [(random.randint(18, 90), "n%05d" % random.randint(0, 99999), random.random()) for _ in range(400000)]
by_age = sorted(people, key=lambda p: p[0])
by_name = sorted(people, key=lambda p: p[1])
by_score = sorted(people, key=lambda p: -p[2])
records = [{"age": a, "name": n} for a, n, _ in people[:150000]]
records.sort(key=lambda r: (r["age"], r["name"]))
print(by_age[0][0], by_age[-1][0], by_name[0][1], by_score[0][2] >= by_score[-1][2], records[0], records[-1])
