# Oracle for compileCommand: python3's codeop.compile_command(src, '<input>', 'single') for each source
# of a JSON list (argv[1]): "INCOMPLETE", "COMPLETE" or "ERROR <msg>".
# Command: python3 test/frontend/pycodeop.py test/frontend/repl.json > test/frontend/repl.expected.json
import codeop, json, sys, warnings

warnings.simplefilter('ignore')
out = []
for src in json.load(open(sys.argv[1])):
    try:
        out.append('INCOMPLETE' if codeop.compile_command(src, '<input>', 'single') is None else 'COMPLETE')
    except SyntaxError as e:
        out.append('ERROR ' + e.msg)
print(json.dumps(out, indent=1))
