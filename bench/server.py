"""`summit-search serve` in a subprocess for the benchmarks: started on a free port, its port
read off the line it prints when it is ready."""

from __future__ import annotations

import http.client
import json
import os
import re
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
CLI = [sys.executable, "-c", "from indexer.cli import main; main()"]


def start_server(corpus: Path, index: Path, *options: str, env: dict[str, str] | None = None):
    """(process, port). stderr goes to /dev/null: a full pipe nobody reads would stall the server."""
    command = [*CLI, "serve", "--port", "0", *options, "--index", str(index), "--corpus", str(corpus)]
    server = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, cwd=REPO,
                              env={**os.environ, **(env or {})})
    return server, int(re.search(r":(\d+)/", server.stdout.readline()).group(1))


def health(port: int, patience: float = 600.0) -> dict:
    """/healthz's answer, waiting up to `patience` seconds for the server to give one (a big
    index takes a while to open and warm; gunicorn's workers start after the parent)."""
    deadline = time.monotonic() + patience
    while True:
        try:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
            connection.request("GET", "/healthz")
            response = connection.getresponse()
            body = response.read()
            connection.close()
            if response.status == 200:
                return json.loads(body)
        except OSError:
            pass
        if time.monotonic() > deadline:
            raise RuntimeError(f"the server on port {port} did not answer /healthz within {patience:.0f} s")
        time.sleep(0.2)
