#!/usr/bin/env python3
"""Checks the module ladder ARCHITECTURE.md draws against the code.

Prints the top-level module graph of src/ (which module uses which, from `crate::X` paths
outside comments and unit tests) and fails (exit 1) when:
- a module uses a module on a higher rung of the ladder (same rung or below is allowed);
- two modules use each other, directly or around a loop;
- a module of src/ is missing from the ladder, or the ladder names one that does not exist.
The ladder is the fenced block under "## The ladder": one rung per line, top rung first,
module names first on the line, then two or more spaces and what the rung does.
Usage: scripts/ladder.py"""
import os, re, sys

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
SRC = os.path.join(ROOT, "src")


def graph():
    mods = {}
    for entry in os.listdir(SRC):
        name = entry[:-3] if entry.endswith(".rs") else entry
        if name in ("lib", "main"):
            continue
        mods[name] = set()
    for name in mods:
        path = os.path.join(SRC, name)
        if os.path.isfile(path + ".rs"):
            files = [path + ".rs"]
        else:
            files = [os.path.join(d, f) for d, _, fs in os.walk(path) for f in fs if f.endswith(".rs")]
        for f in files:
            # Unit tests may reach anywhere; the ladder is about the code they test.
            parts = os.path.relpath(f, path).split(os.sep)
            if f.endswith("tests.rs") or "tests" in parts[:-1]:
                continue
            text = re.split(r"#\[cfg\(test\)\]", open(f, encoding="utf-8").read())[0]
            # Doc comments may point anywhere (a link is not a dependency).
            text = "\n".join(l for l in text.splitlines() if not l.lstrip().startswith("//"))
            used = [m.group(1) for m in re.finditer(r"crate::(\w+)", text)]
            for group in re.finditer(r"crate::\{([^}]*)\}", text):
                used += re.findall(r"(?:^|,)\s*(\w+)", group.group(1))
            for u in used:
                if u in mods and u != name:
                    mods[name].add(u)
    return mods


def ladder():
    """Module → rung (0 at the bottom), from ARCHITECTURE.md."""
    text = open(os.path.join(ROOT, "ARCHITECTURE.md"), encoding="utf-8").read()
    section = text.split("## The ladder", 1)[1]
    block = section.split("```", 2)[1]
    lines = [l for l in block.splitlines()[1:] if l.strip()]
    rungs = {}
    for i, line in enumerate(reversed(lines)):
        names = re.split(r"\s{2,}", line.strip())
        # Module names come first; the rung's description starts at the first non-name.
        for n in names:
            if not re.fullmatch(r"[a-z_]+(,\s*[a-z_]+)*", n):
                break
            for m in re.split(r",\s*", n):
                if m in rungs:
                    sys.exit(f"ARCHITECTURE.md: {m} stands on two rungs")
                rungs[m] = i
    return rungs


def cycles(mods):
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


mods = graph()
rungs = ladder()
problems = []
for m in sorted(mods):
    print(f"{m:12} -> {', '.join(sorted(mods[m])) or '—'}")
for m in sorted(set(mods) - set(rungs)):
    problems.append(f"{m} is not on the ladder in ARCHITECTURE.md")
for m in sorted(set(rungs) - set(mods)):
    problems.append(f"the ladder names {m}, which is not a module of src/")
for m in sorted(mods):
    for u in sorted(mods[m]):
        if m in rungs and u in rungs and rungs[u] > rungs[m]:
            problems.append(f"{m} (rung {rungs[m]}) uses {u} on a higher rung ({rungs[u]})")
for c in cycles(mods):
    problems.append("cycle: " + " / ".join(c))
for p in problems:
    print(p)
print("the ladder holds" if not problems else f"{len(problems)} problems")
sys.exit(1 if problems else 0)
