"""REPORT.md and its charts, rendered from results.json: machine and versions, how to read the
numbers, the issue-6 bars, one section per table with ratio columns and a chart, the cells where
a peer beats duso-jvm, and the notes that explain anything missing."""
import os
import time

from . import bars as bars_mod
from . import chart
from . import compute
from . import tables as tables_mod
from .tables import SUBJECT, VARIANT

COLORS = {SUBJECT: chart.PALETTE[0], VARIANT: chart.PALETTE[1], "node": chart.PALETTE[2],
          "python": chart.PALETTE[3], "ruby": chart.PALETTE[4], "duso (reference)": chart.PALETTE[5]}

SHORT = {VARIANT: "JVM defaults", "duso (reference)": "reference"}

READING = """\
* Every figure is the median of the rounds given above; within a round the runtimes run one at a
  time, in an order rotated from round to round (A B C, B C A, ...), so none always runs first or
  right after the heaviest one. The machine may be shared: compare runtimes within one report.
* **Ratio columns** ("duso-jvm vs X") hold duso-jvm's figure divided by X's. For times and memory
  (lower is better) `0.45x` means duso-jvm takes 0.45 of X's time or memory (2.2 times faster or
  smaller) and `2.00x` twice as much. For requests/s and processes per GB (higher is better)
  `2.00x` means duso-jvm does twice as much. **Bold** marks a ratio where duso-jvm is worse.
* **duso-jvm** runs through `bin/duso`, the shipped launcher, with its JVM flags (listed above).
  **duso-jvm (JVM defaults)** runs the same jar as `java -Xss8m -jar target/duso.jar`, nothing else
  (the interpreter needs the stack): it shows what the launcher's settings buy or cost, and is run
  for the compute scripts and /ping only.
* Every runtime otherwise runs with its documented defaults: `node`, `python3`, `ruby` without
  flags. Twin scripts do the same work in each language (`bench/*.du`, `.js`, `.py`, `.rb`).
* Peak RSS comes from the OS: GNU time's maximum resident set for processes that exit,
  `/proc/PID/status` (VmHWM, VmRSS) for servers. Charts give each row its own scale and print the
  exact value at the end of each bar."""


def ratio_text(r):
    """r with two decimals, or three where two would print a misleading 1.00x."""
    return f"{r:.3f}x" if f"{r:.2f}" == "1.00" and r != 1 else f"{r:.2f}x"


def _ratio_cell(table, row, peer):
    d, p = table.value(row, SUBJECT), table.value(row, peer)
    if d is None or p is None or p == 0:
        return "—"
    text = ratio_text(d / p)
    return f"**{text}**" if table.better_of(p, d) else text


def markdown_table(table, with_ratios=True):
    peers = [c for c in table.cols if c != SUBJECT] if with_ratios and SUBJECT in table.cols else []
    head = [""] + table.cols + [f"duso-jvm vs {SHORT.get(p, p)}" for p in peers]
    lines = ["| " + " | ".join(head) + " |", "|---|" + "---:|" * (len(head) - 1)]
    for row in table.rows:
        cells = [row] + [table.text(row, c) for c in table.cols] + [_ratio_cell(table, row, p) for p in peers]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def render_chart(table, out_dir, rounds):
    rows = [r for r in table.rows if any(table.value(r, c) is not None for c in table.cols)]
    if table.key == "memory":  # the per-script rows repeat the hello world's figure; keep the chart legible
        rows = [r for r in rows if "script" not in r]
    if not rows:
        return None
    os.makedirs(os.path.join(out_dir, "charts"), exist_ok=True)
    rel = f"charts/{table.key}.png"
    used = [f"{s} {rounds[s]}" for s in table.suites if s in rounds]
    chart.render(os.path.join(out_dir, rel), table.title,
                 f"medians of {', '.join(used)} rounds; {table.better} is better; each row has its own scale",
                 rows, table.cols, table.value, table.fmt,
                 missing=lambda r, c: "failed" if (r, c) in table.notes else "not run",
                 colors={c: COLORS.get(c, chart.PALETTE[6]) for c in table.cols})
    return rel


def peer_cells(tables):
    """(table, row, peer, duso-jvm's value, the peer's value) for every cell a peer (not duso-jvm's
    own JVM-defaults variant) has a figure in; duso-jvm's is None where it failed or did not run.
    per_gb is left out: it restates the memory table."""
    for t in tables:
        if t.key == "per_gb" or SUBJECT not in t.cols:
            continue
        for row in t.rows:
            d = t.value(row, SUBJECT)
            for peer in t.cols:
                p = t.value(row, peer)
                if peer not in (SUBJECT, VARIANT) and p is not None:
                    yield t, row, peer, d, p


def losses(tables):
    """Every cell where a peer beats duso-jvm, or ran where duso-jvm failed."""
    out = []
    for t, row, peer, d, p in peer_cells(tables):
        if d is None:
            out.append((t, row, peer, f"{peer} {t.fmt(p)}, duso-jvm {t.notes.get((row, SUBJECT), 'not run')}"))
        elif t.better_of(p, d):
            out.append((t, row, peer, f"{peer} {t.fmt(p)}, duso-jvm {t.fmt(d)} ({ratio_text(d / p)})"))
    return out


def scoreboard(tables):
    """Wins and losses against each peer over every cell both have a figure in, for the closing note."""
    score = {}
    for t, row, peer, d, p in peer_cells(tables):
        if d is not None:
            won, total = score.get(peer, (0, 0))
            score[peer] = (won + (not t.better_of(p, d)), total + 1)
    return score


def _latency(v):
    if v is None:
        return "—"
    return f"{v:.2f} ms" if v < 10 else f"{v:.1f} ms" if v < 100 else f"{v:,.0f} ms"


def server_details(res):
    lines = ["| runtime | endpoint | connections | requests/s | p50 | p99 | errors | peak RSS | ready after |",
             "|---|---|---:|---:|---:|---:|---|---:|---:|"]
    cfg = res["config"]
    for rt, runs in res["runs"].items():
        for ep, conns in (("ping", cfg["ping_conns"]), ("delay", cfg["delay_conns"])):
            for i, r in enumerate(runs):
                w = r.get(ep)
                if not r["ok"] and not w:
                    lines.append(f"| {rt} | /{ep} | {conns:,} | failed: {r.get('error')} | | | | | |")
                    break
                if not w:
                    continue
                if not w["ok"]:
                    lines.append(f"| {rt} | /{ep} | {conns:,} | wrk failed: {w['error']} | | | | | |")
                    continue
                p50, p99 = _latency(w.get("p50_ms")), _latency(w.get("p99_ms"))
                hwm = f"{r['hwm_kb'] / 1024:,.0f} MB" if r.get("hwm_kb") else "—"
                lines.append(f"| {rt} | /{ep} | {conns:,} | {w['rps']:,.0f} | {p50} | {p99} | {w['errors']} | {hwm} | "
                             f"{r.get('ready_ms', 0):,.0f} ms |")
    return "\n".join(lines)


def render(results, out_dir, note_text=None):
    meta = results["meta"]
    tables = tables_mod.build(results)
    charts = os.path.join(out_dir, "charts")
    for old in os.listdir(charts) if os.path.isdir(charts) else []:
        if old.endswith(".png"):  # a table missing from this run must not keep an older run's chart
            os.remove(os.path.join(charts, old))
    rounds = meta["rounds"]
    rounds_note = "medians of " + ", ".join(f"{s} {n}" for s, n in rounds.items() if s in results) + " rounds"
    md = [f"# duso-jvm against Node, Python and Ruby{' (quick run)' if meta.get('quick') else ''}", "",
          f"Generated {meta['date']} by `{meta['command']}` in {meta['elapsed_min']:.1f} min; "
          f"{rounds_note}. Raw runs: [results.json](results.json).", ""]
    md += machine_section(results)
    md += ["## How to read this report", "", READING, ""]

    md += ["## Bars (issue 6)", "", "| bar | measured | verdict |", "|---|---|---|"]
    md += [f"| {b['bar']} | {b['measured']} | {b['verdict']} |" for b in bars_mod.evaluate(tables)]
    md.append("")

    for t in tables:
        md += [f"## {t.title}", "", t.caption, "", markdown_table(t), ""]
        rel = render_chart(t, out_dir, rounds)
        if rel:
            md += [f"![{t.title}]({rel})", ""]
        if t.key == "compute":
            for name, why in results["compute"].get("not_run", {}).items():
                md += [f"* `{name}`: {why}."]
            md += [f"* {n}" for n in compute.disagreements(results["compute"])] or [
                "* Every runtime printed the same answer for each workload (checked from the output lines)."]
            md.append("")
        if t.key == "server":
            md += ["Every run, with latencies and errors:", "", server_details(results["server"]), ""]
    for suite in ("server", "client"):
        if results.get(suite, {}).get("skipped"):
            md += [f"* The {suite} suite was skipped: {results[suite]['skipped']}.", ""]

    md += ["## Where duso-jvm loses", "", "Every cell where a peer is faster, smaller or serves more than duso-jvm "
           "(or ran where duso-jvm failed), from the tables above (duso-jvm's own JVM-defaults variant is "
           "compared in the bars instead):", ""]
    lost = losses(tables)
    for t in tables:
        rows = {}
        for lt, row, _, text in lost:
            if lt is t:
                rows.setdefault(row, []).append(text)
        if rows:
            md.append(f"* **{t.title}**")
            md += [f"  * {row}: " + "; ".join(texts) for row, texts in rows.items()]
    if not lost:
        md.append("Nowhere in this run.")
    md.append("")
    md += ["## Notes", ""] + [f"* {n}" for n in meta.get("notes", [])] + [""]
    md += closing(tables, note_text)
    with open(os.path.join(out_dir, "REPORT.md"), "w") as f:
        f.write("\n".join(md).rstrip() + "\n")
    return tables


def machine_section(results):
    meta, m = results["meta"], results["meta"]["machine"]
    rows = [("CPU", f"{m['cpu']}, {m['cores']} cores"), ("RAM", f"{m['ram_gb']} GB"),
            ("OS, kernel", f"{m['os']}, Linux {m['kernel']}"),
            ("load average (1, 5, 15 min) before / after", f"{m['load_before']} / {meta.get('load_after', '?')}"),
            ("duso-jvm commit", m["commit"]), ("duso-jvm launcher command", f"`{meta.get('launcher', '?')}`")]
    if meta.get("launcher_server"):
        rows.append(("duso-jvm launcher command, server scripts", f"`{meta['launcher_server']}`"))
    rows += [(r["name"], r["version"] or "—") for r in results["runtimes"] if r["name"] != VARIANT]
    rows.append(("wrk", m["wrk"]))
    return ["## Machine and versions", "", "| | |", "|---|---|"] + [f"| {k} | {v} |" for k, v in rows] + [""]


def closing(tables, note_text):
    md = ["## Closing note", ""]
    score = scoreboard(tables)
    if score:
        md.append("Comparable cells (every table but the 1 GB VM one, which restates memory) where "
                  "duso-jvm is at least as good as the peer: " +
                  ", ".join(f"{won} of {total} against {peer}" for peer, (won, total) in score.items()) + ".")
        md.append("")
    if note_text:
        md += [note_text.strip(), ""]
    return md


def now():
    return time.strftime("%Y-%m-%d %H:%M %Z")
