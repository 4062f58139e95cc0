VERSION = (1, 2)
_hidden = "no"
def greet(name):
    return f"hello {name} from {__name__}"
