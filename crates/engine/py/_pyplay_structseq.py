"""Tuples with named fields, like CPython's structseq types, for the results
of posix calls (os.stat_result, os.uname_result, ...). Its own module because
both posix and _pyplay_fs (which posix imports) make them."""


def struct_seq(name, fields):
    """A tuple type `os.<name>` whose items are also the attributes `fields`."""

    def __new__(cls, seq, dict=None):
        return tuple.__new__(cls, seq)

    namespace = {"__new__": __new__, "n_fields": len(fields), "n_sequence_fields": len(fields)}
    for index, field in enumerate(fields):
        namespace[field] = property(lambda self, i=index: self[i])
    namespace["__repr__"] = lambda self: f"os.{name}(" + ", ".join(
        f"{f}={v!r}" for f, v in zip(fields, self)) + ")"
    namespace["__module__"] = "os"
    return type(name, (tuple,), namespace)
