# Oracle for syntax error tests: parses each source (ast.parse) of a JSON list (argv[1]) with python3 and prints
# a JSON list of {"type", "msg", "lineno", "offset", "end_lineno", "end_offset", "text"} (or null when the source compiles).
# Command: python3 test/frontend/pyerrors.py test/frontend/errors.json > test/frontend/errors.expected.json
import ast, json, sys, warnings

warnings.simplefilter('ignore')
out = []
for src in json.load(open(sys.argv[1])):
    try:
        ast.parse(src)
        out.append(None)
    except SyntaxError as e:
        out.append({'type': type(e).__name__, 'msg': e.msg, 'lineno': e.lineno, 'offset': e.offset,
                   'end_lineno': e.end_lineno, 'end_offset': e.end_offset, 'text': e.text})
print(json.dumps(out, indent=1))
