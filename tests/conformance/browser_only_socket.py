import socket
try:
    s = socket.socket()
    s.connect(("example.com", 80))
    print("connected")
except Exception as e:
    print(type(e).__name__)
