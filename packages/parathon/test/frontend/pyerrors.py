# Oracle for syntax error tests: compiles each source of a JSON list (argv[1]) with python3 and prints
# a JSON list of {"type", "msg", "lineno", "offset"} (or null when the source compiles).
# Command: python3 test/frontend/pyerrors.py test/frontend/errors.json > test/frontend/errors.expected.json
import json, sys, warnings

warnings.simplefilter('ignore')
out = []
for src in json.load(open(sys.argv[1])):
    try:
        compile(src, '<unknown>', 'exec', dont_inherit=True)
        out.append(None)
    except SyntaxError as e:
        out.append({'type': type(e).__name__, 'msg': e.msg, 'lineno': e.lineno, 'offset': e.offset})
print(json.dumps(out, indent=1))
