"""
Clean a parquet dataset of region names with Spark, and time it (issue 20).

    python bench/spark_parquet.py --rows 10_000_000 --cores 2

Writes a parquet dataset of *rows* rows drawn Zipf-like from about 5,000
distinct messy strings (bench/run.py's vocabulary), then runs
`regionkit.columns.spark.with_codes` over it on a local SparkSession and writes
the result as parquet, twice: the first run starts the Python workers and
loads regionkit's data in each; the second reuses them. A baseline run
appends a column of nulls instead, to show Spark's own share. Needs the spark
extra.
"""

from __future__ import annotations

import argparse
import os
import runpy
import shutil
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any


def write_input(path: Path, rows: int) -> int:
    import numpy as np
    import pyarrow as pa
    import pyarrow.parquet as pq

    messy = runpy.run_path(str(Path(__file__).with_name("run.py")))["MESSY"]
    namespace: dict[str, Any] = {}
    exec(messy, namespace)
    vocabulary = namespace["messy_vocabulary"](5_000)
    weights = np.array([1 / (rank + 1) for rank in range(len(vocabulary))])
    rng = np.random.default_rng(2026)
    dictionary = pa.array(vocabulary, type=pa.string())
    writer = None
    step = 1_000_000
    for start in range(0, rows, step):
        size = min(step, rows - start)
        picks = rng.choice(len(vocabulary), size=size, p=weights / weights.sum())
        column = pa.DictionaryArray.from_arrays(pa.array(picks, pa.int32()), dictionary)
        table = pa.table(
            {
                "id": pa.array(range(start, start + size), pa.int64()),
                "region": column.dictionary_decode(),
            }
        )
        if writer is None:
            writer = pq.ParquetWriter(path, table.schema)
        writer.write_table(table)
    if writer is not None:
        writer.close()
    return len(vocabulary)


def _nulls(batches: Iterator[Any]) -> Iterator[Any]:
    import pyarrow as pa

    for batch in batches:
        yield pa.RecordBatch.from_arrays(
            [*batch.columns, pa.nulls(len(batch), pa.string())],
            names=[*batch.schema.names, "code"],
        )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[1])
    parser.add_argument("--rows", type=int, default=10_000_000)
    parser.add_argument("--cores", type=int, default=2)
    args = parser.parse_args(argv)

    from pyspark.sql import SparkSession

    from regionkit.columns.spark import with_codes

    work = Path(tempfile.mkdtemp(prefix="regionkit-spark-"))
    try:
        source = work / "regions.parquet"
        start = time.perf_counter()
        distinct = write_input(source, args.rows)
        print(
            f"wrote {args.rows:,} rows ({distinct:,} distinct strings) in "
            f"{time.perf_counter() - start:.1f} s"
        )
        os.environ["PYSPARK_PYTHON"] = sys.executable
        spark = (
            SparkSession.builder.master(f"local[{args.cores}]")
            .config("spark.ui.enabled", "false")
            .config("spark.driver.memory", "2g")
            .getOrCreate()
        )
        spark.sparkContext.setLogLevel("ERROR")
        frame = spark.read.parquet(str(source))
        start = time.perf_counter()
        plain = frame.count()
        print(f"read and count alone: {time.perf_counter() - start:.1f} s")
        # Spark's own share: the same read, a Python worker per task and the
        # same write, with a column of nulls appended instead of codes.
        schema = f"{frame.schema.simpleString()[7:-1]}, code string"
        start = time.perf_counter()
        frame.mapInArrow(_nulls, schema).write.parquet(str(work / "baseline.parquet"))
        spent = time.perf_counter() - start
        print(f"baseline (mapInArrow appending nulls): {spent:.1f} s")
        for run in ("first", "second"):
            out = work / f"codes-{run}.parquet"
            start = time.perf_counter()
            with_codes(frame, "region").write.parquet(str(out))
            spent = time.perf_counter() - start
            print(f"{run} run: {spent:.1f} s, {plain / spent:,.0f} rows/s")
        coded = spark.read.parquet(str(out))
        found = coded.where("code IS NOT NULL").count()
        print(f"rows with a code: {found:,} of {plain:,}")
        spark.stop()
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
