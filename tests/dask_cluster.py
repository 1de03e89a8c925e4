"""A ``dask scheduler`` and ``dask worker``s started as real processes on 127.0.0.1 for the
tests, made to die with the test run however it ends.

* ``close()`` (the fixture's finaliser, and ``atexit``) stops each process's whole group:
  every process is started in a session and group of its own, so the group is exactly
  that process and whatever it started;
* a test run that is killed (SIGKILL, no finaliser runs) takes them with it: each process
  is started through a small launcher that asks Linux to kill it when its parent dies
  (``prctl(PR_SET_PDEATHSIG, SIGKILL)``, kept across the ``exec`` of the ``dask`` command)
  and exits at once if the parent is already gone;
* where ``prctl`` does not exist, workers still stop on their own 30 s after they lose the
  scheduler (``--death-timeout``) and the scheduler after 10 minutes without work
  (``--idle-timeout``).

Killed test runs of an earlier session left scheduler and worker processes behind;
``tests/test_dask_engine.py`` checks that a killed parent now leaves none.
"""

from __future__ import annotations

import atexit
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

# Runs in the child before it becomes the dask command: no import lock or thread of the
# test process is involved (a ``preexec_fn`` would run in a fork of a threaded process).
LAUNCHER = r"""
import ctypes, ctypes.util, os, signal, sys
parent = int(sys.argv[1])
try:
    libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
    libc.prctl(1, signal.SIGKILL, 0, 0, 0)  # PR_SET_PDEATHSIG
except (OSError, AttributeError):
    pass  # not Linux: --death-timeout / --idle-timeout still end them
if os.getppid() != parent:  # the parent died before prctl took effect
    sys.exit(1)
os.execv(sys.argv[2], sys.argv[2:])
"""


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def dask_command() -> str | None:
    path = shutil.which("dask") or str(Path(sys.executable).with_name("dask"))
    return path if Path(path).exists() else None


class Cluster:
    """``dask scheduler`` and ``workers`` ``dask worker`` processes on 127.0.0.1."""

    def __init__(self, folder: Path, env: dict[str, str], workers: int = 2, timeout: float = 60) -> None:
        dask_cli = dask_command()
        if dask_cli is None:
            raise FileNotFoundError("the dask command line is not installed")
        self.env = env
        self.address = f"tcp://127.0.0.1:{free_port()}"
        port = self.address.rsplit(":", 1)[1]
        self.log_path = folder / "cluster.log"
        log = open(self.log_path, "w")
        self.procs: list[subprocess.Popen] = []
        atexit.register(self.close)
        self._start([dask_cli, "scheduler", "--host", "127.0.0.1", "--port", port, "--no-dashboard", "--idle-timeout", "600s"], log)
        for _ in range(workers):
            self._start([dask_cli, "worker", self.address, "--nthreads", "1", "--no-nanny", "--no-dashboard", "--host", "127.0.0.1",
                         "--death-timeout", "30s"], log)
        log.close()
        from distributed import Client

        deadline = time.time() + timeout
        while True:
            try:
                with Client(self.address, timeout="5s") as client:
                    if len(client.scheduler_info()["workers"]) >= workers:
                        break
            except (OSError, TimeoutError):
                pass
            if time.time() > deadline:
                self.close()
                raise TimeoutError("the dask cluster did not start: " + self.log_path.read_text()[-2000:])
            time.sleep(0.5)

    def _start(self, command: list[str], log) -> None:
        self.procs.append(subprocess.Popen([sys.executable, "-c", LAUNCHER, str(os.getpid()), *command],
                                           env=self.env, stdout=log, stderr=log, start_new_session=True))

    @property
    def workers(self) -> list[subprocess.Popen]:
        return self.procs[1:]

    def close(self) -> None:
        """Stop every process group (terminate, then kill what is left after 20 s)."""
        for p in reversed(self.procs):
            if p.poll() is None:
                _signal_group(p, signal.SIGTERM)
        deadline = time.monotonic() + 20
        for p in self.procs:
            try:
                p.wait(timeout=max(0.1, deadline - time.monotonic()))
            except subprocess.TimeoutExpired:
                _signal_group(p, signal.SIGKILL)  # still there: the whole group (never a reaped pid's)
                try:
                    p.wait(timeout=5)
                except subprocess.TimeoutExpired:
                    pass
        atexit.unregister(self.close)


def _signal_group(p: subprocess.Popen, sig: int) -> None:
    try:
        os.killpg(p.pid, sig)  # its own group: start_new_session
    except (ProcessLookupError, PermissionError):
        pass


if __name__ == "__main__":  # a parent for the test that kills it: start, print the pids, wait
    import json

    cluster = Cluster(Path(sys.argv[1]), dict(os.environ), workers=int(sys.argv[2]))
    print(json.dumps([p.pid for p in cluster.procs]), flush=True)
    time.sleep(600)
