"""Rewrite <name>.expected.json for every corpus program (or those named) from python3's own run.

Usage: python3 test/programs/regen.py [name ...]   (run from anywhere)
"""
import json, os, re, subprocess, sys

here = os.path.dirname(os.path.abspath(__file__))
names = sys.argv[1:] or sorted(f[:-3] for f in os.listdir(here) if f.endswith('.py') and f != 'regen.py')
for n in names:
    src = open(os.path.join(here, n + '.py'), encoding='utf-8').read()
    a = re.search(r'^# args: (.*)$', src, re.M)
    i = re.search(r'^# stdin: (.*)$', src, re.M)
    args = a.group(1).split(' ') if a else []
    inp = json.loads(i.group(1)) if i else ''
    r = subprocess.run(['python3', n + '.py'] + args, input=inp, capture_output=True, text=True, cwd=here,
                       env={**os.environ, 'PYTHONHASHSEED': '0'})
    lines = r.stderr.rstrip().split('\n')
    o = {'command': ' '.join(['python3', n + '.py'] + args), 'exit': r.returncode, 'stdout': r.stdout,
         'exception': lines[-1] if r.returncode != 0 else None}
    with open(os.path.join(here, n + '.expected.json'), 'w', encoding='utf-8') as f:
        f.write(json.dumps(o, indent=1) + '\n')
