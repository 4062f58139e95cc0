# Oracle for the mutation test: reads a JSON list of sources (argv[1]) and prints, one JSON line each,
# python3's ast.dump(..., include_attributes=True) or its SyntaxError {type, msg, lineno, offset, end_lineno, end_offset, text}
# (null for other exceptions such as RecursionError).
# Command: python3 test/frontend/pyfuzz.py FILE.json
import ast, json, sys, warnings

warnings.simplefilter('ignore')
for src in json.load(open(sys.argv[1])):
    try:
        rec = {'dump': ast.dump(ast.parse(src), include_attributes=True)}
    except SyntaxError as e:
        rec = {'error': {'type': type(e).__name__, 'msg': e.msg, 'lineno': e.lineno, 'offset': e.offset,
                   'end_lineno': e.end_lineno, 'end_offset': e.end_offset, 'text': e.text}}
    except Exception:
        rec = None
    print(json.dumps(rec))
