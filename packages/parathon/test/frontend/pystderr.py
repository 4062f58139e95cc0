# Oracle for formatSyntaxError: runs each source of a JSON list (argv[1]) as `python3 prog.py` in a
# private temporary directory and prints a JSON list of what python3 wrote to stderr (null if it ran).
# Command: python3 test/frontend/pystderr.py test/frontend/errors.json > test/frontend/errors.stderr.json
import json, os, subprocess, sys, tempfile

out = []
with tempfile.TemporaryDirectory(prefix='parathon-') as d:
    path = os.path.join(d, 'prog.py')
    for src in json.load(open(sys.argv[1])):
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, 'w', encoding='utf-8') as f:
            f.write(src)
        r = subprocess.run([sys.executable, 'prog.py'], cwd=d, capture_output=True, text=True, timeout=30)
        # python3 prints the script's absolute path: keep the name relative to the directory.
        out.append(r.stderr.replace(d + os.sep, '') if r.returncode != 0 else None)
print(json.dumps(out, indent=1))
