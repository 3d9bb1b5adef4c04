"""Reading a large ledger: drawing the findings, the web UI's pages and the report, on a
ledger K times the size of an analysed corpus (its documents and statements copied under new
ids, so analysis time is not what is measured).

    python benchmarks/scale_reads.py                                   # PolNeAR train, 840 articles, x12
    python benchmarks/scale_reads.py --times 60                        # about 50,000 articles, 1.1M statements
    python benchmarks/scale_reads.py --corpus DIR --targets questions.yaml

Each measure runs in its own process, so its peak memory is its own; a page is asked for
twice (the first request also imports and caches what the server keeps). PolNeAR: see
../shared/data/README.md (v1.0.0 from https://github.com/networkdynamics/polnear).
"""
from __future__ import annotations

import argparse
import json
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
DEFAULT = HERE.parent.parent / "shared" / "data" / "polnear" / "train" / "text"
QUESTIONS = HERE / "data" / "stance_questions.yaml"

MEASURE = r"""
import json, resource, sys, time
start = time.perf_counter()
db, what = sys.argv[1], sys.argv[2]
out = {}
if what == "findings":
    from onrecord.pipeline import Options
    from onrecord.runner import refresh_findings
    from onrecord.store import Store
    with Store(db) as store:
        t = time.perf_counter()
        out["findings"] = len(refresh_findings(store, [], Options()))
        out["seconds"] = time.perf_counter() - t
else:
    from fastapi.testclient import TestClient
    from onrecord.web import create_app
    client = TestClient(create_app(db))
    t = time.perf_counter()
    response = client.get(what)
    out["seconds"] = time.perf_counter() - t  # the first request: imports, templates, caches
    t = time.perf_counter()
    response = client.get(what)
    out["again"] = time.perf_counter() - t
    out["status"], out["bytes"] = response.status_code, len(response.content)
out["peak_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps(out))
"""


def multiply(db: str, times: int) -> tuple[int, int]:
    """Copy every document and statement ``times - 1`` more times under new ids."""
    con = sqlite3.connect(db)
    docs = con.execute("SELECT * FROM documents").fetchall()
    analyses = con.execute("SELECT * FROM analyses").fetchall()
    columns = [r[1] for r in con.execute("PRAGMA table_info(statements)")]
    statements = con.execute("SELECT * FROM statements").fetchall()
    stances = con.execute("SELECT * FROM stances").fetchall()
    words = con.execute("SELECT statement_id, words FROM statement_words").fetchall()
    i_id, i_doc, i_data = columns.index("id"), columns.index("document_id"), columns.index("data")
    for n in range(1, times):
        tag = f"~{n}"
        con.executemany(f"INSERT INTO documents VALUES ({','.join('?' * len(docs[0]))})",
                        [(d[0] + tag, *d[1:]) for d in docs])
        con.executemany("INSERT INTO analyses VALUES (?,?,?)", [(a[0] + tag, *a[1:]) for a in analyses])
        rows = []
        for row in statements:
            row = list(row)
            data = json.loads(row[i_data])
            data["id"], data["document_id"] = data["id"] + tag, data["document_id"] + tag
            row[i_id], row[i_doc], row[i_data] = row[i_id] + tag, row[i_doc] + tag, json.dumps(data)
            rows.append(tuple(row))
        con.executemany(f"INSERT INTO statements VALUES ({','.join('?' * len(columns))})", rows)
        con.executemany("INSERT INTO stances VALUES (?,?,?)", [(s[0] + tag, *s[1:]) for s in stances])
        con.executemany("INSERT INTO statement_words VALUES (?,?)", [(w[0] + tag, w[1]) for w in words])
        con.commit()
    counts = (con.execute("SELECT count(*) FROM documents").fetchone()[0],
              con.execute("SELECT count(*) FROM statements").fetchone()[0])
    con.close()
    return counts


def measure(db: str, what: str) -> dict:
    done = subprocess.run([sys.executable, "-c", MEASURE, db, what], capture_output=True, text=True)
    if done.returncode != 0:
        sys.exit(f"measuring {what} failed:\n{done.stderr[-2000:]}")
    return json.loads(done.stdout)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=DEFAULT)
    ap.add_argument("--targets", type=Path, default=QUESTIONS)
    ap.add_argument("--times", type=int, default=12, help="copies of the analysed corpus")
    args = ap.parse_args()
    if not args.corpus.exists():
        sys.exit(f"{args.corpus} not found: get PolNeAR v1.0.0 (see ../shared/data/README.md) or pass --corpus DIR")
    with tempfile.TemporaryDirectory() as tmp:
        db = f"{tmp}/ledger.db"
        start = time.perf_counter()
        done = subprocess.run([sys.executable, "-m", "onrecord.cli", "analyze", str(args.corpus), "--db", db,
                               "--targets", str(args.targets)], capture_output=True, text=True)
        if done.returncode != 0:
            sys.exit(f"analyze failed:\n{done.stderr[-2000:]}")
        print(f"analysed {args.corpus} in {time.perf_counter() - start:.1f} s")
        n_docs, n_statements = multiply(db, args.times)
        print(f"ledger: {n_docs:,} documents, {n_statements:,} statements ({args.times} copies)")
        actor = sqlite3.connect(db).execute("SELECT actor_id FROM statements WHERE actor_id IS NOT NULL "
                                            "GROUP BY actor_id ORDER BY count(*) DESC LIMIT 1").fetchone()[0]
        target = sqlite3.connect(db).execute("SELECT target_id FROM stances LIMIT 1").fetchone()[0]
        print(f"{'what':52} {'seconds':>8} {'again':>8} {'peak MB':>8}  result")
        for what in ("findings", "/", f"/actors/{actor}", f"/actors/{actor}?page=3",
                     f"/api/statements?target={target}&stance=oppose", "/api/statements?q=tax&limit=50",
                     "/report", "/api/ledger"):
            got = measure(db, what)
            result = (f"{got['findings']} findings" if "findings" in got
                      else f"HTTP {got['status']}, {got['bytes']:,} bytes")
            again = f"{got['again']:8.2f}" if "again" in got else f"{'':8}"
            print(f"{what[:52]:52} {got['seconds']:8.2f} {again} {got['peak_mb']:8.0f}  {result}")


if __name__ == "__main__":
    main()
