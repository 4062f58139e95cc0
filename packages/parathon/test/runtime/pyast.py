# Print python3's own AST of a file as JSON in parathon's AST shape (ints tagged {"$int": "..."}),
# so the back end can be developed and cross-checked against CPython's parser.
import ast, json, sys, math

def conv(v):
    if isinstance(v, ast.AST):
        d = {'_type': type(v).__name__}
        for f in v._fields:
            d[f] = conv(getattr(v, f, None))
        for a in v._attributes:
            if hasattr(v, a):
                d[a] = getattr(v, a)
        return d
    if isinstance(v, list):
        return [conv(x) for x in v]
    if v is None or isinstance(v, (bool, str)):
        return v
    if isinstance(v, int):
        return {'$int': str(v)}
    if isinstance(v, float):
        if math.isfinite(v):
            return v
        return {'$float': repr(v)}
    if isinstance(v, complex):
        return {'_type': 'complex', 'real': v.real, 'imag': v.imag}
    if isinstance(v, bytes):
        return {'$bytes': list(v)}
    if v is Ellipsis:
        return {'_type': 'Ellipsis'}
    raise TypeError(type(v))

src = open(sys.argv[1], encoding='utf-8').read() if len(sys.argv) > 1 else sys.stdin.read()
print(json.dumps(conv(ast.parse(src))))
