"""cProfile for the browser build. RustPython has no _lsprof, the C
profiler cProfile wraps, so this is the pure-Python profiler of `profile`
with cProfile's interface on top: the same Profile, run and runctx, plus
enable/disable and `with Profile() as p:`. pstats reads its stats as it
reads cProfile's."""

import profile as _profile
import sys

__all__ = ["run", "runctx", "Profile"]


class Profile(_profile.Profile):
    def enable(self, subcalls=True, builtins=True):
        # The pure profiler expects to see every frame it leaves: skip the
        # returns from enable() and __enter__, which began before it did.
        dispatch = self.dispatcher
        started = False

        def dispatcher(frame, event, arg):
            nonlocal started
            if not started:
                if event == "return":
                    return
                started = True
            dispatch(frame, event, arg)

        sys.setprofile(dispatcher)

    def disable(self):
        sys.setprofile(None)

    def __enter__(self):
        self.enable()
        return self

    def __exit__(self, *exc_info):
        self.disable()


def run(statement, filename=None, sort=-1):
    return _profile._Utils(Profile).run(statement, filename, sort)


def runctx(statement, globals, locals, filename=None, sort=-1):
    return _profile._Utils(Profile).runctx(statement, globals, locals, filename, sort)
