"""HTTP load for the server and memory suites: a runtime's server started on a free port and
waited for, a fixed number of keep-alive requests (the "after 1,000 requests" of the memory
figures), and wrk for throughput, with its report parsed into numbers."""
import http.client
import os
import re
import socket
import subprocess
import threading
import time

from . import proc
from .paths import BENCH


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def get(port, path="/ping", timeout=2):
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        conn.request("GET", path)
        return conn.getresponse().status
    finally:
        conn.close()


def wait_ready(port, alive, timeout=90):
    """Milliseconds until GET /ping answers 200, or None if the server died or never answered."""
    t0 = time.perf_counter()
    while time.perf_counter() - t0 < timeout:
        if not alive():
            return None
        try:
            if get(port) == 200:
                return (time.perf_counter() - t0) * 1000
        except OSError:
            pass
        time.sleep(0.02)
    return None


def drive(port, total=1000, connections=10, path="/ping"):
    """Sends total GETs over `connections` keep-alive connections; returns how many got 200."""
    ok = [0] * connections

    def worker(i):
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        try:
            for _ in range(total // connections):
                conn.request("GET", path)
                resp = conn.getresponse()
                resp.read()
                ok[i] += resp.status == 200
        except OSError:
            pass
        finally:
            conn.close()

    threads = [threading.Thread(target=worker, args=(i,)) for i in range(connections)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return sum(ok)


_UNITS_MS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60000.0}


def _ms(text):
    m = re.fullmatch(r"([0-9.]+)(us|ms|s|m)", text)
    return float(m.group(1)) * _UNITS_MS[m.group(2)] if m else None


def wrk(url, connections, seconds, threads=1, timeout_s=10):
    """One wrk run. One thread by default: it keeps up on loopback and leaves the other core to
    the server on a 2-core machine."""
    cmd = ["wrk", f"-t{threads}", f"-c{connections}", f"-d{seconds}s", f"--timeout", f"{timeout_s}s", "--latency", url]
    try:
        p = subprocess.run(cmd, capture_output=True, text=True, timeout=seconds + timeout_s + 60)
    except subprocess.TimeoutExpired:
        return {"ok": False, "error": "wrk did not finish"}
    return parse_wrk(p.stdout, p.returncode, p.stderr)


def parse_wrk(text, code=0, stderr=""):
    rps = re.search(r"Requests/sec:\s+([0-9.]+)", text)
    if code != 0 or not rps:
        return {"ok": False, "error": (stderr or text).strip().splitlines()[0] if (stderr or text).strip() else f"wrk exit {code}"}
    out = {"ok": True, "rps": float(rps.group(1))}
    for pct in ("50", "99"):
        m = re.search(rf"^\s+{pct}(?:\.000)?%\s+(\S+)", text, re.M)
        out[f"p{pct}_ms"] = _ms(m.group(1)) if m else None
    total = re.search(r"(\d+) requests in", text)
    out["requests"] = int(total.group(1)) if total else None
    errors = []
    sock = re.search(r"Socket errors: (.*)", text)
    if sock:
        errors.append(sock.group(1).strip())
    non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", text)
    if non2xx:
        errors.append(f"non-2xx {non2xx.group(1)}")
    out["errors"] = "; ".join(errors) if errors else "none"
    return out


def serve(ctx, r, tag, measure):
    """Starts runtime r's HTTP server on a free port (its log in the run's temp folder), waits until
    it answers, and returns measure(server, port, ready_ms); the server is stopped either way. A
    server that never answers is a failed result without a measurement."""
    port = free_port()
    server = proc.Server(r.server(port), BENCH, os.path.join(ctx.tmp, f"{tag}-{port}.log"))
    try:
        ready_ms = wait_ready(port, server.alive)
        if ready_ms is None:
            return {"ok": False, "error": "server did not answer: " + (server.log_tail() or "no output")}
        return measure(server, port, ready_ms)
    finally:
        server.stop()
