# Oracle for mode and dump-option tests: reads a JSON list of [source, mode, indent, include_attributes]
# from argv[1] and prints a JSON list of python3's ast.dump(ast.parse(source, mode=mode), ...) strings
# (or {"error": {type, msg, lineno, offset, end_lineno, end_offset, text}}).
# Command: python3 test/frontend/pymodes.py test/frontend/modes.json > test/frontend/modes.expected.json
import ast, json, sys, warnings

warnings.simplefilter('ignore')
out = []
for src, mode, indent, attrs in json.load(open(sys.argv[1])):
    try:
        out.append(ast.dump(ast.parse(src, mode=mode), indent=indent, include_attributes=attrs))
    except SyntaxError as e:
        out.append({'error': {'type': type(e).__name__, 'msg': e.msg, 'lineno': e.lineno, 'offset': e.offset,
                   'end_lineno': e.end_lineno, 'end_offset': e.end_offset, 'text': e.text}})
print(json.dumps(out, indent=1))
