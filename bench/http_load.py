"""HTTP figures for the benchmark: the query mix through `/api/search` on `summit-search
serve`, one keep-alive client for latency, then eight for throughput (split from run.py)."""

from __future__ import annotations

import http.client
import threading
import time
from pathlib import Path
from urllib.parse import urlencode

from .query_classes import percentiles
from .server import start_server

HTTP_CLIENTS = 8


def _path(query: dict) -> str:
    params = {k: v for k, v in query.items() if k != "kind" and v}
    return "/api/search?" + urlencode(params, doseq=True)


def http_figures(corpus: Path, index: Path, repeat: int, seconds: float, mix: list[dict]) -> dict:
    server, port = start_server(corpus, index)
    try:
        samples, errors = [], 0
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        for query in mix:
            _get(connection, _path(query))
        for _ in range(repeat):
            for query in mix:
                started = time.perf_counter()
                errors += _get(connection, _path(query)) != 200
                samples.append(time.perf_counter() - started)
        connection.close()
        figures = percentiles(samples)
        figures.update(throughput(port, seconds, mix))
        figures["errors"] += errors
        return figures
    finally:
        server.terminate()
        server.wait(timeout=10)
        server.stdout.close()


def _get(connection: http.client.HTTPConnection, path: str) -> int:
    connection.request("GET", path)
    response = connection.getresponse()
    response.read()
    return response.status


def throughput(port: int, seconds: float, mix: list[dict]) -> dict:
    """8 keep-alive clients cycling through the mix for `seconds` (bounded): requests/s."""
    counts, errors = [0] * HTTP_CLIENTS, [0] * HTTP_CLIENTS
    deadline = time.perf_counter() + seconds

    def client(number: int) -> None:
        # one loopback address per client: they stand for eight users, and the server allows
        # each address only a few searches at once (webapp/fairness.py)
        source = (f"127.0.1.{number + 1}", 0)
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30, source_address=source)
        i = number
        while time.perf_counter() < deadline and counts[number] < 100_000:
            try:
                status = _get(connection, _path(mix[i % len(mix)]))
            except (OSError, http.client.HTTPException):
                status = 0
                connection.close()
                connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30, source_address=source)
            counts[number] += 1
            errors[number] += status != 200
            i += 1
        connection.close()

    started = time.perf_counter()
    threads = [threading.Thread(target=client, args=(n,)) for n in range(HTTP_CLIENTS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - started
    return {"requests": sum(counts), "errors": sum(errors), "requests_per_s": sum(counts) / elapsed,
            "clients": HTTP_CLIENTS}
