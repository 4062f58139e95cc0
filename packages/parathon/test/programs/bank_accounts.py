class Account:
    interest = 0.02
    def __init__(self, owner, balance=0):
        self.owner = owner
        self._balance = balance
        self.history = []
    @property
    def balance(self):
        return self._balance
    def deposit(self, amt):
        if amt <= 0:
            raise ValueError("Deposit must be positive")
        self._balance += amt
        self.history.append(("dep", amt))
        return self
    def withdraw(self, amt):
        if amt > self._balance:
            raise InsufficientFunds(self._balance, amt)
        self._balance -= amt
        self.history.append(("wd", amt))
        return self
    def __repr__(self):
        return f"Account({self.owner!r}, {self._balance})"
class InsufficientFunds(Exception):
    def __init__(self, balance, amount):
        super().__init__(f"balance {balance} < {amount}")
        self.shortfall = amount - balance
class Savings(Account):
    interest = 0.05
    def add_interest(self):
        self.deposit(round(self._balance * self.interest, 2))
a = Savings("ann", 100)
a.deposit(50).withdraw(30)
a.add_interest()
print(a, a.balance, a.history, Savings.interest, Account.interest)
try:
    a.withdraw(1000)
except InsufficientFunds as e:
    print("error:", e, e.shortfall)
try:
    a.deposit(-5)
except ValueError as e:
    print("error:", e)
try:
    a.balance = 5
except AttributeError as e:
    print("AttributeError:", e)
accounts = [Account("x", 5), Account("y", 50), Savings("z", 20)]
print(sorted(accounts, key=lambda acc: acc.balance), [type(x).__name__ for x in accounts])
print(sum(acc.balance for acc in accounts), {acc.owner: acc.balance for acc in accounts})
print(isinstance(a, Account), type(a) is Account, Savings.__mro__[1].__name__, hasattr(a, "history"))
print(getattr(a, "owner"), vars(Account("q"))["owner"], a.__class__.__name__, Account.deposit.__name__)
