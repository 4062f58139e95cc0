from ..core import VERSION as V
def info():
    return "sub of", __package__, V
