"""The memory and start-up bars (issue 6), each stated with the numbers measured in this run and
a verdict. A bar whose suite was not run says so instead of passing by default."""
from .tables import SUBJECT, VARIANT

HELLO_RSS_MB = 40
CLIENT_RSS_MB = 40
IDLE_SERVER_MB = 60
VS_DEFAULTS = 0.10  # at most 10% worse than the JVM's own defaults


def _verdict(ok):
    return "PASS" if ok else "FAIL"


def evaluate(tables):
    by_key = {t.key: t for t in tables}
    bars = []

    def add(statement, measured, ok):
        bars.append({"bar": statement, "measured": measured, "verdict": "not measured" if ok is None else _verdict(ok)})

    start, mem = by_key.get("startup"), by_key.get("memory")
    d = start and start.value("hello world", SUBJECT)
    n = start and start.value("hello world", "node")
    add("`duso eval 'print(1)'` wall time below `node -e 'console.log(1)'`",
        f"{d:,.0f} ms vs {n:,.0f} ms" if d and n else "—", (d < n) if d and n else None)

    d = mem and mem.value("hello world, peak", SUBJECT)
    add(f"hello-world peak RSS ≤ {HELLO_RSS_MB} MB", f"{d:.1f} MB" if d else "—", (d <= HELLO_RSS_MB) if d else None)

    d = mem and mem.value("client N=100, peak", SUBJECT)
    n = mem and mem.value("client N=100, peak", "node")
    add(f"peak RSS with 100 fetch workers below Node's and ≤ {CLIENT_RSS_MB} MB",
        f"{d:.1f} MB vs Node {n:.1f} MB" if d and n else (f"{d:.1f} MB" if d else "—"),
        (d < n and d <= CLIENT_RSS_MB) if d and n else None)

    d = mem and mem.value("idle server after 1,000 requests", SUBJECT)
    add(f"idle `http_server` after 1,000 requests < {IDLE_SERVER_MB} MB (VmRSS)", f"{d:.1f} MB" if d else "—",
        (d < IDLE_SERVER_MB) if d else None)

    comp = by_key.get("compute")
    for w in (comp.rows if comp else []):
        d, v = comp.value(w, SUBJECT), comp.value(w, VARIANT)
        add(f"`{w}` in-script time at most {VS_DEFAULTS:.0%} worse than with the JVM's defaults",
            f"{d:,.1f} ms vs {v:,.1f} ms ({d / v:.2f}x)" if d and v else "—",
            (d <= v * (1 + VS_DEFAULTS)) if d and v else None)
    if not comp:
        add(f"no compute benchmark more than {VS_DEFAULTS:.0%} worse than with the JVM's defaults", "—", None)

    srv = by_key.get("server")
    row = next((r for r in (srv.rows if srv else []) if r.startswith("/ping")), None)
    d = srv and row and srv.value(row, SUBJECT)
    v = srv and row and srv.value(row, VARIANT)
    add(f"/ping requests/s at most {VS_DEFAULTS:.0%} below the JVM's defaults",
        f"{d:,.0f} vs {v:,.0f} req/s ({d / v:.2f}x)" if d and v else "—",
        (d >= v * (1 - VS_DEFAULTS)) if d and v else None)
    return bars
