def parse(expr):
    tokens = expr.replace("(", " ( ").replace(")", " ) ").split()
    pos = 0
    def parse_expr():
        nonlocal pos
        left = parse_term()
        while pos < len(tokens) and tokens[pos] in "+-":
            op = tokens[pos]; pos += 1
            right = parse_term()
            left = left + right if op == "+" else left - right
        return left
    def parse_term():
        nonlocal pos
        left = parse_factor()
        while pos < len(tokens) and tokens[pos] in "*/":
            op = tokens[pos]; pos += 1
            right = parse_factor()
            left = left * right if op == "*" else left / right
        return left
    def parse_factor():
        nonlocal pos
        tok = tokens[pos]; pos += 1
        if tok == "(":
            v = parse_expr(); pos += 1
            return v
        return float(tok) if "." in tok else int(tok)
    return parse_expr()
for e in ["1 + 2 * 3", "(1 + 2) * 3", "10 / 4", "2 * (3 + 4) - 5", "1.5 * 2"]:
    print(e, "=", parse(e))
import json
config = {"debug": False, "level": 3, "names": ["a", "b"], "ratio": 0.5}
s = json.dumps(config, indent=4)
print(s)
back = json.loads(s)
print(back == config, type(back["ratio"]).__name__)
matrix = [[i * 3 + j for j in range(3)] for i in range(3)]
for row in matrix:
    print(" ".join(f"{v:3d}" for v in row))
print(list(map(list, zip(*matrix))))
words = ["apple", "Banana", "cherry", "date"]
print(sorted(words), sorted(words, key=str.lower), sorted(words, key=len, reverse=True))
print(max(words, key=len), min(words), [w for w in words if "a" in w.lower()])
print({w[0].lower(): w for w in words}, {len(w) for w in words})
def compose(*fs):
    def h(x):
        for f in reversed(fs):
            x = f(x)
        return x
    return h
print(compose(str, lambda x: x * 2, abs)(-21))
print(*range(5), sep=", ")
print(*"abc")
a, b = divmod(17, 5)
print(f"{a=}, {b=}", bool([]), bool([0]), not None, None is None, [] == [], [] is [])
