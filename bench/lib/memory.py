"""Memory suite: each runtime's HTTP server, idle after 1,000 requests. The figure that matters
for packing many small services on one machine is what a server holds once traffic stops, so
RSS is read from /proc after the requests and 2 s of idleness, beside the peak (VmHWM)."""
import time

from . import httpload
from .stats import rotate

REQUESTS = 1000
IDLE_S = 2


def serve_once(ctx, r):
    def measure(server, port, ready_ms):
        before = server.status()
        ok = httpload.drive(port, REQUESTS)
        time.sleep(IDLE_S)
        after = server.status()
        result = {"ok": ok == REQUESTS, "ready_ms": round(ready_ms, 1), "requests_ok": ok,
                  "rss_ready_kb": before.get("VmRSS"), "rss_kb": after.get("VmRSS"), "hwm_kb": after.get("VmHWM")}
        if ok != REQUESTS:
            result["error"] = f"{ok} of {REQUESTS} requests answered 200"
        return result
    return httpload.serve(ctx, r, "memory", measure)


def run(ctx):
    rts = [r for r in ctx.runtimes if "memory" in r.suites]
    runs = {r.name: [] for r in rts}
    for rnd in range(ctx.rounds("memory")):
        for r in rotate(rts, rnd):
            result = serve_once(ctx, r)
            runs[r.name].append(result)
            ctx.log(f"memory idle server {r.name:<22} " + (
                f"ready {result['ready_ms']:5.0f} ms, idle {result['rss_kb'] / 1024:5.1f} MB, peak {result['hwm_kb'] / 1024:5.1f} MB"
                if result["ok"] else "failed: " + result["error"]))
    return {"requests": REQUESTS, "idle_s": IDLE_S, "runs": runs}
