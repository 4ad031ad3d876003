"""Visualize: records a run step by step for the step-through panel.

start(max_steps, filename) installs a trace function and a tee on the
output streams; the program runs; finish() removes both and returns the
trace as JSON text (the shape is `pyplay_protocol::Trace`, read by the
engine with serde). Only frames of `filename` (the reader's code) are
recorded; the standard library runs untraced.

Each step is one trace event (call, line, return, exception) with a
snapshot: the reader's frames, newest first, each with its variables, and
every object reachable from them. Values are either inline (the repr of
None, a bool, a number, a short string: a JSON string) or a reference to
an object of the step's heap (a JSON number). Object ids are numbered in
the order a walk from the module globals first meets them, so the same
program gives the same trace on CPython and RustPython; the engine's test
compares the two (tests/traces/).

The reader's objects are looked at without running their code: instances
by their __dict__ and __slots__, never their __repr__, __eq__ or
__getattr__. Tracing is off while the trace function runs (CPython and
RustPython both do that), so nothing here is recorded.

tests/trace_golden.py imports this file on CPython to write the traces
the engine's test compares with.
"""

import sys as _sys

_MAX_REPR = 60  # characters of an inline repr
_MAX_ITEMS = 40  # entries drawn per container
_MAX_OBJECTS = 120  # objects per step
_MAX_FRAMES = 30  # frames per step: the newest, and the module's
_MAX_TRACE = 12_000_000  # characters of JSON in all
_SCALARS = (type(None), bool, int, float, complex)
_SORTABLE = (bool, int, float, str)
_HIDDEN_NAMES = frozenset(("__builtins__", "__name__", "__doc__", "__package__",
                           "__loader__", "__spec__", "__file__", "__cached__",
                           "__annotations__", "__module__", "__qualname__",
                           "__firstlineno__", "__static_attributes__",
                           "__classcell__", "__classdictcell__", "__dict__",
                           "__weakref__"))
# List, set and dict comprehensions run inline in their function since
# CPython 3.12 (PEP 709), as in RustPython: 3.11's frames for them are
# left out, so a comprehension is one step of the line it is on.
_INLINED = frozenset(("<listcomp>", "<setcomp>", "<dictcomp>"))
# Raised to end an iteration: RustPython reports a for loop's end as one,
# CPython does not; a program that raises one itself still shows it when
# it ends the run.
_QUIET_EXCEPTIONS = (StopIteration, StopAsyncIteration, GeneratorExit)


class StepLimit(BaseException):
    """Raised into the program when the trace has max_steps steps."""


def _clip(text):
    return text if len(text) <= _MAX_REPR else text[:_MAX_REPR - 1] + "…"


class _Tee:
    """Passes writes on and keeps a copy, so each step knows what was
    printed so far."""

    def __init__(self, stream, sink):
        self._stream, self._sink = stream, sink

    def write(self, text):
        self._sink.append(text)
        return self._stream.write(text)

    def __getattr__(self, name):
        return getattr(self._stream, name)


class _Recorder:
    def __init__(self, max_steps, filename):
        self.max_steps = max_steps
        self.filename = filename
        self.steps = []  # each step as JSON text
        self.size = 0
        self.printed = []
        self.printed_len = 0
        self.printed_seen = 0
        self.truncated = False
        self.enum_type = None

    # --- the trace function ------------------------------------------------
    def trace(self, frame, event, arg):
        code = frame.f_code
        if code.co_filename != self.filename:
            return None
        # The module's own call event carries no line (0 on CPython 3.11).
        quiet = (event == "call" and code.co_name == "<module>") or code.co_name in _INLINED or (
            event == "exception" and issubclass(arg[0], _QUIET_EXCEPTIONS))
        if not quiet:
            self.record(frame, event, arg)
        return self.trace

    def record(self, frame, event, arg):
        if len(self.steps) >= self.max_steps or self.size >= _MAX_TRACE:
            self.truncated = True
            raise StepLimit(len(self.steps))
        step = {"ev": event, "ln": frame.f_lineno}
        # A generator's frame at its own return event is suspending (a
        # yield): CPython says so already, RustPython still says running.
        heap = _Heap(self, frame if event == "return" else None)
        frames = []
        stack = []
        walk = frame
        while walk is not None:
            if walk.f_code.co_filename == self.filename and walk.f_code.co_name not in _INLINED:
                stack.append(walk)
            walk = walk.f_back
        # Deep recursion: the newest frames and the module's, not all.
        if len(stack) > _MAX_FRAMES:
            step["skip"] = len(stack) - _MAX_FRAMES
            stack = stack[:_MAX_FRAMES - 1] + stack[-1:]
        # Oldest first, so ids stay put while calls come and go.
        for f in reversed(stack):
            frames.append(self.frame(f, heap))
        frames.reverse()
        step["fr"] = frames
        if event == "return":
            step["ret"] = heap.value(arg)
        elif event == "exception":
            kind, value = arg[0], arg[1]
            step["exc"] = _clip_line(kind.__name__, value)
        heap.drain()
        step["heap"] = heap.objects
        if heap.omitted:
            step["more"] = heap.omitted
        step["out"] = self.output_length()
        text = _dumps(step, ensure_ascii=False, separators=(",", ":"))
        # A line event that changes nothing shows nothing: RustPython sends
        # one per turn of an inlined comprehension, CPython 3.11 none.
        if self.steps and text == self.steps[-1]:
            return
        self.size += len(text)
        self.steps.append(text)

    def frame(self, frame, heap):
        code = frame.f_code
        module = code.co_name == "<module>"
        # A module's or class body's namespace: its dunders are bookkeeping.
        namespace = not code.co_flags & 0x02
        names = frame.f_globals if module else frame.f_locals
        items = list(names.items())
        if not namespace:
            # A function's variables in the order its code declares them
            # (parameters first): f_locals orders cells differently in
            # CPython and RustPython.
            order = {name: i for i, name in enumerate(code.co_varnames + code.co_cellvars + code.co_freevars)}
            items.sort(key=lambda item: order.get(item[0], len(order)))
        variables = []
        for name, value in items:
            # ".0" is a comprehension's iterator, an implementation detail.
            if name.startswith(".") or namespace and (name in _HIDDEN_NAMES or name.startswith("_pyplay")):
                continue
            variables.append([name, heap.value(value)])
        entry = {"fn": "<module>" if module else code.co_name, "ln": frame.f_lineno, "loc": variables}
        if code.co_flags & 0x20 or code.co_flags & 0x80 or code.co_flags & 0x200:
            entry["gen"] = True
        return entry

    def output_length(self):
        for text in self.printed[self.printed_seen:]:
            self.printed_len += len(text)
        self.printed_seen = len(self.printed)
        return self.printed_len


def _clip_line(kind, value):
    try:
        text = str(value) if type(value).__str__ is BaseException.__str__ else ""
    except BaseException:
        text = ""
    return _clip(f"{kind}: {text}" if text else kind)


class _Heap:
    """One step's objects: id -> description, filled breadth first."""

    def __init__(self, recorder, suspending=None):
        self.recorder = recorder
        self.suspending = suspending
        self.ids = {}
        self.queue = []
        self.objects = []
        self.omitted = 0

    def value(self, obj):
        kind = type(obj)
        if kind in _SCALARS:
            return _clip(repr(obj))
        if kind is str:
            return _clip(repr(obj)) if len(obj) <= _MAX_REPR else repr(obj[:_MAX_REPR - 2])[:-1] + "…'"
        if kind is type(_sys):
            return f"<module {obj.__name__}>"
        # The library's classes and functions are names, not boxes.
        if issubclass(kind, type) and not _is_reader_class(obj):
            return f"<class {obj.__name__}>"
        if kind in _FUNCTION_TYPES and getattr(obj, "__module__", None) != "__main__":
            return f"<function {obj.__name__}>"
        if kind in _BUILTIN_FUNCTION_TYPES:
            return f"<built-in {obj.__name__}>"
        if self.is_enum(obj):
            return _clip(f"<{kind.__name__}.{obj._name_}: {obj._value_!r}>")
        key = id(obj)
        found = self.ids.get(key)
        if found is not None:
            return found
        if len(self.ids) >= _MAX_OBJECTS:
            self.omitted += 1
            return "…"
        number = len(self.ids) + 1
        self.ids[key] = number
        self.queue.append((number, obj))
        return number

    def is_enum(self, obj):
        enum = _sys.modules.get("enum")
        return enum is not None and issubclass(type(obj), enum.Enum)

    def drain(self):
        while self.queue:
            number, obj = self.queue.pop(0)
            self.objects.append([number, self.describe(obj)])

    def items(self, values):
        out = []
        for index, item in enumerate(values):
            if index == _MAX_ITEMS:
                return out, True
            out.append(self.value(item))
        return out, False

    def pairs(self, pairs):
        out = []
        for index, (key, item) in enumerate(pairs):
            if index == _MAX_ITEMS:
                return out, True
            out.append([self.value(key), self.value(item)])
        return out, False

    def describe(self, obj):
        # type() and the base classes' own methods only: a reader's class
        # may override __class__, __iter__ or __lt__.
        kind = type(obj)
        name = kind.__name__
        if issubclass(kind, (list, tuple)) or _is_deque(kind):
            base = tuple if issubclass(kind, tuple) else list if issubclass(kind, list) else _sys.modules["collections"].deque
            items, more = self.items(list(base.__iter__(obj)))
            return _box("tuple" if base is tuple else "list", name, v=items, more=more)
        if issubclass(kind, (set, frozenset)):
            base = set if issubclass(kind, set) else frozenset
            members = list(base.__iter__(obj))
            if all(type(member) in _SORTABLE for member in members):
                try:
                    members.sort()
                except TypeError:
                    pass
            items, more = self.items(members)
            return _box("set", name, v=items, more=more)
        if issubclass(kind, dict):
            pairs, more = self.pairs(list(dict.items(obj)))
            return _box("dict", name, kv=pairs, more=more)
        if kind is _CellType:
            try:
                contents = obj.cell_contents
            except ValueError:
                return _box("cell", "cell", v=[])
            return _box("cell", "cell", v=[self.value(contents)])
        if kind in _FUNCTION_TYPES:
            return self.function(obj)
        if kind is staticmethod or kind is classmethod:
            function = _function_of(obj)
            if function is not None:
                box = self.function(function)
                box["t"] = f"@{kind.__name__} {box['t']}"
                return box
        if kind in _GENERATOR_TYPES:
            return self.generator(obj)
        if issubclass(kind, type):
            return self.klass(obj)
        if kind is _MethodType:
            return _box("fn", f"{obj.__func__.__qualname__} (bound)", kv=[["self", self.value(obj.__self__)]])
        if _is_reader_class(kind):
            return self.instance(obj, name)
        return _box("obj", name, r=_safe_repr(obj))

    def function(self, fn):
        """A function by its signature, and its closure's cells."""
        code = fn.__code__
        params = list(code.co_varnames[:code.co_argcount + code.co_kwonlyargcount])
        if code.co_flags & 0x04:
            params.insert(code.co_argcount, "*" + code.co_varnames[len(params)])
        # As in 3.12+, where comprehensions are inlined: no "<listcomp>." part.
        name = fn.__qualname__
        for inlined in _INLINED:
            name = name.replace(inlined + ".", "")
        label = f"{name}({', '.join(params)})"
        pairs = []
        for name, cell in zip(code.co_freevars, fn.__closure__ or ()):
            pairs.append([name, self.value(cell)])
        return _box("fn", label, kv=pairs)

    def generator(self, gen):
        frame = getattr(gen, "gi_frame", None) or getattr(gen, "cr_frame", None)
        running = getattr(gen, "gi_running", False) or getattr(gen, "cr_running", False)
        if frame is not None and frame is self.suspending:
            running = False
        if frame is None:
            state = "finished"
        elif running:
            state = "running"
        elif frame is self.suspending or getattr(gen, "gi_suspended", getattr(gen, "cr_suspended", frame.f_lasti >= 0)):
            state = "suspended"
        else:
            state = "created"
        box = _box("gen", gen.__qualname__ if hasattr(gen, "__qualname__") else gen.__name__, st=state)
        if frame is not None and state != "running":
            box["ln"] = frame.f_lineno
            box["kv"] = [[name, self.value(value)] for name, value in list(frame.f_locals.items())]
        return box

    def klass(self, cls):
        pairs = []
        for name, value in list(vars(cls).items()):
            # Dunders only when they are the reader's methods; sunders
            # (enum's _member_map_, namedtuple's _make) are machinery.
            dunder = name.startswith("__") and name.endswith("__")
            sunder = not dunder and name.startswith("_") and name.endswith("_")
            function = _function_of(value)
            if name in _HIDDEN_NAMES or sunder or (dunder and function is None):
                continue
            # Methods a library made for the class (namedtuple's, dataclass's).
            if function is not None and function.__code__.co_filename != self.recorder.filename:
                continue
            pairs.append([name, self.value(value)])
        bases = ", ".join(base.__name__ for base in cls.__bases__ if base is not object)
        label = f"class {cls.__name__}" + (f"({bases})" if bases else "")
        return _box("class", label, kv=pairs[:_MAX_ITEMS], more=len(pairs) > _MAX_ITEMS)

    def instance(self, obj, name):
        pairs = []
        try:
            attributes = object.__getattribute__(obj, "__dict__")
        except AttributeError:
            attributes = {}
        for key, value in list(attributes.items()):
            pairs.append([key, self.value(value)])
        for slot in _slots(type(obj)):
            try:
                pairs.append([slot, self.value(object.__getattribute__(obj, slot))])
            except AttributeError:
                pass
        return _box("obj", name, kv=pairs[:_MAX_ITEMS], more=len(pairs) > _MAX_ITEMS)


def _function_of(value):
    """The plain function a class attribute is, or wraps; else None."""
    if type(value) in (staticmethod, classmethod):
        value = getattr(value, "__func__", None)
    return value if type(value) in _FUNCTION_TYPES else None


def _box(kind, label, v=None, kv=None, more=False, st=None, r=None):
    box = {"k": kind, "t": label}
    if v is not None:
        box["v"] = v
    if kv is not None:
        box["kv"] = kv
    if more:
        box["more"] = True
    if st is not None:
        box["st"] = st
    if r is not None:
        box["r"] = r
    return box


def _slots(cls):
    names = []
    for klass in cls.__mro__:
        slots = vars(klass).get("__slots__", ())
        names.extend([slots] if isinstance(slots, str) else slots)
    return [name for name in names if name not in ("__dict__", "__weakref__")]


def _is_deque(kind):
    collections = _sys.modules.get("collections")
    return collections is not None and issubclass(kind, collections.deque)


def _is_reader_class(kind):
    return getattr(kind, "__module__", None) == "__main__"


def _safe_repr(obj):
    """The repr of a library object; addresses left out, since they say
    nothing to a reader and differ from run to run."""
    try:
        text = repr(obj)
    except BaseException:
        return f"<{type(obj).__name__}>"
    if not isinstance(text, str):
        return f"<{type(obj).__name__}>"
    start = text.find(" at 0x")
    while start >= 0:
        end = start + 6
        while end < len(text) and text[end] in "0123456789abcdefABCDEF":
            end += 1
        text = text[:start] + text[end:]
        start = text.find(" at 0x")
    return _clip(text)


def _sample_function():
    pass


def _sample_generator():
    yield


def _sample_cell():
    value = 0

    def inner():
        return value

    return inner.__closure__[0]


async def _sample_coroutine():
    pass


_CellType = type(_sample_cell())
_FUNCTION_TYPES = (type(_sample_function),)
_BUILTIN_FUNCTION_TYPES = (type(len), type([].append))
_MethodType = type(_Tee(None, None).write)
_coroutine = _sample_coroutine()
_GENERATOR_TYPES = (type(_sample_generator()), type(_coroutine))
_coroutine.close()
del _coroutine

_recorder = None
_saved = None
_dumps = None


def start(max_steps, filename):
    """Begins recording the frames of `filename`: call just before the
    program runs."""
    global _recorder, _saved, _dumps
    import json  # before the program runs, which may patch it

    _dumps = json.dumps
    _recorder = _Recorder(max_steps, filename)
    _saved = (_sys.stdout, _sys.stderr)
    _sys.stdout = _Tee(_sys.stdout, _recorder.printed)
    _sys.stderr = _Tee(_sys.stderr, _recorder.printed)
    _sys.settrace(_recorder.trace)


def finish():
    """Stops recording; returns the trace as JSON text."""
    global _recorder, _saved
    _sys.settrace(None)
    recorder = _recorder
    if _saved is not None:
        _sys.stdout, _sys.stderr = _saved
    _recorder = _saved = None
    if recorder is None:
        return '{"steps":[],"out":"","truncated":false}'
    rest = _dumps({"out": "".join(recorder.printed), "truncated": recorder.truncated}, ensure_ascii=False)
    return '{"steps":[' + ",".join(recorder.steps) + "]," + rest[1:]
