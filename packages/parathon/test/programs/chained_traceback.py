def parse(s):
    try:
        return int(s)
    except ValueError as e:
        raise RuntimeError(f"bad input {s!r}") from e
print("start")
parse("12")
parse("x")
