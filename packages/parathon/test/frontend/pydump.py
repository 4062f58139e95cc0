# Oracle for the parser tests: prints python3's ast.dump(ast.parse(src), include_attributes=True)
# for each file named on the command line, as JSON {"file":..., "dump":...} or {"file":..., "error":...}.
# Command: python3 test/frontend/pydump.py FILE...
import ast, json, sys

for path in sys.argv[1:]:
    with open(path, 'rb') as f:
        data = f.read()
    try:
        src = data.decode('utf-8')
    except UnicodeDecodeError:
        print(json.dumps({'file': path, 'skip': 'not utf-8'}))
        continue
    try:
        tree = ast.parse(src, path)
        print(json.dumps({'file': path, 'dump': ast.dump(tree, include_attributes=True)}))
    except SyntaxError as e:
        print(json.dumps({'file': path, 'error': {'type': type(e).__name__, 'msg': e.msg, 'lineno': e.lineno,
                                                  'offset': e.offset}}))
