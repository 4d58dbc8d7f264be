"""The report's tables, built from results.json alone (so a report can be re-rendered from the
raw runs): one Table per question, cells holding medians, and the notes that explain a missing
cell. The markdown, the charts, the bars and the "where duso-jvm loses" list all read these."""
from dataclasses import dataclass, field
from typing import Callable

from .stats import failure, median_of

SUBJECT = "duso-jvm"
VARIANT = "duso-jvm (JVM defaults)"


@dataclass
class Table:
    key: str                 # chart file name stem
    title: str
    caption: str
    better: str              # "lower" or "higher"
    fmt: Callable            # value -> text
    rows: list = field(default_factory=list)
    cols: list = field(default_factory=list)
    values: dict = field(default_factory=dict)   # (row, col) -> float
    notes: dict = field(default_factory=dict)    # (row, col) -> why there is no value
    suffix: dict = field(default_factory=dict)   # (row, col) -> extra text after the value
    suites: tuple = ()                           # the suites whose runs fill it

    def put(self, row, col, runs, key, scale=1.0):
        """Median of key over runs (scaled), or a note when every run failed."""
        if row not in self.rows:
            self.rows.append(row)
        value = median_of(runs, key)
        if value is not None:
            self.values[(row, col)] = value * scale
        elif runs:
            self.notes[(row, col)] = "failed: " + (failure(runs) or "no data")
        partial = [r for r in runs if not r.get("ok")]
        if value is not None and partial:
            self.suffix[(row, col)] = f" ({len(partial)} of {len(runs)} runs failed)"

    def value(self, row, col):
        return self.values.get((row, col))

    def text(self, row, col):
        v = self.value(row, col)
        if v is None:
            return self.notes.get((row, col), "—")
        return self.fmt(v) + self.suffix.get((row, col), "")

    def better_of(self, a, b):
        """True when value a is better than b in this table's direction."""
        return a < b if self.better == "lower" else a > b

    def finish(self, order):
        self.cols = [c for c in order if any((r, c) in self.values or (r, c) in self.notes for r in self.rows)]
        return self


def ms(v):
    return f"{v:,.1f} ms" if v < 100 else f"{v:,.0f} ms"


def mb(v):
    return f"{v:,.1f} MB"


def seconds(v):
    return f"{v:,.2f} s"


def count(v):
    return f"{v:,.0f}"


def rps(v):
    return f"{v:,.0f} req/s"


def compute(res, order):
    t = Table("compute", "Compute: time inside the script", "Median time each script measures around its own "
              "work (start-up and anything before the timed section excluded). Lower is better.", "lower", ms,
              suites=("compute",))
    for w in res["workloads"]:
        for rt, runs in res["runs"][w].items():
            t.put(w, rt, runs, "script_ms")
    return t.finish(order)


def startup(results, order):
    t = Table("startup", "Start-up: whole-process wall time", "Median wall time of the whole process, launch to "
              "exit, as a user waits for it: a hello world, then each compute script. Lower is better.", "lower", ms,
              suites=("startup", "compute"))
    hello = results.get("startup")
    if hello:
        for rt, runs in hello["runs"].items():
            t.put("hello world", rt, runs, "wall_ms")
    comp = results.get("compute")
    if comp:
        for w in comp["workloads"]:
            for rt, runs in comp["runs"][w].items():
                t.put(f"{w} script", rt, runs, "wall_ms")
    return t.finish(order)


def memory(results, order):
    t = Table("memory", "Memory: resident set size", "Median peak RSS from the OS (GNU time's maximum resident "
              "set; /proc/PID/status VmHWM for servers), and the idle server's VmRSS after 1,000 requests "
              "and 2 s without traffic. Lower is better.", "lower", mb,
              suites=("startup", "memory", "client", "compute"))
    if results.get("startup"):
        for rt, runs in results["startup"]["runs"].items():
            t.put("hello world, peak", rt, runs, "rss_kb", 1 / 1024)
    if results.get("memory"):
        for rt, runs in results["memory"]["runs"].items():
            t.put("idle server after 1,000 requests", rt, runs, "rss_kb", 1 / 1024)
        for rt, runs in results["memory"]["runs"].items():
            t.put("idle server, peak", rt, runs, "hwm_kb", 1 / 1024)
    if results.get("client") and results["client"].get("runs"):
        for n, by_rt in results["client"]["runs"].items():
            for rt, runs in by_rt.items():
                t.put(f"client N={int(n):,}, peak", rt, runs, "rss_kb", 1 / 1024)
    if results.get("compute"):
        for w in results["compute"]["workloads"]:
            for rt, runs in results["compute"]["runs"][w].items():
                t.put(f"{w} script, peak", rt, runs, "rss_kb", 1 / 1024)
    return t.finish(order)


def per_gb(mem, order):
    """Simultaneous processes on a 1 GB VM: floor(1024 MB / peak RSS), a way to read RSS as
    capacity. It ignores the OS's own share, so it is an upper bound for every runtime alike."""
    t = Table("per_gb", "Simultaneous processes on a 1 GB VM", "floor(1024 MB / peak RSS) of the row above "
              "in the memory table. Higher is better.", "higher", count,
              suites=mem.suites)
    for row in mem.rows:
        if "peak" in row and "script" not in row:
            label = row.replace(", peak", "")
            t.rows.append(label)
            for col in mem.cols:
                v = mem.value(row, col)
                if v:
                    t.values[(label, col)] = float(1024 // v)
                elif (row, col) in mem.notes:
                    t.notes[(label, col)] = mem.notes[(row, col)]
    return t.finish(order)


def server(res, order):
    cfg = res["config"]
    t = Table("server", "HTTP server: requests per second", f"wrk, 1 thread, {cfg['duration_s']} s per run after "
              f"{cfg['warmup_s']} s of /ping warm-up in two runs; /delay answers after 1 s. Median of rounds. Higher is better.",
              "higher", rps, suites=("server",))
    for ep, conns in (("ping", cfg["ping_conns"]), ("delay", cfg["delay_conns"])):
        row = f"/{ep}, {conns:,} connections"
        for rt, runs in res["runs"].items():
            eps = []
            for r in runs:
                if ep in r:  # a run whose server died afterwards does not count, whatever wrk saw
                    eps.append(r[ep] if r["ok"] else dict(r[ep], ok=False, error=r.get("error")))
                elif not r["ok"]:
                    eps.append({"ok": False, "error": r.get("error", "failed")})
            if eps:
                t.put(row, rt, eps, "rps")
                errs = sorted({e.get("errors") for e in eps if e.get("ok") and e.get("errors") not in (None, "none")})
                if errs and (row, rt) in t.values:
                    t.suffix[(row, rt)] = t.suffix.get((row, rt), "") + " (errors: " + "; ".join(errs) + ")"
    return t.finish(order)


def client(res, order):
    t = Table("client", "Client orchestration: wall time", "N workers started together, each making 5 sequential "
              "GETs of a local server that answers after 1 s (floor: 5 s). Time from the first worker's start to "
              "the last response, as the client measures it; outcome in brackets. Lower is better.", "lower", seconds,
              suites=("client",))
    for n, by_rt in res["runs"].items():
        row = f"N={int(n):,}"
        for rt, runs in by_rt.items():
            t.put(row, rt, runs, "client_ms", 1 / 1000)
            done = [r for r in runs if "requests" in r]
            if (row, rt) in t.values and done:
                bad = [r for r in done if r["requests_ok"] != r["requests"]]
                t.suffix[(row, rt)] = t.suffix.get((row, rt), "") + (
                    " (all ok)" if not bad else f" ({bad[0]['requests_ok']}/{bad[0]['requests']} ok)")
    return t.finish(order)


def build(results):
    """Every table the report shows, in report order."""
    order = [r["name"] for r in results["runtimes"]]
    tables = []
    if results.get("compute"):
        tables.append(compute(results["compute"], order))
    if results.get("startup") or results.get("compute"):
        tables.append(startup(results, order))
    mem = memory(results, order)
    if mem.rows:
        tables += [mem, per_gb(mem, order)]
    if results.get("server") and results["server"].get("runs"):
        tables.append(server(results["server"], order))
    if results.get("client") and results["client"].get("runs"):
        tables.append(client(results["client"], order))
    return tables
