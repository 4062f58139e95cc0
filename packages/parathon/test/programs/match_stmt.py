from dataclasses import dataclass
@dataclass
class Point:
    x: int
    y: int
def describe(v):
    match v:
        case 0:
            return "zero"
        case 1 | 2 | 3:
            return "small"
        case int(n) if n < 0:
            return f"negative {n}"
        case float():
            return "float"
        case "hello" | "hi":
            return "greeting"
        case str(s):
            return f"string {s!r}"
        case []:
            return "empty list"
        case [x]:
            return f"one item {x}"
        case [x, y, *rest]:
            return f"starts {x},{y} rest={rest}"
        case {"type": "circle", "r": r}:
            return f"circle r={r}"
        case {"type": t, **others}:
            return f"shape {t} {others}"
        case Point(x=0, y=0):
            return "origin"
        case Point(x, y) if x == y:
            return f"diagonal {x}"
        case Point(x=px):
            return f"point x={px}"
        case (a, b):
            return f"pair {a} {b}"
        case None:
            return "none"
        case _:
            return "other"
for v in [0, 2, -5, 7, 1.5, "hi", "yo", [], [9], [1, 2, 3, 4], {"type": "circle", "r": 2}, {"type": "sq", "side": 1},
          Point(0, 0), Point(3, 3), Point(1, 2), (1, 2), None, {1}]:
    print(describe(v))
command = "go north"
match command.split():
    case ["go", direction]:
        print("going", direction)
    case ["quit"]:
        print("bye")
