#!/usr/bin/env python3
"""Writes bench/data/text.txt: about 50 KB of English-like prose with a little markdown
(headings, list items, emphasis), the input of the regex and markdown workloads.

The text is generated rather than taken from a book so it carries no licence and stays the same
byte for byte on every machine: the word list is our own and the choices come from a fixed
linear congruential generator, not from `random`, whose algorithms may change between Python
versions. Pure ASCII, so `\\w` means the same thing to RE2, V8, Python's `re` and Onigmo.

    python3 bench/data/make_text.py        (rewrites bench/data/text.txt)
"""
import os

WORDS = """
the a an of to and in that is was for on with as by at from it this be are or which
have had not but all one were their they there been more when will would can who its
river lantern market orchard harbour engine signal garden window letter ladder meadow
kettle compass basket bridge candle shadow thunder pebble button whistle feather mirror
quiet bright narrow gentle hollow sudden patient careful silver golden broken distant
early late warm cold heavy simple curious steady restless ancient modern crooked
walked carried opened followed answered gathered noticed wandered counted painted
measured borrowed listened repaired whispered climbed fastened watered folded traded
slowly often rarely almost nearly quickly softly always perhaps together already
morning evening winter summer village station kitchen library workshop tower valley
""".split()

TARGET_BYTES = 50 * 1024


class Lcg:
    """Numerical Recipes' 32-bit LCG: tiny, portable, and identical in every language."""

    def __init__(self, seed):
        self.state = seed

    def below(self, n):
        self.state = (self.state * 1664525 + 1013904223) % 2**32
        return (self.state >> 8) % n


def sentence(rng):
    words = [WORDS[rng.below(len(WORDS))] for _ in range(6 + rng.below(12))]
    if rng.below(9) == 0:
        i = rng.below(len(words))
        words[i] = f"*{words[i]}*"
    if rng.below(7) == 0:
        words.insert(rng.below(len(words)), f"{1 + rng.below(999)}")
    text = " ".join(words)
    return text[0].upper() + text[1:] + (",;"[rng.below(2)] + " " + WORDS[rng.below(len(WORDS))] if rng.below(5) == 0 else "") + "."


def paragraph(rng):
    return " ".join(sentence(rng) for _ in range(3 + rng.below(5)))


def document(rng):
    parts, size, section = [], 0, 0
    while size < TARGET_BYTES:
        if len(parts) % 6 == 0:
            section += 1
            block = f"## Section {section}: {WORDS[rng.below(len(WORDS))]} {WORDS[rng.below(len(WORDS))]}"
        elif rng.below(5) == 0:
            block = "\n".join(f"- {sentence(rng)}" for _ in range(2 + rng.below(4)))
        else:
            block = paragraph(rng)
        parts.append(block)
        size += len(block) + 2
    return "# A generated field guide\n\n" + "\n\n".join(parts) + "\n"


if __name__ == "__main__":
    out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "text.txt")
    with open(out, "w", encoding="ascii", newline="\n") as f:
        f.write(document(Lcg(20240611)))
    print(f"wrote {out} ({os.path.getsize(out)} bytes)")
