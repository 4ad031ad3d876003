"""`_socket` for the browser build: the constants and types that `socket`,
`ssl` and `asyncio` need to import, with no way to open a connection."""

_WHY = "sockets are not available in the browser: this Python runs inside a web page"

AF_UNSPEC, AF_UNIX, AF_INET, AF_INET6 = 0, 1, 2, 10
SOCK_STREAM, SOCK_DGRAM, SOCK_RAW = 1, 2, 3
SOL_SOCKET, SO_REUSEADDR, SO_KEEPALIVE, SO_ERROR, SO_SNDBUF, SO_RCVBUF, SO_TYPE = 1, 2, 9, 4, 7, 8, 3
IPPROTO_IP, IPPROTO_TCP, IPPROTO_UDP, IPPROTO_IPV6 = 0, 6, 17, 41
SOL_TCP, TCP_NODELAY = 6, 1
SHUT_RD, SHUT_WR, SHUT_RDWR = 0, 1, 2
MSG_PEEK, MSG_OOB, MSG_DONTROUTE = 2, 1, 4
AI_PASSIVE, AI_CANONNAME, AI_NUMERICHOST, AI_NUMERICSERV, AI_ADDRCONFIG = 1, 2, 4, 1024, 32
NI_NUMERICHOST, NI_NUMERICSERV, NI_NOFQDN, NI_NAMEREQD, NI_DGRAM = 1, 2, 4, 8, 16
INADDR_ANY, INADDR_LOOPBACK = 0, 0x7F000001
SOMAXCONN = 4096
has_ipv6 = False

error = OSError
timeout = TimeoutError


class herror(OSError):
    pass


class gaierror(OSError):
    pass


_default_timeout = None


def getdefaulttimeout():
    return _default_timeout


def setdefaulttimeout(value):
    global _default_timeout
    _default_timeout = value


def gethostname():
    return "localhost"


def _unavailable(*args, **kwargs):
    raise OSError(_WHY)


getaddrinfo = gethostbyname = gethostbyaddr = getnameinfo = socketpair = _unavailable
getservbyname = getservbyport = getprotobyname = _unavailable


def inet_aton(ip):
    parts = [int(p) for p in ip.split(".")]
    if len(parts) != 4 or not all(0 <= p < 256 for p in parts):
        raise OSError("illegal IP address string passed to inet_aton")
    return bytes(parts)


def inet_ntoa(packed):
    if len(packed) != 4:
        raise OSError("packed IP wrong length for inet_ntoa")
    return ".".join(str(b) for b in packed)


def htons(x):
    return ((x & 0xFF) << 8) | ((x >> 8) & 0xFF)


ntohs = htons


def htonl(x):
    return int.from_bytes(x.to_bytes(4, "little"), "big")


ntohl = htonl


class socket:
    """Cannot be created: there is no network stack in a web page."""

    __slots__ = ()

    def __init__(self, family=-1, type=-1, proto=-1, fileno=None):
        raise OSError(_WHY)


SocketType = socket
CAPI = None
