#!/usr/bin/env python3
"""Prints the top-level module graph of src/ (which module uses which, from `crate::X`
paths outside comments and unit tests) and every cycle in it. Exit 1 when there is a cycle.
Usage: scripts/ladder.py"""
import os, re, sys

SRC = os.path.join(os.path.dirname(__file__), "..", "src")
mods = {}
for entry in os.listdir(SRC):
    name = entry[:-3] if entry.endswith(".rs") else entry
    if name in ("lib", "main"):
        continue
    mods[name] = set()
for name in mods:
    path = os.path.join(SRC, name)
    files = [path + ".rs"] if os.path.isfile(path + ".rs") else [
        os.path.join(d, f) for d, _, fs in os.walk(path) for f in fs if f.endswith(".rs")]
    for f in files:
        text = open(f, encoding="utf-8").read()
        # Unit tests may reach anywhere; the ladder is about the code they test.
        text = re.split(r"#\[cfg\(test\)\]", text)[0] if not f.endswith("tests.rs") else ""
        # Doc comments may point anywhere (a link is not a dependency).
        text = "\n".join(l for l in text.splitlines() if not l.lstrip().startswith("//"))
        used = [m.group(1) for m in re.finditer(r"crate::(\w+)", text)]
        for group in re.finditer(r"crate::\{([^}]*)\}", text):
            used += re.findall(r"(?:^|,)\s*(\w+)", group.group(1))
        for u in used:
            if u in mods and u != name:
                mods[name].add(u)

def cycles():
    found = set()
    def walk(start, node, path):
        for nxt in sorted(mods[node]):
            if nxt == start:
                found.add(tuple(sorted(path)))
            elif nxt not in path and len(path) < 8:
                walk(start, nxt, path + [nxt])
    for m in mods:
        walk(m, m, [m])
    return sorted(found)

for m in sorted(mods):
    print(f"{m:12} -> {', '.join(sorted(mods[m])) or '—'}")
cs = cycles()
for c in cs:
    print("cycle:", " / ".join(c))
print("no cycles" if not cs else f"{len(cs)} cycles")
sys.exit(1 if cs else 0)
