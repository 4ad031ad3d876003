# asyncio needs these to import; in the browser their OS calls raise OSError.
import socket, subprocess, select, signal
print(hasattr(socket, "AF_INET"), hasattr(socket, "SOCK_STREAM"), hasattr(socket, "socket"))
print(hasattr(subprocess, "run"), hasattr(subprocess, "PIPE"), hasattr(subprocess, "CalledProcessError"))
print(issubclass(subprocess.CalledProcessError, Exception))
print(callable(select.select), callable(signal.signal))
print(isinstance(socket.AF_INET, int))
