"""The same corpus through `analyze` into SQLite, into PostgreSQL, and through the Spark job:
wall time, documents per second, and whether all of them hold the same statements.

    python benchmarks/scale_backends.py                       # PolNeAR dev (84 articles)
    python benchmarks/scale_backends.py --corpus ../shared/data/polnear/train/text --master 'local[2]'
    python benchmarks/scale_backends.py --postgres postgresql://me@localhost/scratch

PostgreSQL is measured only with --postgres (an empty scratch database: its tables are emptied
first); the Spark job needs `pip install '.[spark]'` and Java 17+. PolNeAR: see
../shared/data/README.md (v1.0.0 from https://github.com/networkdynamics/polnear).
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
DEFAULT = HERE.parent.parent / "shared" / "data" / "polnear" / "dev" / "text"


def onrecord(*args: str) -> tuple[float, str]:
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "onrecord.cli", *args], capture_output=True, text=True)
    if done.returncode != 0:
        sys.exit(f"onrecord {' '.join(args)} failed:\n{done.stderr[-2000:]}")
    return time.perf_counter() - start, done.stdout


def statements_in(db: str) -> dict:
    _, out = onrecord("export", "--db", db)
    return {s["id"]: {k: v for k, v in s.items() if k not in ("reports", "report_of")}
            for s in json.loads(out)["statements"]}


def empty_postgres(url: str) -> None:
    import psycopg

    with psycopg.connect(url, autocommit=True) as conn:
        for table in ("findings", "actor_merges", "corrections", "analyses", "statements", "actors",
                      "organizations", "targets", "documents", "changes", "migrations"):
            conn.execute(f"DROP TABLE IF EXISTS {table} CASCADE")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=DEFAULT)
    ap.add_argument("--postgres", help="URL of a scratch PostgreSQL database")
    ap.add_argument("--master", default="local[2]", help="Spark master for the Spark job")
    ap.add_argument("--no-spark", action="store_true")
    args = ap.parse_args()
    if not args.corpus.exists():
        sys.exit(f"{args.corpus} not found: get PolNeAR v1.0.0 (see ../shared/data/README.md) or pass --corpus DIR")
    n = sum(1 for p in args.corpus.rglob("*") if p.is_file())
    rows, held = [], {}
    with tempfile.TemporaryDirectory() as tmp:
        db = f"{tmp}/bench.db"
        wall, _ = onrecord("analyze", str(args.corpus), "--db", db)
        rows.append(("analyze → SQLite", wall))
        held["SQLite"] = statements_in(db)
        if args.postgres:
            empty_postgres(args.postgres)
            wall, _ = onrecord("analyze", str(args.corpus), "--db", args.postgres)
            rows.append(("analyze → PostgreSQL", wall))
            held["PostgreSQL"] = statements_in(args.postgres)
        if not args.no_spark:
            out = f"{tmp}/spark-out"
            wall, _ = onrecord("spark", str(args.corpus), "--output", out, "--master", args.master)
            rows.append((f"spark {args.master} → Parquet", wall))
            import pyarrow.parquet as pq

            held["Spark"] = {s["id"]: s for s in (json.loads(x) for x in
                                                  pq.read_table(f"{out}/statements").column("data").to_pylist())}
    print(f"{n} files from {args.corpus}")
    print(f"{'run':28} {'wall s':>8} {'docs/s':>8}")
    for name, wall in rows:
        print(f"{name:28} {wall:8.1f} {n / wall:8.1f}")
    base = held["SQLite"]
    for name, found in held.items():
        same = found == base
        print(f"{name}: {len(found)} statements; {'identical to' if same else 'DIFFERENT from'} SQLite's")
    print("Wall time includes starting Python, loading the spaCy model and, for Spark, the JVM and its workers.")


if __name__ == "__main__":
    main()
