#!/usr/bin/env python3
"""Scaling chart and tables from JMH JSON results (-rf json -rff FILE); standard library only.

    python3 benchmarks/chart.py size1000.json size10000.json size100000.json \
        --svg docs/benchmarks-scaling.svg --markdown

Writes a log-log SVG of time per operation against pods, engine against reference, and prints
Markdown tables (score +- JMH error per benchmark and size; engine/reference ratios; the exponent
k of t ~ n^k fitted per measure). Single-shot results (-bm ss, used at 1M pods) mix in as they are.

    python3 benchmarks/chart.py ... --memory footprint.txt --memory-svg docs/benchmarks-memory.svg

adds the retained heap that io.kubereach.bench.Footprint printed (lines "size=N ... snapshotMB=..
indexMB=.."), with its own chart and exponents.

ReferenceBenchmark.allPairs asks every ordered pair of distinct pods on 3 ports up to 1000 pods, and
a seeded sample of SAMPLE_PAIRS pairs above; its time is scaled here by n(n-1)/pairs to all pairs
(keep the constants in step with ReferenceBenchmark.java).
"""
import argparse
import json
import math
import sys

ALL_PAIRS_UP_TO = 1000
SAMPLE_PAIRS = 2000
TO_SECONDS = {"ns/op": 1e-9, "us/op": 1e-6, "ms/op": 1e-3, "s/op": 1.0}


def load(paths):
    """{(benchmark short name, size): (score, error, unit)} over all files; later files win."""
    out = {}
    for path in paths:
        with open(path, encoding="utf-8") as f:
            for r in json.load(f):
                name = r["benchmark"].rsplit(".", 2)
                short = name[-2] + "." + name[-1]
                size = int(r["params"]["size"])
                m = r["primaryMetric"]
                out[(short, size)] = (m["score"], m["scoreError"], m["scoreUnit"])
                for sec, sm in r.get("secondaryMetrics", {}).items():
                    out[(short + ":" + sec, size)] = (sm["score"], sm["scoreError"], sm["scoreUnit"])
    return out


def seconds(results, name, size):
    """Seconds per operation, or None."""
    r = results.get((name, size))
    if r is None:
        return None
    score, _, unit = r
    if unit == "ops/s":
        return 1.0 / score
    return score * TO_SECONDS[unit]


def pairs_asked(n):
    return n * (n - 1) if n <= ALL_PAIRS_UP_TO else SAMPLE_PAIRS


def reference_all_pairs(results, n):
    t = seconds(results, "ReferenceBenchmark.allPairs", n)
    return None if t is None else t * n * (n - 1) / pairs_asked(n)


def engine_all_pairs(results, n):
    b = seconds(results, "EngineBenchmark.build", n)
    c = seconds(results, "EngineBenchmark.connections", n)
    return None if b is None or c is None else b + c


SERIES = [
    # label, colour, dashed, function of (results, n) -> seconds
    ("engine build", "#1f77b4", False, lambda r, n: seconds(r, "EngineBenchmark.build", n)),
    ("engine check", "#2ca02c", False, lambda r, n: seconds(r, "EngineBenchmark.check", n)),
    ("engine connections()", "#9467bd", False,
     lambda r, n: seconds(r, "EngineBenchmark.connections", n)),
    ("engine what-if (remove + check)", "#17becf", False,
     lambda r, n: seconds(r, "EngineBenchmark.whatIfRemoveCheck", n)),
    ("engine what-if (relabel pods + check)", "#bcbd22", False,
     lambda r, n: seconds(r, "EngineBenchmark.whatIfRelabelCheck", n)),
    ("engine all pairs (build + connections)", "#000000", False, engine_all_pairs),
    ("reference check", "#d62728", True, lambda r, n: seconds(r, "ReferenceBenchmark.check", n)),
    ("reference all pairs, 3 ports (scaled above 1k)", "#ff7f0e", True, reference_all_pairs),
]


def exponent(pts):
    """Least-squares slope of log t against log n: t grows as n to this power."""
    if len(pts) < 2:
        return None
    xs = [math.log10(n) for n, _ in pts]
    ys = [math.log10(t) for _, t in pts]
    mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
    sxx = sum((x - mx) ** 2 for x in xs)
    return sum((x - mx) * (y - my) for x, y in zip(xs, ys)) / sxx


def series_points(series, results, sizes):
    """{label: (colour, dashed, [(n, value)])} for the series with at least one value."""
    points = {}
    for label, colour, dashed, f in series:
        pts = [(n, f(results, n)) for n in sizes]
        pts = [(n, t) for n, t in pts if t]
        if pts:
            points[label] = (colour, dashed, pts)
    return points


def svg(results, sizes, path, series=None, title="Time per operation vs pods (log-log)",
        label_value=None):
    width, height = 900, 480
    left, right, top, bottom = 70, 400, 30, 50
    label_value = label_value or (lambda v: label_time(v))
    points = series_points(series or SERIES, results, sizes)
    ts = [t for _, _, pts in points.values() for _, t in pts]
    y_lo = math.floor(math.log10(min(ts)))
    y_hi = math.ceil(math.log10(max(ts)))
    x_lo = math.floor(math.log10(min(sizes)))
    x_hi = math.ceil(math.log10(max(sizes)))
    plot_w, plot_h = width - left - right, height - top - bottom

    def x(n):
        return left + (math.log10(n) - x_lo) / max(x_hi - x_lo, 1) * plot_w

    def y(t):
        return top + plot_h - (math.log10(t) - y_lo) / max(y_hi - y_lo, 1) * plot_h

    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        f'font-family="sans-serif" font-size="12">',
        f'<rect width="{width}" height="{height}" fill="white"/>',
        f'<text x="{left}" y="18" font-size="14">{title}</text>',
    ]
    for e in range(y_lo, y_hi + 1):
        yy = y(10.0 ** e)
        out.append(f'<line x1="{left}" y1="{yy:.1f}" x2="{left + plot_w}" y2="{yy:.1f}" '
                   f'stroke="#ddd"/>')
        out.append(f'<text x="{left - 6}" y="{yy + 4:.1f}" text-anchor="end">'
                   f'{label_value(10.0 ** e)}</text>')
    for e in range(x_lo, x_hi + 1):
        xx = x(10 ** e)
        out.append(f'<line x1="{xx:.1f}" y1="{top}" x2="{xx:.1f}" y2="{top + plot_h}" '
                   f'stroke="#ddd"/>')
        out.append(f'<text x="{xx:.1f}" y="{top + plot_h + 18}" text-anchor="middle">'
                   f'{label_pods(10 ** e)}</text>')
    out.append(f'<text x="{left + plot_w / 2}" y="{height - 12}" text-anchor="middle">pods</text>')
    out.append(f'<rect x="{left}" y="{top}" width="{plot_w}" height="{plot_h}" fill="none" '
               f'stroke="#444"/>')
    for i, (label, (colour, dashed, pts)) in enumerate(points.items()):
        dash = ' stroke-dasharray="6,4"' if dashed else ""
        coords = " ".join(f"{x(n):.1f},{y(t):.1f}" for n, t in pts)
        out.append(f'<polyline points="{coords}" fill="none" stroke="{colour}" '
                   f'stroke-width="2"{dash}/>')
        for n, t in pts:
            out.append(f'<circle cx="{x(n):.1f}" cy="{y(t):.1f}" r="3" fill="{colour}"/>')
        ly = top + 10 + i * 20
        lx = left + plot_w + 15
        out.append(f'<line x1="{lx}" y1="{ly}" x2="{lx + 25}" y2="{ly}" stroke="{colour}" '
                   f'stroke-width="2"{dash}/>')
        k = exponent(pts)
        fitted = f" (∝ n^{k:.2f})" if k is not None else ""
        out.append(f'<text x="{lx + 30}" y="{ly + 4}">{label}{fitted}</text>')
    out.append("</svg>")
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(out) + "\n")


def label_time(t):
    for unit, scale in (("s", 1), ("ms", 1e-3), ("µs", 1e-6), ("ns", 1e-9)):
        if t >= scale:
            return f"{t / scale:g} {unit}"
    return f"{t:g} s"


def label_pods(n):
    if n >= 1_000_000:
        return f"{n // 1_000_000}M"
    return f"{n // 1000}k" if n >= 1000 else str(n)


def label_mb(v):
    return f"{v / 1000:g} GB" if v >= 1000 else f"{v:g} MB"


def load_memory(path):
    """{("memory.snapshot"|"memory.index", size): (MB, 0, "MB")} from Footprint's PODS lines."""
    out = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            fields = dict(p.split("=", 1) for p in line.split() if "=" in p)
            if fields.get("style") != "PODS" or "size" not in fields:
                continue
            size = int(fields["size"])
            for key in ("snapshotMB", "indexMB"):
                if key in fields:
                    name = "memory." + key[: -len("MB")]
                    out[(name, size)] = (float(fields[key]), 0.0, "MB")
    return out


MEMORY = [
    ("snapshot (retained heap)", "#8c564b", False,
     lambda r, n: (r.get(("memory.snapshot", n)) or (None,))[0]),
    ("index, matrices not yet built", "#1f77b4", False,
     lambda r, n: (r.get(("memory.index", n)) or (None,))[0]),
]


def exponents(series, results, sizes, header=True):
    """Markdown rows: the fitted exponent per measure, over all sizes and over the last step."""
    if header:
        print("| measure | sizes | exponent k (∝ nᵏ), all sizes | k of the last step |")
        print("|---|---|---|---|")
    for label, (_, _, pts) in series_points(series, results, sizes).items():
        shown = ", ".join(label_pods(n) for n, _ in pts)
        if len(pts) < 2:
            print(f"| {label} | {shown} | — | — |")
            continue
        step = f"{label_pods(pts[-2][0])} → {label_pods(pts[-1][0])}"
        print(f"| {label} | {shown} | {exponent(pts):.2f} | {exponent(pts[-2:]):.2f} ({step}) |")


def markdown(results, sizes):
    names = sorted({k[0] for k in results})
    print("| benchmark | " + " | ".join(f"{label_pods(n)} pods" for n in sizes) + " |")
    print("|---|" + "---|" * len(sizes))
    for name in names:
        cells = []
        for n in sizes:
            r = results.get((name, n))
            if r is None:
                cells.append("—")
            else:
                score, err, unit = r
                if name.endswith(":bytes"):
                    cells.append(f"{score / 1e6:.2f} ± {err / 1e6:.2f} MB/s")
                else:
                    cells.append(f"{fmt(score)} ± {fmt(err)} {unit}")
        print(f"| `{name}` | " + " | ".join(cells) + " |")
    print()
    print("| pods | reference check / engine check | reference all pairs (3 ports, s) | "
          "engine build + connections (s) | ratio |")
    print("|---|---|---|---|---|")
    for n in sizes:
        rc = seconds(results, "ReferenceBenchmark.check", n)
        ec = seconds(results, "EngineBenchmark.check", n)
        ra = reference_all_pairs(results, n)
        ea = engine_all_pairs(results, n)
        per_query = f"{rc / ec:,.0f}×" if rc and ec else "—"
        whole = f"{ra / ea:,.0f}×" if ra and ea else "—"
        print(f"| {n:,} | {per_query} | {fmt(ra) if ra else '—'} | {fmt(ea) if ea else '—'} | "
              f"{whole} |")


def fmt(v):
    if v is None:
        return "—"
    if v == 0 or math.isnan(v):
        return "0"
    if abs(v) >= 100:
        return f"{v:,.0f}"
    if abs(v) >= 1:
        return f"{v:.2f}"
    return f"{v:.3g}"


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("results", nargs="+", help="JMH JSON result files")
    p.add_argument("--svg", help="write the log-log chart here")
    p.add_argument("--markdown", action="store_true", help="print Markdown tables")
    p.add_argument("--memory", help="Footprint output to add as the memory measures")
    p.add_argument("--memory-svg", help="write the log-log memory chart here")
    a = p.parse_args()
    results = load(a.results)
    sizes = sorted({k[1] for k in results})
    memory = load_memory(a.memory) if a.memory else {}
    memory_sizes = sorted({k[1] for k in memory})
    if a.svg:
        svg(results, sizes, a.svg)
    if a.memory_svg and memory:
        svg(memory, memory_sizes, a.memory_svg, MEMORY, "Retained heap vs pods (log-log)",
            label_mb)
    if a.markdown:
        markdown(results, sizes)
        print()
        exponents(SERIES, results, sizes)
        if memory:
            exponents(MEMORY, memory, memory_sizes, header=False)
    if not a.svg and not a.markdown:
        p.error("nothing to do: pass --svg FILE and/or --markdown")


if __name__ == "__main__":
    sys.exit(main())
