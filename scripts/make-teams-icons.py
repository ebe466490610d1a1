#!/usr/bin/env python3
"""Draws the Teams app icons (manifests/teams/color.png and outline.png) with no imaging library.

Run once from the repository root when the glyph changes: python3 scripts/make-teams-icons.py
The glyph is a rising bar chart, KpiBot's tree of numbers growing towards a goal.
- color.png: 192x192, the accent colour (#2c3e50, as the manifest's accentColor and the Slack app) filling
  the square, the glyph in the 96x96 centre (48 px padding, as Teams asks), white bars, the last one green.
- outline.png: 32x32, the same glyph in pure white on a fully transparent background, no padding, every
  pixel either transparent or opaque white (Teams shows it tinted in its app bar).
"""
import os
import struct
import zlib


def png(width, height, pixels):
    """pixels: rows of (r, g, b, a) tuples. 8-bit RGBA, no interlace, filter 0 on every row."""
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    raw = b"".join(b"\x00" + bytes(c for px in row for c in px) for row in pixels)
    return (b"\x89PNG\r\n\x1a\n"
            + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 6, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw, 9))
            + chunk(b"IEND", b""))


def bars(size, left, top, span):
    """The glyph inside the square (left, top, span): three rising bars on a base line.
    Returns a function (x, y) -> None (outside) or the index of the bar (0, 1, 2) or 3 (the base line)."""
    unit = span / 32.0
    # In 32ths of the span: bars 7 wide with 3 apart, heights 12, 20, 28, on a base line 2 high.
    shapes = [(2, 18, 9, 29), (12, 10, 19, 29), (22, 2, 29, 29), (0, 30, 32, 32)]

    def at(x, y):
        u = (x - left) / unit
        v = (y - top) / unit
        for index, (x0, y0, x1, y1) in enumerate(shapes):
            if x0 <= u < x1 and y0 <= v < y1:
                return index
        return None

    return at


def color_icon():
    size = 192
    background = (0x2C, 0x3E, 0x50, 255)
    white = (255, 255, 255, 255)
    green = (0x2E, 0xCC, 0x71, 255)
    glyph = bars(size, 48, 48, 96)
    rows = []
    for y in range(size):
        row = []
        for x in range(size):
            part = glyph(x, y)
            row.append(background if part is None else green if part == 2 else white)
        rows.append(row)
    return png(size, size, rows)


def outline_icon():
    size = 32
    glyph = bars(size, 0, 0, 32)
    clear = (0, 0, 0, 0)
    white = (255, 255, 255, 255)
    return png(size, size, [[clear if glyph(x, y) is None else white for x in range(size)] for y in range(size)])


def main():
    folder = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "manifests", "teams")
    os.makedirs(folder, exist_ok=True)
    for name, data in (("color.png", color_icon()), ("outline.png", outline_icon())):
        with open(os.path.join(folder, name), "wb") as f:
            f.write(data)
        print(f"wrote {os.path.normpath(os.path.join(folder, name))} ({len(data)} bytes)")


if __name__ == "__main__":
    main()
