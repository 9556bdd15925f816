#!/usr/bin/env python3
# libscsec -- supply-chain security evaluation engine
# Copyright (c) 2026 The libscsec authors. SPDX-License-Identifier: MIT
"""Score a folder of suppliers with Dask: one row per file, as CSV on standard output.

    python3 score_suppliers_dask.py FOLDER [--as-of 2026-06-01] [--criteria set.xml]
                                           [--workers 2] [--scheduler tcp://host:8786]

Every ``*.xml`` (evidence record) and ``*.csv`` (filled answer sheet) in
FOLDER is evaluated in a :mod:`dask.bag` on a local cluster of worker
processes (``distributed.LocalCluster(processes=True)``), or on the cluster
named by ``--scheduler``: the same code scales past one machine, as long as
the workers see the files. The criteria set is built once here and reaches
each worker by pickling, as its canonical XML; each worker reads its
suppliers' files itself. A file that cannot be read gets a row with its
error instead of a level, as ``scsec batch`` does.

Columns: file, subject, level, level_label, valid_until, gap_level, gaps,
required_level, meets_required, evidence_fingerprint, error.

Needs Dask and distributed (Debian: python3-dask, python3-distributed).
"""

import argparse
import csv
import datetime
import os
import sys

import dask
import dask.bag
import distributed

import scsec

COLUMNS = ["file", "subject", "level", "level_label", "valid_until", "gap_level", "gaps",
           "required_level", "meets_required", "evidence_fingerprint", "error"]


def score(path, criteria, as_of):
    """One supplier's row (a plain dict: a Result stays in the worker)."""
    row = dict.fromkeys(COLUMNS, "")
    row["file"] = os.path.basename(path)
    try:
        if path.endswith(".csv"):
            record = scsec.Evidence.from_csv(path, criteria)
        else:
            record = scsec.Evidence.load(path)
        with record, scsec.evaluate(criteria, record, as_of=as_of) as result:
            row.update(subject=result.subject_name or "", level=result.level,
                       level_label=result.level_label or "",
                       valid_until=result.valid_until or "", gap_level=result.gap_level,
                       gaps=len(result.gaps), required_level=result.required_level or "",
                       meets_required="" if result.meets_required is None
                       else str(result.meets_required).lower(),
                       evidence_fingerprint=result.evidence_fingerprint)
    except (scsec.Error, OSError) as exc:
        row["error"] = str(exc)
    return row


def suppliers(folder):
    """The candidate files of ``folder``, by name."""
    return sorted(os.path.join(folder, name) for name in os.listdir(folder)
                  if name.endswith((".xml", ".csv")))


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder")
    parser.add_argument("--as-of", type=scsec.parse_date, default=None,
                        help="the evaluation date (default: today, UTC)")
    parser.add_argument("--criteria", help="a criteria set file (default: the built-in METI set)")
    parser.add_argument("--workers", type=int, default=2, help="local worker processes")
    parser.add_argument("--scheduler", help="an existing Dask scheduler's address")
    args = parser.parse_args(argv)

    criteria = (scsec.CriteriaSet.load(args.criteria) if args.criteria
                else scsec.CriteriaSet.builtin())
    as_of = args.as_of or scsec.today()
    paths = suppliers(args.folder)

    if args.scheduler:
        client = distributed.Client(args.scheduler)
        cluster = None
    else:
        cluster = distributed.LocalCluster(processes=True, n_workers=args.workers,
                                           threads_per_worker=1, dashboard_address=None)
        client = distributed.Client(cluster)
    try:
        # A delayed value is sent to each worker once, not once per file.
        shared_set = dask.delayed(criteria, traverse=False)
        bag = dask.bag.from_sequence(paths, npartitions=max(1, min(len(paths), 4 * args.workers)))
        rows = bag.map(score, criteria=shared_set, as_of=as_of).compute()
    finally:
        client.close()
        if cluster is not None:
            cluster.close()

    writer = csv.DictWriter(sys.stdout, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return 1 if any(row["error"] for row in rows) else 0


if __name__ == "__main__":
    sys.exit(main())
