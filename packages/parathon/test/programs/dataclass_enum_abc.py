from dataclasses import dataclass, field
from typing import List, Dict, Optional
from enum import Enum, auto
import abc

@dataclass
class Item:
    name: str
    price: float
    qty: int = 1
    tags: List[str] = field(default_factory=list)
    def total(self) -> float:
        return self.price * self.qty

@dataclass(frozen=True, order=True)
class P:
    x: int
    y: int

class Color(Enum):
    RED = 1
    GREEN = 2
    BLUE = auto()

class Shape(abc.ABC):
    @abc.abstractmethod
    def area(self): ...

class Sq(Shape):
    def __init__(self, s): self.s = s
    def area(self): return self.s ** 2

items = [Item("a", 1.5, 2), Item("b", 2.0)]
print(items[0], items[0].total(), items[1] == Item("b", 2.0), sorted([P(2, 1), P(1, 5)]))
print(Color.RED, Color.BLUE.value, Color(2), Color["GREEN"], list(Color), Color.RED.name, len(Color), Color.RED in Color)
print(Sq(3).area())
try:
    Shape()
except TypeError as e:
    print("TypeError:", e)
def f(x: Optional[int] = None) -> Dict[str, int]:
    return {"x": x or 0}
print(f(), f(5))
try:
    P(1, 2).x = 5
except Exception as e:
    print(type(e).__name__, e)
