import os, sys
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), 'lib_for_imports'))
import helper_mod
import helper_mod as hm
from helper_mod import bump, Thing
import pkgdemo
from pkgdemo import greet, VERSION
from pkgdemo.sub import info
import pkgdemo.sub.leaf
from pkgdemo.sub.leaf import LEAF
import sys
print(helper_mod is hm, bump(), bump(), helper_mod.counter, Thing())
print(greet("x"), VERSION, info(), LEAF)
print(pkgdemo.sub.leaf.LEAF == LEAF, "helper_mod" in sys.modules, pkgdemo.__name__, helper_mod.__name__)
from pkgdemo import *
print(sorted(n for n in dir() if not n.startswith("_"))[:8])
try:
    import no_such_module_here
except ImportError as e:
    print(type(e).__name__, e)
try:
    from helper_mod import nothing
except ImportError as e:
    print(type(e).__name__, str(e).split(" (")[0])
print(type(sys).__name__)
