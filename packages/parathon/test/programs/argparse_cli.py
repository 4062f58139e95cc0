# args: data.txt -v -v --count 3 --name=bob --tags a b --flag
import argparse
p = argparse.ArgumentParser(prog="tool", description="A test tool.")
p.add_argument("path", help="input file")
p.add_argument("-v", "--verbose", action="count", default=0)
p.add_argument("--count", type=int, default=1, help="how many")
p.add_argument("--name", default="anon", choices=["anon", "bob"])
p.add_argument("--tags", nargs="*", default=[])
p.add_argument("--flag", action="store_true")
p.add_argument("--ratio", type=float, default=0.5)
args = p.parse_args()
print(args)
print(args.path, args.verbose, args.count * 2, args.name, args.tags, args.flag, args.ratio)
print(p.parse_args(["x", "--count", "7"]).count, vars(p.parse_args(["y"]))["tags"])
p2 = argparse.ArgumentParser(prog="p2")
p2.add_argument("n", type=int)
try:
    p2.parse_args(["notanint"])
except SystemExit as e:
    print("exit", e.code)
try:
    p2.parse_args([])
except SystemExit as e:
    print("exit", e.code)
