import sys
from .. import core
LEAF = core.greet("leaf")
print("leaf loaded", "pkgdemo.sub.leaf" in sys.modules)
