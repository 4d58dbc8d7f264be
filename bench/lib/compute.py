"""Compute suite: each workload's twin script in every runtime, alternating round by round.

Two numbers per run: the time the script measures around its own work (printed as "... in X ms"
or "total X ms", so start-up and JIT warm-up outside the timed section are excluded, as in the
reference runtime's benchmarks), and the whole process's wall time and peak RSS (the start-up
table)."""
import re

from . import proc
from .paths import BENCH
from .stats import rotate

WORKLOADS = ["fib", "loop", "sort", "json", "regex", "template"]
# What each twin computes, pulled from its output line: the same answer in every runtime is the
# evidence that the twins do the same work.
ANSWER = {"fib": r"= (\d+) in", "loop": r"sum = (\d+) in", "sort": r"first <= last: (\w+)",
          "json": r"\((\d+) back\)", "regex": r"(words=\d+ hits=\d+)", "template": r"ms: (.*)$"}
TIMING = [re.compile(r"total ([0-9.eE+-]+)ms"), re.compile(r" in ([0-9.eE+-]+)ms")]


def script_ms(stdout):
    for pattern in TIMING:
        m = pattern.search(stdout)
        if m:
            return float(m.group(1))
    return None


def answer(workload, output):
    m = re.search(ANSWER.get(workload, r"$^"), output or "")
    return m.group(1).lower() if m else None


def disagreements(res):
    """Workloads whose runtimes printed different answers (a twin doing other work), as notes."""
    notes = []
    for w in res["workloads"]:
        answers = {rt: {answer(w, r.get("output")) for r in runs if r.get("ok")} for rt, runs in res["runs"][w].items()}
        distinct = set().union(*answers.values()) if answers else set()
        if len(distinct) > 1:
            notes.append(f"`{w}` printed different answers: " + ", ".join(f"{rt} {sorted(map(str, a))}" for rt, a in answers.items()))
    return notes


def markdown_status(duso, rounds=3):
    """markdown_html ×200 runs in duso-jvm alone: Node, Python and Ruby have no Markdown renderer
    in their standard libraries, so there is no twin doing the same work to compare with."""
    times = []
    for _ in range(rounds):
        run = proc.measure(duso.script("markdown"), cwd=BENCH, timeout=300)
        if not run["ok"]:
            return f"not run: {run['error']}"
        ms = script_ms(run.get("stdout", ""))
        if ms is None:
            return "not run: no timing in bench/markdown.du's output"
        times.append(ms)
    times.sort()
    return (f"duso-jvm only: {times[len(times) // 2]:.0f} ms in script (median of {rounds}); "
            "Node, Python and Ruby ship no Markdown renderer in their standard libraries, so no twin")


def run(ctx):
    rts = [r for r in ctx.runtimes if "compute" in r.suites]
    workloads = ctx.workloads or WORKLOADS
    runs = {w: {r.name: [] for r in rts} for w in workloads}
    for rnd in range(ctx.rounds("compute")):
        for w in workloads:
            for r in rotate(rts, rnd):
                result = proc.measure(r.script(w), cwd=BENCH, timeout=300)
                out = result.pop("stdout", "")
                if result["ok"]:
                    result["script_ms"] = script_ms(out)
                    result["output"] = out.strip().splitlines()[0][:160] if out.strip() else ""
                    if result["script_ms"] is None:
                        result.update(ok=False, error=f"no timing in output: {out.strip()[:120]!r}")
                runs[w][r.name].append(result)
                ctx.log(f"compute {w:<9} {r.name:<24} " + _summary(result))
    return {"workloads": workloads, "runs": runs,
            "not_run": {"markdown_html x200": markdown_status(rts[0])}}


def _summary(result):
    if not result["ok"]:
        return "failed: " + result["error"]
    return f"{result['script_ms']:9.1f} ms in script, {result['wall_ms']:7.0f} ms wall, {result['rss_kb'] / 1024:5.0f} MB"
