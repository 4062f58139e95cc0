# Oracle for the snippet tests: collects every string literal (and every doctest example) in the given
# Python files, parses each with python3's ast.parse, and prints one JSON line per distinct snippet:
# {"src", "dump"} (ast.dump with include_attributes) or {"src", "error": {type, msg, lineno, offset, end_lineno, end_offset, text}}.
# Command: python3 test/frontend/pysnippets.py FILE...
import ast, json, re, sys, warnings

warnings.simplefilter('ignore')
seen = set()

def doctest_examples(text):
    lines = text.split('\n')
    i = 0
    while i < len(lines):
        l = lines[i].strip()
        if l.startswith('>>> '):
            code = [l[4:]]
            i += 1
            while i < len(lines) and lines[i].strip().startswith('...'):
                code.append(lines[i].strip()[4:])
                i += 1
            yield '\n'.join(code) + '\n'
        else:
            i += 1

def emit(src):
    if src in seen or '\0' in src or len(src) > 4000:
        return
    seen.add(src)
    try:
        rec = {'src': src, 'dump': ast.dump(ast.parse(src), include_attributes=True)}
    except SyntaxError as e:
        rec = {'src': src, 'error': {'type': type(e).__name__, 'msg': e.msg, 'lineno': e.lineno, 'offset': e.offset,
                   'end_lineno': e.end_lineno, 'end_offset': e.end_offset, 'text': e.text}}
    except (ValueError, RecursionError, MemoryError):
        return
    print(json.dumps(rec))

for path in sys.argv[1:]:
    tree = ast.parse(open(path, encoding='utf-8').read())
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            emit(node.value)
            for ex in doctest_examples(node.value):
                emit(ex)
