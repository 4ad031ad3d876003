import textwrap
text = "The quick brown fox jumps over the lazy dog and keeps running far away."
print(textwrap.wrap(text, width=20))
print(textwrap.fill(text, width=30))
print(textwrap.shorten(text, width=30, placeholder="..."))
print(repr(textwrap.dedent("""\
    def f():
        return 1
""")))
print(textwrap.indent("a\nb\n\nc", "> "))
print(textwrap.fill("x " * 10, width=8, initial_indent="* ", subsequent_indent="  "))
