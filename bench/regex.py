# Regex on a ~50 KB text (twin of regex.du): per iteration, a search that scans the whole text and
# a list of every word match as {text, pos, len} dicts, as Duso's find() returns. The patterns are
# compiled once, as Duso's ~regex~ literals are; re.ASCII gives \w RE2's meaning.
import os
import re
import time

count = 10
with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "data", "text.txt"), encoding="utf-8") as f:
    text = f.read()
dash = re.compile(r"\d+-\d+", re.ASCII)
word = re.compile(r"\w+", re.ASCII)
t0 = time.perf_counter()
words = 0
hits = 0
for _ in range(count):
    if dash.search(text):
        hits += 1
    found = [{"text": m.group(), "pos": m.start(), "len": m.end() - m.start()} for m in word.finditer(text)]
    words += len(found)
ms = (time.perf_counter() - t0) * 1000
print(f"regex x{count} words={words} hits={hits} in {ms}ms")
