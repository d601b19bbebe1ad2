"""The app's own processes for tests that need more than one: gunicorn instances and workers on
the test database (PostgreSQL only: a second process cannot see an in-memory or test SQLite)."""

import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from urllib.parse import quote

import pytest
from django.db import connection

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent


def database_url() -> str:
    db = connection.settings_dict
    auth = quote(db["USER"] or "", safe="") + (
        ":" + quote(db["PASSWORD"], safe="") if db["PASSWORD"] else ""
    )
    return f"postgres://{auth}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"


def require_postgresql() -> None:
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL (DATABASE_URL): the worker queues in the database")


def environment(**extra: str) -> dict[str, str]:
    return {
        **{k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"},
        "DATABASE_URL": database_url(),
        "WARMTENET_TASKS": "database",
        "DJANGO_DEBUG": "false",
        **extra,
    }


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Process:
    def __init__(self, args: list[str], env: dict[str, str], log: Path) -> None:
        self.log = log
        self._out = log.open("w")
        self.popen = subprocess.Popen(
            args, cwd=ROOT, env=env, stdout=self._out, stderr=subprocess.STDOUT
        )

    def output(self) -> str:
        if not self._out.closed:
            self._out.flush()
        return self.log.read_text()

    def kill(self) -> None:
        """SIGKILL: no clean-up at all, as when the OOM killer or a lost host ends it."""
        self.popen.send_signal(signal.SIGKILL)
        self.popen.wait(timeout=10)

    def stop(self) -> None:
        if self.popen.poll() is None:
            self.popen.terminate()
            try:
                self.popen.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.kill()
        self._out.close()


def worker(env: dict[str, str], log: Path) -> Process:
    args = [sys.executable, "manage.py", "worker", "--interval", "0.2", "--no-startup-delay"]
    return Process(args, env, log)


def gunicorn(env: dict[str, str], log: Path) -> tuple[Process, int]:
    port = free_port()
    args = [str(BIN / "gunicorn"), "warmtenet.wsgi", "--workers", "1", "--threads", "2",
            "--bind", f"127.0.0.1:{port}", "--timeout", "60"]  # fmt: skip
    server = Process(args, env, log)
    wait_for(lambda: _listening(port), 30, server)
    return server, port


def _listening(port: int) -> bool:
    with socket.socket() as probe:
        return probe.connect_ex(("127.0.0.1", port)) == 0


def wait_for(condition: Callable[[], object], seconds: float, process: Process | None = None):
    """Poll `condition` every 50 ms until it is truthy; its value."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        if process is not None and process.popen.poll() is not None:
            pytest.fail(f"{process.popen.args[1]} ended:\n{process.output()}")
        time.sleep(0.05)
    pytest.fail(f"not within {seconds} s" + (f":\n{process.output()}" if process else ""))
