"""A fault-injecting HTTP proxy on loopback, between the laptop's sync client and the real server.

One request per client connection (answers carry `Connection: close`). Each request takes the first
queued fault whose path prefix matches, or is relayed untouched. Faults:

- ``refuse``: reset the connection before reading anything (the client sees a connection error);
- ``swallow``: relay to the server, let it commit and answer, then drop the answer (a lost acknowledgement);
- ``truncate``: relay, then pass on the head and only half the body (a cut answer);
- ``status``: answer 500/503/429 itself (with Retry-After when given), without reaching the server;
- ``stall``: relay, then hold the answer for `seconds` (past the client's read timeout) and drop it;
- ``pass``: relay untouched (to aim a later fault at a later request);
- ``kill``: relay, and kill -9 the server `seconds` after the request went in (mid-batch), then restart it.
"""

from __future__ import annotations

import socket
import struct
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field


@dataclass
class Fault:
    action: str
    path: str = "/v1/batches"
    status: int = 503
    retry_after: str | None = None
    seconds: float = 0.0


@dataclass
class ProxyLog:
    requests: list[tuple[str, str]] = field(default_factory=list)  # (path, what the proxy did)
    faults_applied: list[str] = field(default_factory=list)


class FaultProxy:
    def __init__(
        self,
        upstream_port: int,
        *,
        on_kill: Callable[[float], None] | None = None,
    ) -> None:
        self.upstream_port = upstream_port
        self.on_kill = on_kill
        self.faults: list[Fault] = []
        self.log = ProxyLog()
        self._lock = threading.Lock()
        self._listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self._listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self._listener.bind(("127.0.0.1", 0))
        self._listener.listen(64)
        self._listener.settimeout(0.1)  # so the accept loop notices the stop flag
        self.port = int(self._listener.getsockname()[1])
        self.url = f"http://127.0.0.1:{self.port}"
        self._stopping = threading.Event()
        self._thread = threading.Thread(target=self._serve, name="fault-proxy", daemon=True)

    def __enter__(self) -> FaultProxy:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stopping.set()
        self._listener.close()
        self._thread.join(timeout=5)

    def add(self, *faults: Fault) -> None:
        with self._lock:
            self.faults.extend(faults)

    def pending_faults(self) -> int:
        with self._lock:
            return len(self.faults)

    # ------------------------------------------------------------------ serving

    def _serve(self) -> None:
        while not self._stopping.is_set():
            try:
                client, _ = self._listener.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            client.settimeout(None)
            threading.Thread(target=self._handle, args=(client,), daemon=True).start()

    def _take_fault(self, path: str) -> Fault | None:
        with self._lock:
            for index, fault in enumerate(self.faults):
                if path.startswith(fault.path):
                    return self.faults.pop(index)
        return None

    def _handle(self, client: socket.socket) -> None:
        try:
            with client:
                client.settimeout(30)
                request = _read_request(client)
                if request is None:
                    return
                path = request.split(b" ", 2)[1].decode("latin-1")
                fault = self._take_fault(path)
                action = fault.action if fault else "relay"
                with self._lock:
                    self.log.requests.append((path, action))
                    if fault:
                        self.log.faults_applied.append(action)
                if fault is None or fault.action == "pass":
                    client.sendall(self._relay(request))
                elif fault.action == "refuse":
                    _reset(client)
                elif fault.action == "status":
                    client.sendall(_status_answer(fault.status, fault.retry_after))
                elif fault.action == "swallow":
                    self._relay(request)
                    _reset(client)
                elif fault.action == "truncate":
                    answer = self._relay(request)
                    head, _, body = answer.partition(b"\r\n\r\n")
                    client.sendall(head + b"\r\n\r\n" + body[: len(body) // 2])
                elif fault.action == "stall":
                    self._relay(request)
                    time.sleep(fault.seconds)
                    _reset(client)
                elif fault.action == "kill":
                    assert self.on_kill is not None
                    killer = threading.Timer(fault.seconds, self.on_kill, args=(fault.seconds,))
                    killer.start()
                    try:
                        client.sendall(self._relay(request))
                    except OSError:
                        _reset(client)
                    killer.join()
        except OSError:
            pass

    def _relay(self, request: bytes) -> bytes:
        """Send the request to the server with `Connection: close` and return its whole answer."""
        head, _, body = request.partition(b"\r\n\r\n")
        lines = [line for line in head.split(b"\r\n") if not line.lower().startswith(b"connection:")]
        upstream_request = b"\r\n".join([*lines, b"Connection: close"]) + b"\r\n\r\n" + body
        with socket.create_connection(("127.0.0.1", self.upstream_port), timeout=60) as upstream:
            upstream.sendall(upstream_request)
            chunks = []
            while True:
                chunk = upstream.recv(65536)
                if not chunk:
                    break
                chunks.append(chunk)
        answer = b"".join(chunks)
        if not answer:
            raise OSError("the server closed the connection without an answer")
        return answer


def _read_request(client: socket.socket) -> bytes | None:
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = client.recv(65536)
        if not chunk:
            return None
        data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    length = 0
    for line in head.split(b"\r\n")[1:]:
        name, _, value = line.partition(b":")
        if name.strip().lower() == b"content-length":
            length = int(value.strip())
    while len(body) < length:
        chunk = client.recv(65536)
        if not chunk:
            return None
        body += chunk
    return head + b"\r\n\r\n" + body


def _reset(client: socket.socket) -> None:
    """Close with RST (SO_LINGER 0): the client sees a reset, not a clean end of the answer."""
    client.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    client.close()


def _status_answer(status: int, retry_after: str | None) -> bytes:
    reasons = {429: b"Too Many Requests", 500: b"Internal Server Error", 503: b"Service Unavailable"}
    body = b'{"detail":"fault injected by the test proxy"}'
    lines = [
        b"HTTP/1.1 %d %s" % (status, reasons.get(status, b"Error")),
        b"Content-Type: application/json",
        b"Content-Length: %d" % len(body),
        b"Connection: close",
    ]
    if retry_after is not None:
        lines.append(b"Retry-After: " + retry_after.encode("ascii"))
    return b"\r\n".join(lines) + b"\r\n\r\n" + body
