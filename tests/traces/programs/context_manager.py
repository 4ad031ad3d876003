class Tag:
    def __init__(self, name):
        self.name = name

    def __enter__(self):
        print(f"<{self.name}>")
        return self

    def __exit__(self, *exc):
        print(f"</{self.name}>")
        return False


with Tag("b") as tag:
    print("bold")
