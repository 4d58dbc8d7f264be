"""Client orchestration suite: N workers started together, each making 5 sequential GETs of a
local server that answers after 1 s (bench/delay_server.js, started here on a free port and
shared by every client). The floor is 5 s; what differs is how close each runtime gets with N in
flight, and what that costs in memory. Each client prints "ok=K/T in X ms"."""
import os
import re
import shutil
import time

from . import httpload
from . import proc
from .paths import BENCH
from .stats import rotate

# A client still running after 5 minutes has failed, whatever it would report: at 5,000 threads
# Python's client can take many minutes and keeps the machine's load in the hundreds meanwhile.
TIMEOUT_S = 300
RESULT = re.compile(r"ok=(\d+)/(\d+) in ([0-9.]+)ms")


def run(ctx):
    sizes = ctx.client_sizes()
    if not shutil.which("node"):
        return {"sizes": sizes, "runs": {}, "skipped": "node is needed for the shared delay server"}
    port = httpload.free_port()
    server = proc.Server(["node", "delay_server.js", str(port)], BENCH, os.path.join(ctx.tmp, "delay-server.log"))
    url = f"http://127.0.0.1:{port}/delay"
    rts = [r for r in ctx.runtimes if "client" in r.suites]
    runs = {str(n): {r.name: [] for r in rts} for n in sizes}
    try:
        if httpload.wait_ready(port, server.alive, timeout=30) is None:
            return {"sizes": sizes, "runs": {}, "skipped": "the delay server did not start: " + server.log_tail()}
        for n in sizes:
            for rnd in range(ctx.rounds("client")):
                for r in rotate(rts, rnd):
                    result = fetch_once(r, n, url)
                    runs[str(n)][r.name].append(result)
                    ctx.log(f"client N={n:<5} {r.name:<24} " + (
                        f"{result['client_ms'] / 1000:6.2f} s, {result['requests_ok']}/{result['requests']} ok, "
                        f"{result['rss_kb'] / 1024:5.0f} MB" if "client_ms" in result else "failed: " + result["error"]))
                    time.sleep(ctx.pause_s())  # let the last run's sockets close before the next
    finally:
        server.stop()
    return {"sizes": sizes, "runs": runs}


def fetch_once(r, n, url):
    result = proc.measure(r.client(n, url), cwd=BENCH, timeout=TIMEOUT_S)
    out = result.pop("stdout", "")
    m = RESULT.search(out)
    if m:
        result.update(requests_ok=int(m.group(1)), requests=int(m.group(2)), client_ms=float(m.group(3)))
        if result["ok"] and result["requests_ok"] != result["requests"]:
            result["error"] = f"{result['requests_ok']} of {result['requests']} fetches succeeded"
    elif result["ok"]:
        result.update(ok=False, error=f"no result line in output: {out.strip()[:120]!r}")
    return result
