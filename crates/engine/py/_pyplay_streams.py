"""sys.stdout, sys.stderr and sys.stdin for the page. wasm32 has no file
descriptors to write to: text goes to the host (_pyplay.write), which
streams it to the page, and stdin is the text the reader gave the run."""

import codecs
import io
import sys

import _pyplay


class _HostOutput:
    """What sys.stdout, sys.stderr and their .buffer share: unbuffered
    writes to the page's stream `fd`, never a terminal."""

    closed = False

    def __init__(self, fd):
        self._fd = fd

    def writelines(self, lines):
        for line in lines:
            self.write(line)

    def flush(self):
        _pyplay.flush()

    def isatty(self):
        return False

    def writable(self):
        return True

    def readable(self):
        return False

    def seekable(self):
        return False

    def fileno(self):
        return self._fd


class _HostStream(_HostOutput):
    """sys.stdout / sys.stderr: text goes straight to the page."""

    encoding = "utf-8"
    errors = "strict"
    line_buffering = False
    newlines = None
    mode = "w"

    def __init__(self, fd, name):
        super().__init__(fd)
        self.name = name
        self.buffer = _HostBuffer(fd)

    def write(self, text):
        if not isinstance(text, str):
            raise TypeError(f"write() argument must be str, not {type(text).__name__}")
        written = _pyplay.write(self._fd, text)
        if written is None:
            text.encode(self.encoding)  # a lone surrogate: CPython's UnicodeEncodeError
        return written

    def reconfigure(self, *, encoding=None, errors=None, newline=None, line_buffering=None, write_through=None):
        pass  # always UTF-8 and unbuffered; contest code asks for that anyway


class _HostBuffer(_HostOutput):
    """sys.stdout.buffer / sys.stderr.buffer: bytes shown as UTF-8 text,
    invalid bytes replaced; a character split across writes is joined."""

    mode = "wb"

    def __init__(self, fd):
        super().__init__(fd)
        self.name = "<stdout>" if fd == 1 else "<stderr>"
        self._decoder = codecs.getincrementaldecoder("utf-8")("replace")

    def write(self, data):
        if isinstance(data, str):
            raise TypeError("a bytes-like object is required, not 'str'")
        data = memoryview(data).cast("B")
        text = self._decoder.decode(data)
        if text:
            _pyplay.write(self._fd, text)
        return len(data)


class _HostStdin(io.TextIOBase):
    """sys.stdin: the text the reader typed into the stdin box before the
    run, then (for readline and input) lines the host asks the reader for,
    if it can. What a program reads is echoed (fd 0), as a terminal shows it."""

    encoding = "utf-8"
    name = "<stdin>"

    def __init__(self, text):
        self._text = text
        self._pos = 0
        self._buffer = _HostStdinBuffer(self)
        # The host could not ask the reader for a line (pdb says what it needs).
        self.host_cannot_ask = False

    @property
    def buffer(self):
        return self._buffer

    def _take(self, end):
        chunk = self._text[self._pos:end]
        self._pos += len(chunk)
        if chunk:
            # A terminal moves to a new line after the last typed line too.
            ends_line = chunk.endswith("\n") or self._pos < len(self._text)
            _pyplay.write(0, chunk if ends_line else chunk + "\n")
        return chunk

    def read(self, size=-1):
        if size is None or size < 0:
            return self._take(len(self._text))
        return self._take(self._pos + size)

    def readline(self, size=-1):
        if self._pos >= len(self._text):
            line = _pyplay.read_line()  # None: the host cannot ask, so end of file
            self.host_cannot_ask = line is None
            if line:
                self._text += line if line.endswith("\n") else line + "\n"
        end = self._text.find("\n", self._pos)
        end = len(self._text) if end < 0 else end + 1
        if size is not None and size >= 0:
            end = min(end, self._pos + size)
        return self._take(end)

    def readable(self):
        return True

    def isatty(self):
        return False

    def fileno(self):
        return 0


class _HostStdinBuffer:
    """sys.stdin.buffer: what sys.stdin reads, as UTF-8 bytes."""

    name = "<stdin>"
    closed = False
    mode = "rb"

    def __init__(self, text):
        self._text = text

    def read(self, size=-1):
        return self._text.read(size).encode()

    def readline(self, size=-1):
        return self._text.readline(size).encode()

    def readlines(self, hint=-1):
        return [line.encode() for line in self._text.readlines(hint)]

    def __iter__(self):
        return iter(self.readline, b"")

    def readable(self):
        return True

    def writable(self):
        return False

    def isatty(self):
        return False

    def fileno(self):
        return 0


# The same two objects serve every run; install() puts them back.
_STDOUT = _HostStream(1, "<stdout>")
_STDERR = _HostStream(2, "<stderr>")


def install(stdin=""):
    """Points sys.stdout, stderr and stdin (and their sys.__std*__) at the
    page. At boot, and again before each run, undoing what the last run
    replaced."""
    sys.stdout, sys.stderr = sys.__stdout__, sys.__stderr__ = _STDOUT, _STDERR
    _STDOUT.buffer, _STDERR.buffer = _HostBuffer(1), _HostBuffer(2)  # no half character carried over
    set_stdin(stdin)


def set_stdin(text):
    """A new sys.stdin that reads `text`, then asks the host for lines."""
    sys.stdin = sys.__stdin__ = _HostStdin(text)
