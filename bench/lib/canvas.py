"""An RGB raster with the few drawing operations a bar chart needs: filled rectangles and text
in the embedded bitmap font, scaled by whole pixels so the glyphs stay sharp."""
from . import font
from . import png


class Canvas:
    def __init__(self, width, height, background=(255, 255, 255)):
        self.width = width
        self.height = height
        self.pixels = bytearray(bytes(background) * (width * height))

    def fill_rect(self, x, y, w, h, color):
        """Fills the rectangle clipped to the canvas; a row is one slice assignment, which keeps
        drawing a 1000-pixel-tall chart to milliseconds in pure Python."""
        x0, y0 = max(0, x), max(0, y)
        x1, y1 = min(self.width, x + w), min(self.height, y + h)
        if x1 <= x0 or y1 <= y0:
            return
        row = bytes(color) * (x1 - x0)
        for yy in range(y0, y1):
            start = (yy * self.width + x0) * 3
            self.pixels[start:start + len(row)] = row

    def pixel(self, x, y):
        i = (y * self.width + x) * 3
        return tuple(self.pixels[i:i + 3])

    @staticmethod
    def text_width(text, scale=1):
        return len(text) * (font.WIDTH + 1) * scale - scale if text else 0

    def text(self, x, y, text, color=(0, 0, 0), scale=1):
        """Draws text with its top-left corner at (x, y); one column of spacing between glyphs."""
        for ch in text:
            for row, bits in enumerate(font.glyph(ch)):
                for col, ink in enumerate(bits):
                    if ink:
                        self.fill_rect(x + col * scale, y + row * scale, scale, scale, color)
            x += (font.WIDTH + 1) * scale

    def to_png(self):
        return png.encode(self.width, self.height, self.pixels)

    def save(self, path):
        with open(path, "wb") as f:
            f.write(self.to_png())
