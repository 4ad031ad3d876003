import signal
print(signal.getsignal(signal.SIGINT) is signal.default_int_handler)
def handler(signum, frame):
    pass
prev = signal.signal(signal.SIGINT, handler)
print(prev is signal.default_int_handler)
print(signal.getsignal(signal.SIGINT) is handler)
prev2 = signal.signal(signal.SIGINT, signal.SIG_IGN)
print(prev2 is handler, signal.getsignal(signal.SIGINT) == signal.SIG_IGN)
signal.signal(signal.SIGINT, signal.default_int_handler)
print(signal.getsignal(signal.SIGTERM) == signal.SIG_DFL)
print(int(signal.SIGINT), int(signal.SIGTERM))
try:
    signal.default_int_handler(signal.SIGINT, None)
except KeyboardInterrupt:
    print("KeyboardInterrupt")
