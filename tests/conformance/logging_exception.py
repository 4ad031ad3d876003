import io, logging
stream = io.StringIO()
log = logging.getLogger("exc")
log.propagate = False
h = logging.StreamHandler(stream)
h.setFormatter(logging.Formatter("[%(levelname)s] %(message)s"))
log.addHandler(h)
try:
    1 / 0
except ZeroDivisionError:
    log.exception("failed")
lines = stream.getvalue().splitlines()
print(lines[0])
print(lines[1])
print(lines[-1])
adapter = logging.LoggerAdapter(log, {"user": "ann"})
adapter.warning("adapted")
print(stream.getvalue().splitlines()[-1])
