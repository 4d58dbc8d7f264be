"""Horizontal grouped bar charts: one panel per row of a table (a workload, a concurrency level),
one bar per runtime, each panel scaled to its own largest value.

Per-panel scales are deliberate: a report's rows differ by orders of magnitude (a 3 ms sort
beside a 900 ms loop), and one shared axis would flatten every small row to nothing. The exact
number is printed at the end of each bar, so nothing is read off an axis.
"""
from .canvas import Canvas

# One colour per runtime, the same in every chart of a report (assigned in series order).
PALETTE = [
    (214, 83, 40),    # duso-jvm: the subject, the warmest colour
    (240, 160, 110),  # its JVM-defaults variant, a lighter shade of the same
    (67, 135, 70),    # node
    (55, 105, 175),   # python
    (170, 40, 60),    # ruby
    (120, 90, 160),   # the reference runtime
    (110, 110, 110),
    (200, 170, 40),
]
INK = (30, 30, 30)
MUTED = (120, 120, 120)
RULE = (225, 225, 225)

SCALE = 2                    # font pixels per glyph pixel
LINE = 8 * SCALE + 6         # height of one bar row
BAR_W = 520                  # longest bar
VALUE_W = 200                # room after the bar for its number
MARGIN = 16


def render(path, title, subtitle, groups, series, value_of, fmt, colors=None, missing=None):
    """Writes a PNG chart.

    groups: panel labels (rows of the table); series: bar labels (runtimes);
    value_of(group, series) -> float or None (None = not run / failed, drawn as a note);
    fmt(value) -> the text printed after the bar; colors: optional series -> RGB;
    missing(group, series) -> the text drawn instead of a bar when there is no value.
    """
    colors = colors or {s: PALETTE[i % len(PALETTE)] for i, s in enumerate(series)}
    label_w = max(Canvas.text_width(s, SCALE) for s in series) + 24
    width = max(MARGIN * 2 + label_w + BAR_W + VALUE_W, Canvas.text_width(subtitle, SCALE) + 2 * MARGIN)
    panel_h = LINE * (len(series) + 1) + 8
    header_h = MARGIN + LINE * 2 + 6
    height = header_h + panel_h * len(groups) + MARGIN
    c = Canvas(width, height)
    c.text(MARGIN, MARGIN, title, INK, SCALE)
    c.text(MARGIN, MARGIN + LINE, subtitle, MUTED, SCALE)
    y = header_h
    for group in groups:
        c.fill_rect(MARGIN, y, width - 2 * MARGIN, 1, RULE)
        c.text(MARGIN, y + 5, group, INK, SCALE)
        values = {s: value_of(group, s) for s in series}
        top = max((v for v in values.values() if v is not None), default=0) or 1
        for i, s in enumerate(series):
            row_y = y + LINE * (i + 1) + 4
            c.text(MARGIN + 8, row_y + 3, s, INK, SCALE)
            x = MARGIN + label_w
            v = values[s]
            if v is None:
                c.text(x, row_y + 3, missing(group, s) if missing else "not run", MUTED, SCALE)
                continue
            w = max(1, round(BAR_W * v / top))
            c.fill_rect(x, row_y, w, LINE - 4, colors[s])
            c.text(x + w + 6, row_y + 3, fmt(v), INK, SCALE)
        y += panel_h
    c.save(path)
    return width, height
