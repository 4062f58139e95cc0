counter = 0
def bump():
    global counter
    counter += 1
    return counter
class Thing:
    def __repr__(self):
        return "Thing()"
if __name__ == "__main__":
    print("never printed on import")
