#!/usr/bin/env python3
"""Writes the image fixtures for src/test/duso/image/ (run from this folder).

PNG and GIF files are written byte by byte here, so the tests do not read back files made by
the codec under test. expected.png is a strip of the colours the tests expect transforms to
produce; each colour is worked out below from the reference's integer/float formulas (Go's
image/color arithmetic), independently of the Java code. photo.jpg (16x8: left half
#ff2040, right half #2080ff) and gray.jpg (8x8 of grey 100) were written once with the JDK's
ImageIO JPEG encoder and are not regenerated here.
"""
import struct
import zlib


def chunk(kind, data):
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xffffffff)


def png(path, width, height, colour_type, rows, palette=None, trns=None):
    raw = b"".join(b"\x00" + bytes(r) for r in rows)
    out = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, colour_type, 0, 0, 0))
    if palette:
        out += chunk(b"PLTE", bytes(c for rgb in palette for c in rgb))
    if trns:
        out += chunk(b"tRNS", bytes(trns))
    out += chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b"")
    open(path, "wb").write(out)
    return out


def rgba_png(path, pixels):
    rows = [[c for p in row for c in p] for row in pixels]
    return png(path, len(pixels[0]), len(pixels), 6, rows)


def gif(path, width, height, palette, indices, transparent=None):
    """GIF89a with 8-bit LZW codes: a clear code every 200 pixels keeps codes 9 bits wide."""
    out = b"GIF89a" + struct.pack("<HHBBB", width, height, 0xF7, 0, 0)
    pal = list(palette) + [(0, 0, 0)] * (256 - len(palette))
    out += bytes(c for rgb in pal for c in rgb)
    if transparent is not None:
        out += b"\x21\xf9\x04\x01\x00\x00" + bytes([transparent]) + b"\x00"
    out += b"\x2c" + struct.pack("<HHHHB", 0, 0, width, height, 0)
    codes = []
    for i, v in enumerate(indices):
        if i % 200 == 0:
            codes.append(256)
        codes.append(v)
    codes.append(257)
    acc = nbits = 0
    data = bytearray()
    for c in codes:
        acc |= c << nbits
        nbits += 9
        while nbits >= 8:
            data.append(acc & 0xff)
            acc >>= 8
            nbits -= 8
    if nbits:
        data.append(acc & 0xff)
    out += b"\x08"
    for i in range(0, len(data), 255):
        block = data[i:i + 255]
        out += bytes([len(block)]) + block
    out += b"\x00\x3b"
    open(path, "wb").write(out)


# ---- the reference's colour arithmetic (Go image/color), for the expected colours ----------

def pm16(c, a):  # NRGBA.RGBA(): 16-bit premultiplied
    return (c * 0x101) * (a * 0x101) // 0xffff


def to_nrgba_from_rgba8(c, a):  # NRGBAModel.Convert(color.RGBA{c, c, c, a})
    if a == 0xff:
        return c
    if a == 0:
        return 0
    return ((c * 0x101) * 0xffff // (a * 0x101)) >> 8 & 0xff


def grayscale(p):
    r, g, b, a = p
    a16 = a * 0x101
    if a16 == 0:
        return (0, 0, 0, 0)
    r8, g8, b8 = (pm16(c, a) * 255 // a16 for c in (r, g, b))
    gray = int(float(r8) * 0.299 + float(g8) * 0.587 + float(b8) * 0.114) & 0xff
    v = to_nrgba_from_rgba8(gray, a)
    return (v, v, v, a)


def set_opacity(p, o):
    r, g, b, a = p
    return (pm16(r, a) >> 8, pm16(g, a) >> 8, pm16(b, a) >> 8, int(o * 255))


def adjust_opacity(p, o):
    r, g, b, a = p
    return (pm16(r, a) >> 8, pm16(g, a) >> 8, pm16(b, a) >> 8, int(a * o))


def composite(base, over, mode):
    br, bg, bb, ba = (c / 255.0 for c in base)
    o_r, og, ob, oa = (c / 255.0 for c in over)
    out_a = oa + (1 - oa) * ba
    out = [0.0, 0.0, 0.0]
    if out_a > 0:
        for i, (bc, oc) in enumerate(((br, o_r), (bg, og), (bb, ob))):
            if mode == "over":
                out[i] = (oc * oa + bc * ba * (1 - oa)) / out_a
            else:
                blended = {"multiply": bc * oc, "add": min(bc + oc, 1), "screen": 1 - (1 - bc) * (1 - oc)}[mode]
                out[i] = bc * (1 - oa) * ba + blended * oa * ba + oc * oa * (1 - ba)
    return tuple(int(v * 255) & 0xff for v in out + [out_a])


RED, GREEN, BLUE, WHITE = (255, 0, 0, 255), (0, 255, 0, 255), (0, 0, 255, 255), (255, 255, 255, 255)
BLACK, HALF_RED, CLEAR, GREY = (0, 0, 0, 255), (255, 0, 0, 128), (10, 20, 30, 0), (128, 128, 128, 255)
HALF_BLUE = (0, 0, 255, 128)

if __name__ == "__main__":
    quad = [[RED, GREEN, BLUE, WHITE], [BLACK, HALF_RED, CLEAR, GREY]]
    quad_bytes = rgba_png("quad.png", quad)
    open("truncated.png", "wb").write(quad_bytes[:60])
    png("rgb.png", 3, 2, 2, [[255, 0, 0, 0, 255, 0, 0, 0, 255], [10, 20, 30, 40, 50, 60, 70, 80, 90]])
    png("gray.png", 2, 1, 0, [[0x40, 0xC0]])
    png("palette.png", 2, 1, 3, [[0, 1]], palette=[(255, 0, 0), (0, 0, 255)], trns=[255, 128])
    gif("simple.gif", 3, 2, [(255, 0, 0), (0, 255, 0), (0, 0, 255), (9, 9, 9)], [0, 1, 2, 3, 3, 0], transparent=3)
    gif("wide.gif", 300, 1, [(i, 255 - i, 7) for i in range(256)], [i % 256 for i in range(300)])
    open("not_an_image.txt", "w").write("just some text, no pixels here\n")
    open("truncated.jpg", "wb").write(open("photo.jpg", "rb").read()[:-2])  # no EOI marker

    expected = [
        RED, GREEN, BLUE, WHITE, BLACK, HALF_RED, CLEAR, GREY,                          # 0-7 as in quad.png
        (0, 0, 0, 0),                                                                   # 8
        grayscale(RED), grayscale(GREEN), grayscale(BLUE), grayscale(WHITE),           # 9-12
        grayscale(HALF_RED), grayscale(GREY),                                           # 13-14
        set_opacity(RED, 0.5), set_opacity(HALF_RED, 0.5), set_opacity(CLEAR, 0.5),    # 15-17
        adjust_opacity(RED, 0.5), adjust_opacity(HALF_RED, 0.5),                        # 18-19
        composite(HALF_RED, HALF_BLUE, "over"), composite(HALF_RED, HALF_BLUE, "multiply"),  # 20-21
        composite(HALF_RED, HALF_BLUE, "add"), composite(HALF_RED, HALF_BLUE, "screen"),     # 22-23
        composite(GREY, HALF_BLUE, "over"), composite(GREY, HALF_BLUE, "multiply"),     # 24-25
        composite(GREY, HALF_BLUE, "add"), composite(GREY, HALF_BLUE, "screen"),        # 26-27
        (64, 64, 64, 255), (192, 192, 192, 255), HALF_BLUE,                             # 28-30
        (10, 20, 30, 255), (40, 50, 60, 255), (70, 80, 90, 255),                        # 31-33
        set_opacity(HALF_BLUE, 1.0), (100, 100, 100, 255),                              # 34-35
        composite(GREY, GREY, "multiply"), composite(GREY, GREY, "add"),                # 36-37
        composite(GREY, GREY, "screen"),                                                # 38
    ]
    rgba_png("expected.png", [expected])
    for i, c in enumerate(expected):
        print(i, c)
