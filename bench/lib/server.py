"""Server suite: /ping throughput and /delay (a handler that sleeps 1 s) under many concurrent
connections, driven by wrk. Each runtime's server starts fresh, gets a /ping warm-up (the JVM
compiles the request path during its first seconds, so an unwarmed figure measures the JIT),
then the measured runs; the server's peak RSS is its VmHWM over the whole run.

The warm-up is two wrk runs, two thirds and one third of it: when the first run's connections
close, the JVM runs the close path for the first time, drops compiled code that assumed it never
ran and compiles it again, which took seconds of the measured run when the warm-up was one run
(fresh servers then measured anywhere between 28k and 42k requests/s; bench/README.md)."""
import shutil

from . import httpload
from .stats import rotate


def serve_once(ctx, r, cfg):
    def measure(server, port, ready_ms):
        base = f"http://127.0.0.1:{port}"
        first = cfg["warmup_s"] * 2 // 3
        httpload.wrk(base + "/ping", cfg["ping_conns"], first)
        httpload.wrk(base + "/ping", cfg["ping_conns"], cfg["warmup_s"] - first)
        result = {"ok": True, "ready_ms": round(ready_ms, 1),
                  "ping": httpload.wrk(base + "/ping", cfg["ping_conns"], cfg["duration_s"])}
        if not r.ping_only:
            result["delay"] = httpload.wrk(base + "/delay", cfg["delay_conns"], cfg["duration_s"])
        result["hwm_kb"] = server.status().get("VmHWM")
        if not server.alive():
            result.update(ok=False, error="server died: " + (server.log_tail() or "no output"))
        return result
    return httpload.serve(ctx, r, "server", measure)


def run(ctx):
    cfg = ctx.server_config()
    if not shutil.which("wrk"):
        return {"config": cfg, "runs": {}, "skipped": "wrk is not installed (apt-get install -y wrk)"}
    rts = [r for r in ctx.runtimes if "server" in r.suites]
    runs = {r.name: [] for r in rts}
    for rnd in range(ctx.rounds("server")):
        for r in rotate(rts, rnd):
            result = serve_once(ctx, r, cfg)
            runs[r.name].append(result)
            ctx.log(f"server {r.name:<24} " + _summary(result))
    return {"config": cfg, "runs": runs}


def _summary(result):
    if not result["ok"]:
        return "failed: " + result["error"]
    parts = []
    for ep in ("ping", "delay"):
        w = result.get(ep)
        if w:
            parts.append(f"/{ep} {w['rps']:9.0f} req/s ({w['errors']})" if w["ok"] else f"/{ep} failed: {w['error']}")
    return ", ".join(parts) + f", peak {(result.get('hwm_kb') or 0) / 1024:.0f} MB"
