import re
log = """2024-01-05 ERROR disk full on /dev/sda1
2024-01-05 INFO backup done
2024-01-06 WARNING cpu at 95%
2024-01-07 ERROR timeout after 30s"""
errors = [l for l in log.splitlines() if "ERROR" in l]
print(errors)
pat = re.compile(r"(\d{4})-(\d{2})-(\d{2}) (\w+) (.*)")
for line in log.splitlines():
    m = pat.match(line)
    y, mo, d, level, msg = m.groups()
    print(f"{d}/{mo}/{y} [{level:^9}] {msg}")
print(re.findall(r"\d+%|\d+s", log), re.sub(r"(\w+)@(\w+)", r"\2 at \1", "joe@home and ann@work"))
print(re.split(r"\s+", "a  b\tc\nd"), re.match(r"a|b", "cab"), bool(re.search(r"^\d+$", "123")))
words = re.findall(r"[a-z']+", "It's a dog's life, isn't it? Yes!".lower())
print(words, len(words))
print(re.sub(r"\b(\w)(\w*)\b", lambda m: m.group(1).upper() + m.group(2), "hello big world"))
emails = ["a@b.com", "bad.email", "x.y@z.org"]
print([e for e in emails if re.fullmatch(r"[\w.]+@[\w]+\.[a-z]{2,}", e)])
print(re.search(r"(?P<key>\w+)=(?P<val>\d+)", "x=1 y=22").groupdict(), re.findall(r"(\w)=(\d+)", "x=1 y=22"))
s = "The year 1999 and 2024"
print(re.sub(r"\d{4}", lambda m: str(int(m.group()) + 1), s), re.subn("a", "b", "banana"))
print("%-10s|%8.3f|%05d" % ("name", 3.14159, 42), "{:*^20}".format(" mid "), "{0:b} {0:o} {0:x}".format(10))
