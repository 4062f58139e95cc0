match command.split():
    case [action]:
        pass
    case [action, obj]:
        pass
    case Point(x=0, y=0) | Point(1, y=2):
        print("Origin")
    case {"x": 1, **rest}:
        pass
    case [1, 2, *others] if others:
        pass
    case (1 | 2) as n:
        pass
    case -1 | 1.5 | 2+3j | -4-5j | "s" "t" | b"x" | None | True | False:
        pass
    case a.b.c:
        pass
    case _:
        pass
match = 1
match x, y:
    case (a, b,):
        pass
    case *_, :
        pass
case = match
