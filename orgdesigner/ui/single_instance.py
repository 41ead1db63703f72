"""One OrgDesigner per user session: a second start hands its files to the first.

The first program listens on a local socket (``QLocalServer``) whose name is the user's:
on Linux it lies in the session's private ``XDG_RUNTIME_DIR`` where there is one, on
Windows it is a named pipe, everywhere it is derived from the user, the display and the
data folder, and only the user may connect. A second start (a double-click on a model
file, ``orgdesigner plan.orgmodel``) connects, sends the file names (absolute, so the first
program's working folder does not matter) and exits as soon as the first one confirms; the
first opens the files and brings its window to the front. When no program answers within
a short wait (none is running, or it hangs), the second one starts normally.

The message is one line of UTF-8 JSON, ``{"files": [...], "activation": "..."}``, answered
with ``ok``. Desktops let only the program the user just started take the front; so the
second start passes that permission on: on Windows it allows the next foreground change
(``AllowSetForegroundWindow``), on Wayland it forwards the activation token it was started
with (``XDG_ACTIVATION_TOKEN``), which Qt uses when the first program raises its window.
"""

from __future__ import annotations

import getpass
import hashlib
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

CONNECT_MS = 1000
"""How long a second start waits to reach the first program."""
ANSWER_MS = 5000
"""How long it then waits for the first program's confirmation."""
MAX_MESSAGE = 1024 * 1024


def server_name(data_folder: Path) -> str:
    """The socket name of this user's program in this session (``data_folder``: where its
    drafts live, so that separate data folders – tests, portable installs – are separate)."""
    try:
        user = getpass.getuser()
    except (KeyError, OSError):  # no user name for this uid (a container)
        user = str(os.getuid()) if hasattr(os, "getuid") else ""
    display = os.environ.get("WAYLAND_DISPLAY") or os.environ.get("DISPLAY") or ""
    session = os.environ.get("SESSIONNAME", "")  # Windows: console or remote session
    key = "\n".join((user, display, session, str(data_folder)))
    name = "orgdesigner-" + hashlib.sha256(key.encode("utf-8")).hexdigest()[:20]
    runtime = os.environ.get("XDG_RUNTIME_DIR", "")
    if os.name == "posix" and runtime and Path(runtime).is_dir():
        return str(Path(runtime) / f"{name}.sock")
    return name


def hand_over(name: str, files: Sequence[str], *, connect_ms: int = CONNECT_MS,
              answer_ms: int = ANSWER_MS) -> bool:  # fmt: skip
    """Give ``files`` to the program listening on ``name``; ``True`` when it took them."""
    socket = QLocalSocket()
    socket.connectToServer(name)
    if not socket.waitForConnected(connect_ms):
        return False
    message = {"files": [str(Path(f).absolute()) for f in files],
               "activation": os.environ.get("XDG_ACTIVATION_TOKEN", "")}  # fmt: skip
    _allow_foreground()
    socket.write(json.dumps(message, ensure_ascii=False).encode("utf-8") + b"\n")
    if not socket.waitForBytesWritten(answer_ms):
        socket.abort()
        return False
    answer = b""
    while b"\n" not in answer:
        if not socket.waitForReadyRead(answer_ms):
            break
        answer += bytes(socket.readAll().data())
    socket.disconnectFromServer()
    return answer.strip() == b"ok"


def _allow_foreground() -> None:
    """Windows: let the running program bring its window to the front (only a program the
    user is working with may do that, and this one is)."""
    if sys.platform != "win32":
        return
    import ctypes

    asfw_any = -1
    ctypes.windll.user32.AllowSetForegroundWindow(asfw_any)


def is_answering(name: str) -> bool:
    """True when some program accepts connections on ``name`` (it may still hang)."""
    socket = QLocalSocket()
    socket.connectToServer(name)
    connected = socket.waitForConnected(CONNECT_MS)
    socket.abort()
    return connected


class InstanceServer(QObject):
    """Listens for second starts and announces the files they hand over."""

    files_received = Signal(list)
    """A second start handed over these files (absolute paths; empty: no file given)."""

    def __init__(self, name: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.name = name
        self.server = QLocalServer(self)
        self.server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        self.server.newConnection.connect(self._accept)
        self._buffers: dict[QLocalSocket, bytes] = {}

    def listen(self) -> bool:
        """Start listening; a socket left behind by a program that crashed is replaced,
        one that a running (hanging) program holds is left alone (``False``)."""
        # asked first: with owner-only access Qt would replace even a live socket
        if is_answering(self.name):
            return False
        QLocalServer.removeServer(self.name)  # a crashed program's socket file, if any
        return self.server.listen(self.name)

    def close(self) -> None:
        self.server.close()

    def _accept(self) -> None:
        while self.server.hasPendingConnections():
            socket = self.server.nextPendingConnection()
            self._buffers[socket] = b""
            socket.readyRead.connect(lambda s=socket: self._read(s))
            socket.disconnected.connect(lambda s=socket: self._forget(s))
            if socket.bytesAvailable():
                self._read(socket)

    def _forget(self, socket: QLocalSocket) -> None:
        self._buffers.pop(socket, None)
        socket.deleteLater()

    def _read(self, socket: QLocalSocket) -> None:
        if socket not in self._buffers:
            return
        data = self._buffers[socket] + bytes(socket.readAll().data())
        if len(data) > MAX_MESSAGE:
            socket.abort()
            return
        self._buffers[socket] = data
        if b"\n" not in data:
            return
        line = data.split(b"\n", 1)[0]
        try:
            message = json.loads(line.decode("utf-8"))
            files = [str(f) for f in message["files"]]
            token = str(message.get("activation") or "")
        except (ValueError, KeyError, TypeError, AttributeError):
            socket.abort()
            return
        if token:
            # Qt's Wayland plugin activates the next raised window with this token
            os.environ["XDG_ACTIVATION_TOKEN"] = token
        socket.write(b"ok\n")  # answered first: the second start ends while files open
        socket.flush()
        socket.disconnectFromServer()
        self.files_received.emit(files)
