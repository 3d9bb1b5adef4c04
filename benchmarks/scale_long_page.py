"""One long page (a transcript, a dossier, a live blog) through the whole pipeline: seconds,
kilobytes per second and peak memory as the page grows, to show whether the time grows with
its length or faster. Each page is the first articles of a corpus run together, read as one
text; each size runs in its own process, so its peak memory is its own.

    python benchmarks/scale_long_page.py                      # 100 KB, 400 KB and 1.2 MB of PolNeAR train
    python benchmarks/scale_long_page.py --sizes 50 200 800 --corpus ../shared/data/polnear/dev/text

PolNeAR: see ../shared/data/README.md (v1.0.0 from https://github.com/networkdynamics/polnear).
"""
from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
DEFAULT = HERE.parent.parent / "shared" / "data" / "polnear" / "train" / "text"

ONE_PAGE = """
import resource, sys, time
from onrecord.ingest import parse_text
from onrecord.pipeline import Options, analyze
text = sys.stdin.read()
start = time.perf_counter()
result = next(analyze([parse_text(text, "long-page.txt")], [], Options(n_process=1)))
seconds = time.perf_counter() - start
print(seconds, len(result.statements), resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024)
"""


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=DEFAULT)
    ap.add_argument("--sizes", type=int, nargs="+", default=[100, 400, 1200], help="page sizes in KB")
    args = ap.parse_args()
    files = sorted(args.corpus.glob("*.txt"))
    if not files:
        print(f"no corpus at {args.corpus}; get PolNeAR v1.0.0 from github.com/networkdynamics/polnear",
              file=sys.stderr)
        return 2
    corpus = "\n\n".join(f.read_text("utf-8") for f in files)
    print(f"{'page':>8} {'seconds':>8} {'KB/s':>6} {'statements':>10} {'peak RSS':>9}")
    for kb in args.sizes:
        page = corpus[:kb * 1000]
        page = page[:page.rfind("\n\n")] if "\n\n" in page else page  # end on a paragraph
        done = subprocess.run([sys.executable, "-c", ONE_PAGE], input=page, capture_output=True, text=True)
        if done.returncode != 0:
            sys.exit(done.stderr[-2000:])
        seconds, statements, rss = done.stdout.split()
        print(f"{len(page) / 1000:>6.0f}KB {float(seconds):>8.1f} {len(page) / 1000 / float(seconds):>6.1f} "
              f"{statements:>10} {rss:>6} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
