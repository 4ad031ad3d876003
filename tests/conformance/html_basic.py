import html
from html.parser import HTMLParser
print(html.escape('<a href="x">Tom & Jerry\'s</a>'))
print(html.escape("<b>", quote=False))
print(html.unescape("&lt;p&gt; &amp; &quot;q&quot; &#39; &copy; &#x41;"))
class P(HTMLParser):
    def __init__(self):
        super().__init__()
        self.events = []
    def handle_starttag(self, tag, attrs): self.events.append(("start", tag, attrs))
    def handle_endtag(self, tag): self.events.append(("end", tag))
    def handle_data(self, data):
        if data.strip(): self.events.append(("data", data))
p = P()
p.feed('<div class="c"><p id=1>Hi <b>there</b></p></div>')
for e in p.events:
    print(e)
