"""WARC ingest: throughput (records/s, MB/s) and peak memory on a generated archive.

The archive holds >= 2,000 real news pages (the ScrapingHub extraction set, 181 pages,
repeated with distinct URLs), written with warcio as gzip members like CC-NEWS files. Each
measurement runs in a fresh process so that its peak RSS is its own:

- ``scan``: fastwarc reading, digest check and HTTP parsing of every record (no extraction);
- ``extract``: eventwire's WARC reader end to end (``iter_inputs``: scan + HTML extraction);
- ``extract`` again on a quarter of the records; with the resident memory sampled after each
  tenth of the records, it shows that memory does not grow with the archive.

Run: ``python -m benchmarks.warc [--records N]``; results go to ``benchmarks/results/warc.json``.
"""

from __future__ import annotations

import argparse
import gzip
import io
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlsplit

from fastwarc.warc import ArchiveIterator, WarcRecordType
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from benchmarks.datasets import REPO_ROOT
from benchmarks.machine import describe_machine
from eventwire.ingest import iter_inputs

RESULTS = REPO_ROOT / "benchmarks" / "results"
PAGES = REPO_ROOT.parent / "shared" / "data" / "extraction-scrapinghub"
DEFAULT_RECORDS = 2_000
SMALL_SHARE = 4  # the memory check reads 1/SMALL_SHARE of the records
RSS_SAMPLES = 10  # resident memory samples per extract run
HTML_HEADERS = [("Content-Type", "text/html; charset=utf-8")]
MB = 1_000_000


def load_pages() -> list[tuple[str, bytes]]:
    """(URL, HTML bytes) of every page of the extraction set."""
    truth = json.loads((PAGES / "ground-truth.json").read_text(encoding="utf-8"))
    pages = []
    for path in sorted((PAGES / "html").glob("*.html.gz")):
        page_id = path.name.removesuffix(".html.gz")
        url = truth.get(page_id, {}).get("url") or f"https://page.example/{page_id}"
        pages.append((url, gzip.decompress(path.read_bytes())))
    return pages


def write_archive(path: Path, records: int) -> int:
    """Write ``records`` response records (pages repeated, URLs distinct); total payload bytes."""
    pages = load_pages()
    payload = 0
    with path.open("wb") as stream:
        writer = WARCWriter(stream, gzip=True)
        for index in range(records):
            url, html = pages[index % len(pages)]
            parts = urlsplit(url)
            distinct = f"{parts.scheme}://{parts.netloc}/copy-{index}{parts.path}"
            headers = StatusAndHeaders("200 OK", HTML_HEADERS, protocol="HTTP/1.1")
            writer.write_record(
                writer.create_warc_record(
                    distinct, "response", payload=io.BytesIO(html), http_headers=headers
                )
            )
            payload += len(html)
    return payload


def scan(path: Path, limit: int) -> dict:
    """fastwarc only: read, verify the block digest of, and parse ``limit`` records."""
    records = payload = intact = 0
    responses = ArchiveIterator(
        str(path), record_types=WarcRecordType.response, parse_http=False
    )  # HTTP parsing first would consume the block and make every digest check fail
    for record in responses:
        if records >= limit:
            break
        intact += record.verify_block_digest()
        record.parse_http()
        payload += len(record.reader.read())
        records += 1
    return {"records": records, "digests_verified": intact, "payload_bytes": payload}


def extract(path: Path, limit: int) -> dict:
    """eventwire's reader: ``limit`` records to RawArticles (or Rejections).

    The resident memory is sampled after each tenth of the records: flat means streaming.
    """
    records = articles = rejected = 0
    rss_mb: list[float] = []
    for input_file in iter_inputs([path]):
        if records >= limit:
            break
        records += 1
        articles += len(input_file.articles)
        rejected += len(input_file.rejections)
        if records % max(1, limit // RSS_SAMPLES) == 0:
            rss_mb.append(current_rss_mb())
    return {"records": records, "articles": articles, "rejected": rejected, "rss_mb": rss_mb}


def current_rss_mb() -> float:
    """This process's resident memory now, in MB (Linux)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return round(int(line.split()[1]) / 1024, 1)
    return 0.0


def measure(mode: str, path: Path, limit: int) -> dict:
    """Run one measurement here; add time and this process's peak RSS."""
    started = time.perf_counter()
    result = (scan if mode == "scan" else extract)(path, limit)
    seconds = time.perf_counter() - started
    result.update(
        seconds=round(seconds, 2),
        records_per_second=round(result["records"] / seconds, 1),
        peak_rss_mb=round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
    )
    return result


def measure_in_child(mode: str, path: Path, limit: int) -> dict:
    """``measure`` in a fresh Python process (so the peak memory is this run's alone)."""
    command = [sys.executable, "-m", "benchmarks.warc", "--measure", mode, str(path), str(limit)]
    done = subprocess.run(command, capture_output=True, text=True, check=True, cwd=REPO_ROOT)
    return json.loads(done.stdout)


def run(records: int) -> dict:
    """Generate the archive, measure each mode, and return the results."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "bench.warc.gz"
        payload = write_archive(path, records)
        file_mb = path.stat().st_size / MB
        results = {
            "records": records,
            "file_mb": round(file_mb, 1),
            "payload_mb": round(payload / MB, 1),
            "scan": measure_in_child("scan", path, records),
            "extract": measure_in_child("extract", path, records),
            "extract_quarter": measure_in_child("extract", path, records // SMALL_SHARE),
        }
    for mode in ("scan", "extract"):
        seconds = results[mode]["seconds"]
        results[mode]["file_mb_per_second"] = round(file_mb / seconds, 2)
        results[mode]["payload_mb_per_second"] = round(payload / MB / seconds, 2)
    return results


def main() -> None:
    """Command line: ``--records N`` (default 2,000)."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--records", type=int, default=DEFAULT_RECORDS)
    parser.add_argument("--measure", nargs=3, metavar=("MODE", "PATH", "LIMIT"), help="internal")
    args = parser.parse_args()
    if args.measure:
        mode, path, limit = args.measure
        print(json.dumps(measure(mode, Path(path), int(limit))))
        return
    results = {"machine": describe_machine(), **run(args.records)}
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "warc.json").write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
