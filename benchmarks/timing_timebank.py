#!/usr/bin/env python3
"""Date benchmark on TimeBank 1.2: how many DATE expressions onrecord finds, and how often it
reproduces their normalised value from the document creation time (exact, and at month
granularity).

Usage: python benchmarks/timing_timebank.py [--data ../shared/data/timeml/TimeBank]
The corpus is not in this repository: TimeBank 1.2 from the TempEval-3 TBAQ-cleaned release
(github.com/jspotter/TempEval-3); place its .tml files at --data.
"""
from __future__ import annotations

import argparse
import re
import sys
import time
from collections import Counter
from datetime import date
from pathlib import Path
from xml.etree import ElementTree

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DATA = ROOT.parent / "shared" / "data" / "timeml" / "TimeBank"


def read_tml(path: Path) -> tuple[str, date, list[tuple[int, int, str, str]]]:
    """The TEXT element as plain text, the creation date, and (start, end, type, value) timexes."""
    root = ElementTree.parse(path).getroot()
    dct = next(t for t in root.iter("TIMEX3") if t.get("functionInDocument") == "CREATION_TIME")
    pub = date.fromisoformat(dct.get("value")[:10])
    text_el = root.find("TEXT")
    parts: list[str] = []
    timexes = []

    def walk(el):
        if el.text:
            if el.tag == "TIMEX3":
                start = sum(map(len, parts))
                parts.append(el.text)
                timexes.append((start, start + len(el.text), el.get("type"), el.get("value")))
            else:
                parts.append(el.text)
        for child in el:
            walk(child)
            if child.tail:
                parts.append(child.tail)

    walk(text_el)
    return "".join(parts), pub, timexes


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--errors", type=int, default=0, help="print this many wrong values")
    args = ap.parse_args()
    files = sorted(args.data.glob("*.tml"))
    if not files:
        print(f"TimeBank not found at {args.data}; get TimeBank 1.2 (TempEval-3 TBAQ-cleaned) from "
              "github.com/jspotter/TempEval-3", file=sys.stderr)
        return 2
    sys.path.insert(0, str(ROOT / "src"))
    from onrecord.timing import find_expressions, timex_value

    gold_n = found = exact = month_ok = month_n = predicted = specific = specific_ok = 0
    by_kind: Counter = Counter()
    wrong: list[str] = []
    t0 = time.perf_counter()
    for f in files:
        text, pub, timexes = read_tml(f)
        mentions = find_expressions(text)
        predicted += len(mentions)
        for s, e, typ, value in timexes:
            if typ != "DATE":
                continue
            gold_n += 1
            hit = next((m for m in mentions if m.start < e and m.end > s), None)
            if hit is None:
                continue
            found += 1
            ours = timex_value(hit, pub, text)
            by_kind[hit.kind] += 1
            if "X" not in (value or ""):
                specific += 1
                specific_ok += ours == value
            if ours == value:
                exact += 1
            elif len(wrong) < args.errors:
                wrong.append(f"{f.stem}: {text[s:e]!r} gold {value} ours {ours} ({hit.kind})")
            if re.match(r"\d{4}-\d\d", value or ""):
                month_n += 1
                month_ok += bool(ours and ours[:7] == value[:7])
    secs = time.perf_counter() - t0
    print(f"TimeBank 1.2: {len(files)} articles, {gold_n} DATE expressions (creation times excluded)")
    print(f"found (any overlap)       {found}/{gold_n} = recall {found / gold_n:.3f}")
    print(f"value exact, of found     {exact}/{found} = {exact / max(found, 1):.3f}")
    print(f"value exact, of all       {exact}/{gold_n} = {exact / gold_n:.3f}")
    print(f"value exact, of found with a fully specified gold value (no 'X')  {specific_ok}/{specific} = "
          f"{specific_ok / max(specific, 1):.3f}")
    print(f"same month, of found with a month-or-finer gold value  {month_ok}/{month_n} = {month_ok / max(month_n, 1):.3f}")
    print(f"expressions onrecord marked: {predicted} (DATE, DURATION, TIME and SET gold kinds are all possible overlaps)")
    print(f"speed {len(files) / secs:.0f} articles/s")
    print("found by kind:", dict(by_kind.most_common()))
    for line in wrong:
        print("  ", line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
