"""A package for the import tests."""
from .core import greet, VERSION
from . import sub
__all__ = ["greet", "VERSION"]
print("pkgdemo imported as", __name__)
