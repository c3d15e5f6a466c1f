#!/usr/bin/python3
"""Tables and a chart from run.sh's results.tsv (standard library only).

Usage: report.py RESULTS.tsv RESULTS.md CHART.svg

Per-step cost is a slope between two sizes of the same shape, so that start-up (JVM, Python
imports, cluster boot, parsing) and teardown cancel out:
  chain: (wall(chain200) - wall(chain100)) / 100      one step after another
  wide:  (wall(wide5000) - wall(fan500)) / 4500       independent steps, J at a time
"""
import math
import statistics
import sys

SLOPES = {"chain": ("chain100", "chain200"), "wide": ("fan500", "wide5000")}
SHAPES = ["chain100", "chain200", "layered10x10", "fan500", "wide5000"]
BATON = "baton"
TARGET_RATIO = 1.5  # per-step cost within 1.5x of GNU make's


def load(path):
    agg = {}
    for line in open(path):
        if not line.strip() or line.startswith("#"):
            continue
        e, wl, steps, _run, wall, rss, rc, inner, cpu = (line.rstrip("\n").split("\t") + ["0"])[:9]
        a = agg.setdefault((e, wl), {"steps": int(steps), "wall": [], "cpu": [], "rss": [], "rc": []})
        a["rc"].append(rc)
        if rc == "0":
            a["wall"].append(float(wall))
            a["cpu"].append(float(cpu or 0))
            a["rss"].append(int(rss))
    return agg


def med(agg, e, wl, key="wall"):
    a = agg.get((e, wl))
    return statistics.median(a[key]) if a and a[key] else None


def slopes(agg, engines):
    """engine -> shape -> (wall ms/step, cpu ms/step, start-up s) or None."""
    out = {}
    for e in engines:
        out[e] = {}
        for shape, (small, big) in SLOPES.items():
            ws, wb = med(agg, e, small), med(agg, e, big)
            if ws is None or wb is None:
                out[e][shape] = None
                continue
            n = agg[(e, big)]["steps"] - agg[(e, small)]["steps"]
            per = (wb - ws) / n * 1000
            cpu = (med(agg, e, big, "cpu") - med(agg, e, small, "cpu")) / n * 1000
            start = ws - per / 1000 * agg[(e, small)]["steps"]
            out[e][shape] = (per, cpu, start)
    return out


def cell(agg, e, wl):
    a = agg.get((e, wl))
    if not a:
        return "–"
    if not a["wall"]:
        rc = a["rc"][-1]
        return "skipped (cap)" if rc == "SKIP" else "killed (cap)" if rc in ("124", "137") else f"failed rc={rc}"
    m = statistics.median(a["wall"])
    return f"{m:.2f} ({m / a['steps'] * 1000:.1f})"


def markdown(agg, sl, engines):
    out = ["### End to end (median wall s, wall/steps in ms in brackets)", "",
           "| engine | " + " | ".join(SHAPES) + " | data200mb s | peak RSS MiB | runs |",
           "|---|" + "---|" * (len(SHAPES) + 3)]
    for e in engines:
        rss = max([max(a["rss"]) for (x, _), a in agg.items() if x == e and a["rss"]] or [0]) / 1024
        runs = sum(len(a["wall"]) for (x, _), a in agg.items() if x == e)
        d = med(agg, e, "data200mb")
        out.append(f"| {e} | " + " | ".join(cell(agg, e, w) for w in SHAPES)
                   + f" | {'–' if d is None else f'{d:.2f}'} | {rss:.0f} | {runs} |")
    out += ["", "### Per-step cost (slope between two sizes; start-up excluded)", "",
            "Wall ms/step: chain = (chain200 − chain100) / 100, wide = (wide5000 − fan500) / 4500. "
            "CPU ms/step: the same slope of user+sys CPU of the whole process tree. "
            "Start-up s: the chain line extrapolated to 0 steps. "
            "Ratio: Baton's wall slope / the engine's (below 1: Baton is cheaper per step).", "",
            "| engine | chain ms/step | wide ms/step | chain CPU ms/step | wide CPU ms/step | start-up s "
            "| Baton ÷ engine, chain | Baton ÷ engine, wide |",
            "|---|---|---|---|---|---|---|---|"]
    base = sl.get(BATON, {})
    for e in engines:
        if not any(sl[e].get(shape) for shape in SLOPES):
            continue
        row = [e]
        for shape in ("chain", "wide"):
            v = sl[e].get(shape)
            row.append("–" if v is None else f"{v[0]:.2f}" + (" (noise)" if v[0] <= 0 else ""))
        for shape in ("chain", "wide"):
            v = sl[e].get(shape)
            row.append("–" if v is None else f"{v[1]:.2f}")
        v = sl[e].get("chain")
        row.append("–" if v is None else f"{v[2]:.2f}")
        for shape in ("chain", "wide"):
            b, v = base.get(shape), sl[e].get(shape)
            row.append("–" if b is None or v is None or v[0] <= 0 else f"{b[0] / v[0]:.2f}")
        out.append("| " + " | ".join(row) + " |")
    floors = [f"{e} {med(agg, e, 'wide5000') / agg[(e, 'wide5000')]['steps'] * 1000:.2f} ms"
              for e in ("spawn-direct", "spawn-sh") if med(agg, e, "wide5000") is not None]
    if floors:
        out += ["", "Spawn floor per process, from a bash loop: " + ", ".join(floors)
                + " (`touch`, and `sh -c touch`)."]
    out += ["", "### Targets", ""]
    out += targets(sl, engines)
    return "\n".join(out) + "\n"


def targets(sl, engines):
    lines = ["| target | shape | Baton ms/step | reference ms/step | ratio | met |", "|---|---|---|---|---|---|"]
    base = sl.get(BATON, {})
    peers = [e for e in engines if not e.startswith(("baton", "bash", "spawn"))]
    for shape in ("chain", "wide"):
        b = base.get(shape)
        m = sl.get("make", {}).get(shape)
        if b and m and m[0] > 0:
            r = b[0] / m[0]
            lines.append(f"| within {TARGET_RATIO}x of make | {shape} | {b[0]:.2f} | {m[0]:.2f} | {r:.2f} "
                         f"| {'yes' if r <= TARGET_RATIO else 'no'} |")
        # a slope at or below zero is run-to-run noise larger than the per-step cost: no reference
        others = [(sl[e][shape][0], e) for e in peers if e != "make" and sl[e].get(shape) and sl[e][shape][0] > 0]
        if b and others:
            best, who = min(others)
            lines.append(f"| below every other peer | {shape} | {b[0]:.2f} | {best:.2f} ({who}) "
                         f"| {b[0] / best if best > 0 else float('inf'):.2f} | {'yes' if b[0] < best else 'no'} |")
    return lines


def svg(sl, engines, path):
    """Horizontal bars, log scale: wall ms/step for the chain and wide slopes of each engine."""
    rows = [e for e in engines if any(sl[e].get(s) for s in SLOPES)]
    colours = {"chain": "#4472c4", "wide": "#ed7d31"}
    lo, hi = 0.1, 1000.0
    left, width, bar, gap, top = 150, 560, 9, 8, 50
    height = top + len(rows) * (2 * bar + gap) + 50

    def x(v):
        v = min(max(v, lo), hi)
        return left + (math.log10(v) - math.log10(lo)) / (math.log10(hi) - math.log10(lo)) * width

    s = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{left + width + 90}" height="{height}" '
         f'font-family="sans-serif" font-size="11">',
         f'<rect width="100%" height="100%" fill="white"/>',
         f'<text x="{left}" y="18" font-size="13" font-weight="bold">Per-step cost, wall ms/step '
         f'(slope between two sizes, log scale)</text>']
    for i, (shape, c) in enumerate(colours.items()):
        s.append(f'<rect x="{left + i * 170}" y="28" width="10" height="10" fill="{c}"/>'
                 f'<text x="{left + 14 + i * 170}" y="37">{shape}: {" → ".join(SLOPES[shape])}</text>')
    for d in range(int(math.log10(lo)), int(math.log10(hi)) + 1):
        v = 10 ** d
        s.append(f'<line x1="{x(v):.1f}" y1="{top - 4}" x2="{x(v):.1f}" y2="{height - 40}" stroke="#ccc"/>'
                 f'<text x="{x(v):.1f}" y="{height - 26}" text-anchor="middle">{v:g}</text>')
    y = top
    for e in rows:
        weight = ' font-weight="bold"' if e.startswith("baton") else ""
        s.append(f'<text x="{left - 6}" y="{y + bar + 3}" text-anchor="end"{weight}>{e}</text>')
        for shape, c in colours.items():
            v = sl[e].get(shape)
            if v is not None:
                s.append(f'<rect x="{left}" y="{y}" width="{max(x(v[0]) - left, 1):.1f}" height="{bar}" fill="{c}"/>'
                         f'<text x="{x(v[0]) + 4:.1f}" y="{y + bar - 1}">{v[0]:.2f}</text>')
            y += bar
        y += gap
    s.append(f'<text x="{left + width / 2}" y="{height - 8}" text-anchor="middle">ms per step</text></svg>')
    with open(path, "w") as f:
        f.write("\n".join(s) + "\n")


def main():
    agg = load(sys.argv[1])
    engines = sorted({e for e, _ in agg}, key=lambda e: (not e.startswith("baton"), e.startswith("spawn"), e))
    sl = slopes(agg, engines)
    text = markdown(agg, sl, engines)
    with open(sys.argv[2], "w") as f:
        f.write(text)
    svg(sl, engines, sys.argv[3])
    print(text)


if __name__ == "__main__":
    main()
