"""Start-up suite: a hello world per runtime, whole-process wall time and peak RSS. These runs
are short, so they get more rounds than the rest; the compute scripts' whole-process times come
from the compute suite's own runs."""
from . import proc
from .paths import BENCH
from .stats import rotate


def run(ctx):
    rts = [r for r in ctx.runtimes if r.hello and "startup" in r.suites]
    runs = {r.name: [] for r in rts}
    for rnd in range(ctx.rounds("startup")):
        for r in rotate(rts, rnd):
            result = proc.measure(r.hello, cwd=BENCH, timeout=60)
            out = result.pop("stdout", "")
            if result["ok"] and out.strip() != "1":
                result.update(ok=False, error=f"printed {out.strip()[:80]!r}, not 1")
            runs[r.name].append(result)
            ctx.log(f"startup hello    {r.name:<24} " + (f"{result['wall_ms']:6.0f} ms, {result['rss_kb'] / 1024:5.1f} MB"
                                                      if result["ok"] else "failed: " + result["error"]))
    return {"commands": {r.name: " ".join(_quote(a) for a in r.hello) for r in rts}, "runs": runs}


def _quote(arg):
    return f"'{arg}'" if any(c in arg for c in " ()'\"") else arg.rsplit("/", 1)[-1] if arg.startswith("/") else arg
