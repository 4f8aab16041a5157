#!/usr/bin/python3
"""Cross-check of the routing graph and our multi-source search against networkx (run by hand).

Uses Debian's python3-networkx (/usr/bin/python3); nothing here runs in `npm test`.

    npm run cli -- graph-export --profile drive --out /tmp/outu-nx
    npm run cli -- graph-search --profile drive --points data/geo/facilities-county-centres.geojson \
        --second-best --max-minutes 90 --out /tmp/outu-nx
    /usr/bin/python3 scripts/data-build/check-graph-networkx.py --dir /tmp/outu-nx --max-minutes 90

Checks, independently of the TypeScript reader:
  1. data/geo/graph/routing-graph.bin: magic, version, section table, file size, CRC-32 (zlib),
     CSR invariants; decoded with Python's struct/array.
  2. edges.csv (the profile's edges) matches the binary: same endpoints and float32 lengths, and
     one seconds-per-metre ratio per road class.
  3. times.csv (our search) against nx.multi_source_dijkstra_path_length from seeds.csv nodes:
     same reached set, max absolute time difference; and against per-source
     nx.single_source_dijkstra_path_length: best source (ties to the lower source index), second
     best distinct source and its time.
Exit code 0 when everything agrees (times within --tolerance seconds), 1 otherwise.
"""

import argparse
import array
import csv
import math
import os
import struct
import sys
import zlib

import networkx as nx

HEADER = 96
SECTIONS = [
    ("lon", "d", lambda n, e: n),
    ("lat", "d", lambda n, e: n),
    ("offsets", "I", lambda n, e: n + 1),
    ("targets", "I", lambda n, e: 2 * e),
    ("edgeId", "I", lambda n, e: 2 * e),
    ("lengthM", "f", lambda n, e: e),
    ("roadClass", "B", lambda n, e: e),
]


def fail(message):
    print("FAIL:", message)
    sys.exit(1)


def read_graph(path):
    data = open(path, "rb").read()
    if len(data) < HEADER or data[:8] != b"OUTUGRF1":
        fail("bad magic or short file")
    version, header, n, e, entries, classes, total, crc = struct.unpack_from("<8I", data, 8)
    if version != 1 or header != HEADER or entries != 2 * e or total != len(data):
        fail(f"header: version {version}, header {header}, entries {entries}, total {total} vs {len(data)}")
    zeroed = data[:36] + b"\0\0\0\0" + data[40:]
    if zlib.crc32(zeroed) != crc:
        fail("CRC-32 mismatch")
    if sys.byteorder != "little":
        fail("this checker assumes a little-endian machine")
    arrays = {}
    at = HEADER
    for i, (name, code, count) in enumerate(SECTIONS):
        offset, length = struct.unpack_from("<2I", data, 40 + 8 * i)
        a = array.array(code)
        if offset != at or length != count(n, e) * a.itemsize:
            fail(f"section {name} at {offset}+{length}, expected {at}+{count(n, e) * a.itemsize}")
        a.frombytes(data[offset : offset + length])
        arrays[name] = a
        at = (offset + length + 7) // 8 * 8
    offs, targets, eid = arrays["offsets"], arrays["targets"], arrays["edgeId"]
    if offs[0] != 0 or offs[n] != 2 * e or any(offs[u] > offs[u + 1] for u in range(n)):
        fail("CSR offsets")
    ends = {}
    for u in range(n):
        for j in range(offs[u], offs[u + 1]):
            ends.setdefault(eid[j], []).append((u, targets[j]))
    for k in range(e):
        pair = ends.get(k, [])
        if len(pair) != 2 or pair[0] != (pair[1][1], pair[1][0]):
            fail(f"edge {k} entries {pair}")
    print(f"binary ok: {len(data)} bytes, {n} nodes, {e} edges, {classes} road classes, CRC {crc:08x}")
    return n, e, arrays, ends


def read_csv(path):
    with open(path, newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--graph", default=os.path.join(here, "../../data/geo/graph/routing-graph.bin"))
    ap.add_argument("--dir", required=True, help="folder with nodes.csv, edges.csv, seeds.csv, times.csv")
    ap.add_argument("--max-minutes", type=float, default=None, help="the limit the search was run with")
    ap.add_argument("--tolerance", type=float, default=1e-6, help="max allowed |time difference|, seconds")
    args = ap.parse_args()

    n, e, arrays, ends = read_graph(args.graph)
    nodes = read_csv(os.path.join(args.dir, "nodes.csv"))
    if len(nodes) != n:
        fail(f"nodes.csv has {len(nodes)} rows, graph {n}")
    for row in nodes[:: max(1, n // 1000)]:
        u = int(row["id"])
        if float(row["lon"]) != arrays["lon"][u] or float(row["lat"]) != arrays["lat"][u]:
            fail(f"nodes.csv row {u} differs from the binary")

    G = nx.Graph()
    G.add_nodes_from(range(n))
    ratio = {}
    parallel = 0
    for row in read_csv(os.path.join(args.dir, "edges.csv")):
        k, a, b = int(row["id"]), int(row["source"]), int(row["target"])
        cost, length = float(row["cost_s"]), float(row["length_m"])
        if {a, b} != {ends[k][0][0], ends[k][0][1]} or length != arrays["lengthM"][k]:
            fail(f"edges.csv edge {k} differs from the binary")
        if length > 0:
            cls = arrays["roadClass"][k]
            r = cost / length
            if cls in ratio and abs(ratio[cls] - r) > 1e-6 * r:
                fail(f"class {cls}: seconds per metre {r} vs {ratio[cls]}")
            ratio.setdefault(cls, r)
        if G.has_edge(a, b):
            parallel += 1
            if cost >= G[a][b]["weight"]:
                continue
        G.add_edge(a, b, weight=cost)
    kmh = {c: round(3.6 / r, 3) for c, r in sorted(ratio.items())}
    print(f"edges.csv ok: {G.number_of_edges()} node pairs ({parallel} parallel edges folded), km/h by class {kmh}")

    seeds = read_csv(os.path.join(args.dir, "seeds.csv"))
    by_source = {}
    for s in seeds:
        by_source.setdefault(int(s["source"]), set()).add(int(s["node"]))
    cutoff = args.max_minutes * 60 if args.max_minutes is not None else None
    ours = {int(r["node"]): r for r in read_csv(os.path.join(args.dir, "times.csv"))}

    all_seeds = set().union(*by_source.values())
    ref = nx.multi_source_dijkstra_path_length(G, all_seeds, cutoff=cutoff, weight="weight")
    if set(ref) != set(ours):
        fail(f"reached sets differ: networkx {len(ref)}, ours {len(ours)}, symmetric difference {len(set(ref) ^ set(ours))}")
    max_diff = max((abs(float(ours[v]["seconds"]) - d) for v, d in ref.items()), default=0.0)
    print(f"multi-source: {len(ref)} nodes reached by both; max |ours - networkx| = {max_diff:.3g} s")

    per = {s: nx.multi_source_dijkstra_path_length(G, nodes_, cutoff=cutoff, weight="weight") for s, nodes_ in by_source.items()}
    wrong_best = wrong_second = 0
    max_diff2 = 0.0
    ties = 0
    for v, row in ours.items():
        labels = sorted((d[v], s) for s, d in per.items() if v in d)
        best_d, best_s = labels[0]
        if int(row["source"]) != best_s:
            wrong_best += 1
        if len(labels) > 1:
            second_d, second_s = labels[1]
            ties += second_d == best_d
            if row["second_source"] == "" or int(row["second_source"]) != second_s:
                wrong_second += 1
            else:
                max_diff2 = max(max_diff2, abs(float(row["second_seconds"]) - second_d))
        elif row["second_source"] != "":
            wrong_second += 1
    print(
        f"per-source: best source differs at {wrong_best} nodes, second-best source differs at {wrong_second} nodes "
        f"(second-best present only when the search ran with --second-best), max second-time diff {max_diff2:.3g} s, "
        f"exact ties {ties}"
    )
    ok = max_diff <= args.tolerance and wrong_best == 0 and max_diff2 <= args.tolerance
    has_second = any(r["second_source"] != "" for r in ours.values())
    if has_second:
        ok = ok and wrong_second == 0
    print("OK" if ok else "MISMATCH")
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
