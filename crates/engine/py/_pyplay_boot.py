"""Runs once when the engine starts: makes the wasm32 build behave like a
normal CPython for the lessons. Each module installed below names the
failures it avoids; importing them changes nothing until install().

The engine (src/lib.rs) calls two functions here: fresh_main before each
run, and format_exception for a run's uncaught exception."""

import _pyplay_exit  # noqa: F401 - loaded now: a run's end must not import with its builtins
import _pyplay_imports
import _pyplay_os
import _pyplay_reset
import _pyplay_streams
import _pyplay_time
from _pyplay_reset import fresh_main  # noqa: F401 - called by the engine
from _pyplay_traceback import format_exception  # noqa: F401 - called by the engine

# The order matters:
# - Streams and clocks first, so that what follows can print and read the
#   time (wasm32's own clocks panic).
# - The OS next: os.py loads on our posix only once posix is registered,
#   and open() then goes to the in-memory file system.
# - The import hooks once the boot's own imports are done: those need no
#   patch and no pack, and the snapshot notes them.
# - The snapshot last: it records builtins and every module as patched
#   above, so each run's reset (fresh_main) starts from there and keeps the
#   patches.
_pyplay_streams.install()
_pyplay_time.install()
_pyplay_os.install()
_pyplay_imports.install()
_pyplay_reset.snapshot()
