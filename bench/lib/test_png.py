"""Checks the PNG encoder and the chart renderer by decoding their output with zlib: chunk CRCs,
the header's dimensions, and pixel values where a known colour must be.

    python3 bench/lib/test_png.py
"""
import os
import struct
import sys
import tempfile
import unittest
import zlib

# `lib` is imported from bench/, appended last: bench/ also holds the twins json.py and sort.py,
# which must not shadow the standard library.
sys.path.append(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from lib import chart, font, png  # noqa: E402
from lib.canvas import Canvas  # noqa: E402


def decode(data):
    """(width, height, rows of RGB bytes) from an 8-bit RGB, filter-0 PNG, checking every CRC."""
    assert data[:8] == png.SIGNATURE
    pos, chunks = 8, {}
    while pos < len(data):
        (length,) = struct.unpack(">I", data[pos:pos + 4])
        kind, body = data[pos + 4:pos + 8], data[pos + 8:pos + 8 + length]
        (crc,) = struct.unpack(">I", data[pos + 8 + length:pos + 12 + length])
        assert crc == zlib.crc32(kind + body) & 0xFFFFFFFF, f"bad CRC in {kind}"
        chunks[kind] = chunks.get(kind, b"") + body
        pos += 12 + length
    width, height, depth, colour, _, _, interlace = struct.unpack(">IIBBBBB", chunks[b"IHDR"])
    assert (depth, colour, interlace) == (8, 2, 0)
    raw = zlib.decompress(chunks[b"IDAT"])
    stride = width * 3 + 1
    rows = []
    for y in range(height):
        assert raw[y * stride] == 0, "filter type must be 0"
        rows.append(raw[y * stride + 1:(y + 1) * stride])
    assert b"IEND" in chunks
    return width, height, rows


def pixel(rows, x, y):
    return tuple(rows[y][x * 3:x * 3 + 3])


class PngTest(unittest.TestCase):
    def test_round_trip_of_pixels(self):
        rgb = bytes([255, 0, 0, 0, 255, 0, 0, 0, 255, 10, 20, 30, 40, 50, 60, 70, 80, 90])
        width, height, rows = decode(png.encode(3, 2, rgb))
        self.assertEqual((width, height), (3, 2))
        self.assertEqual(pixel(rows, 0, 0), (255, 0, 0))
        self.assertEqual(pixel(rows, 2, 0), (0, 0, 255))
        self.assertEqual(pixel(rows, 1, 1), (40, 50, 60))

    def test_rejects_wrong_buffer_size(self):
        with self.assertRaises(ValueError):
            png.encode(2, 2, b"\0" * 11)


class CanvasTest(unittest.TestCase):
    def test_rect_is_clipped_and_text_inks_glyph_pixels(self):
        c = Canvas(20, 10)
        c.fill_rect(15, 5, 100, 100, (1, 2, 3))
        self.assertEqual(c.pixel(19, 9), (1, 2, 3))
        self.assertEqual(c.pixel(14, 9), (255, 255, 255))
        c.text(0, 0, "1", (9, 9, 9))
        # "1" has ink in its middle column on every row from the top to the baseline
        self.assertEqual([c.pixel(2, y) for y in range(7)], [(9, 9, 9)] * 7)
        self.assertEqual(c.pixel(0, 0), (255, 255, 255))

    def test_every_glyph_is_five_by_eight(self):
        for ch, rows in font.GLYPHS.items():
            self.assertEqual(len(rows), font.HEIGHT, ch)
            self.assertTrue(all(len(r) == font.WIDTH for r in rows), ch)
        self.assertIs(font.glyph("\u2603"), font.GLYPHS["?"])


class ChartTest(unittest.TestCase):
    def test_bars_are_scaled_per_group_and_coloured_per_series(self):
        red, blue = (200, 0, 0), (0, 0, 200)
        values = {("g1", "a"): 100.0, ("g1", "b"): 50.0, ("g2", "a"): 1.0, ("g2", "b"): None}
        with tempfile.TemporaryDirectory() as tmp:
            path = os.path.join(tmp, "c.png")
            w, h = chart.render(path, "Title", "sub", ["g1", "g2"], ["a", "b"], lambda g, s: values[(g, s)],
                                lambda v: f"{v:.0f}", colors={"a": red, "b": blue})
            with open(path, "rb") as f:
                width, height, rows = decode(f.read())
        self.assertEqual((width, height), (w, h))
        self.assertEqual(width, chart.MARGIN * 2 + Canvas.text_width("a", chart.SCALE) + 24 + chart.BAR_W + chart.VALUE_W)

        def bar_length(y, colour):
            return sum(1 for x in range(width) if pixel(rows, x, y) == colour)

        header_h = chart.MARGIN + chart.LINE * 2 + 6
        panel_h = chart.LINE * 3 + 8
        row_y = lambda group, series: header_h + group * panel_h + chart.LINE * (series + 1) + 4 + 2
        self.assertEqual(bar_length(row_y(0, 0), red), chart.BAR_W)        # the group's largest value
        self.assertEqual(bar_length(row_y(0, 1), blue), chart.BAR_W // 2)  # half of it
        self.assertEqual(bar_length(row_y(1, 0), red), chart.BAR_W)        # g2 has its own scale
        self.assertEqual(bar_length(row_y(1, 1), blue), 0)                 # no value: no bar


if __name__ == "__main__":
    unittest.main()
