"""A minimal PNG encoder: 8-bit RGB, no interlace, filter 0 on every row.

Enough for flat-colour bar charts, which zlib squeezes to a few kilobytes, so the harness can
draw its charts without Pillow or matplotlib (it must run from a fresh clone with the stdlib).
"""
import struct
import zlib

SIGNATURE = b"\x89PNG\r\n\x1a\n"


def chunk(kind, data):
    """One PNG chunk: length, type, data, and a CRC over type + data."""
    body = kind + data
    return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body) & 0xFFFFFFFF)


def encode(width, height, rgb):
    """PNG bytes for a width x height image; rgb holds 3 bytes per pixel, row after row."""
    if len(rgb) != width * height * 3:
        raise ValueError(f"expected {width * height * 3} bytes of RGB, got {len(rgb)}")
    stride = width * 3
    raw = bytearray()
    for y in range(height):
        raw.append(0)  # filter type 0 (None): flat colours compress well without prediction
        raw += rgb[y * stride:(y + 1) * stride]
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)  # 8-bit depth, colour type 2 (RGB)
    return SIGNATURE + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(bytes(raw), 9)) + chunk(b"IEND", b"")
