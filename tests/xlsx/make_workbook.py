#!/usr/bin/python3
# libscsec -- supply-chain security evaluation engine
# Copyright (c) 2026 The libscsec authors. SPDX-License-Identifier: MIT
"""Build Excel workbooks for the tests with an independent writer (Debian's
python3-openpyxl). Exit 77 when openpyxl is missing.

  make_workbook.py ipa SRC.csv DST.xlsx [--notes-first] [--blank-first]
      the CSV sheet as IPA lays out its workbook: the criteria sheet with
      runs of equal category and requirement cells merged (the value kept
      in the top-left cell only), a hidden column, every cell a shared
      string, then a sheet of notes; with --notes-first the notes (a cover
      sheet) come before the criteria, with --blank-first an empty sheet
      comes before everything.
  make_workbook.py answers SRC.csv DST.xlsx [--1904] [--marks]
      an answer sheet: date columns (assessed_on, expires_on) as date
      cells, everything else as text; with --marks the statuses written as
      the marks people type (met ○ / 達成, partial △ / 一部達成, not-met ✖ / ×
      / ✕ / 未達成, not-applicable － / 対象外), taken in turn.
"""
import csv
import datetime
import sys

try:
    import openpyxl
except ImportError:
    sys.exit(77)


def rows_of(path):
    with open(path, encoding="utf-8-sig", newline="") as f:
        return list(csv.reader(f))


def merge_runs(ws, rows, col, first):
    """Merge runs of equal non-empty values in column col (0-based)."""
    start = first
    for i in range(first, len(rows) + 1):
        cur = rows[i][col] if i < len(rows) and col < len(rows[i]) else None
        prev = rows[start][col] if col < len(rows[start]) else None
        if i == len(rows) or cur != prev or not prev:
            if i - 1 > start and prev:
                for k in range(start + 1, i):
                    ws.cell(row=k + 1, column=col + 1).value = None
                ws.merge_cells(start_row=start + 1, start_column=col + 1,
                               end_row=i, end_column=col + 1)
            start = i


def ipa(src, dst, notes_first=False, blank_first=False):
    rows = rows_of(src)
    wb = openpyxl.Workbook()
    notes = wb.active
    notes.title = "はじめに"
    notes.append(["この表は評価基準です"])
    ws = wb.create_sheet("評価基準")
    for r in rows:
        ws.append(r)
    first = 2 if len(rows) > 1 and not rows[1][0] else 1
    for col in (0, 1, 2, 3):
        merge_runs(ws, rows, col, first)
    ws.column_dimensions["C"].hidden = True
    # The criteria sheet first in workbook order: IPA's workbook opens on it.
    if not notes_first:
        wb.move_sheet(ws, offset=-1)
    if blank_first:
        blank = wb.create_sheet("Sheet1")
        wb.move_sheet(blank, offset=-(len(wb.sheetnames) - 1))
    wb.save(dst)


MARKS = {"met": ["○", "達成"], "partial": ["△", "一部達成"],
         "not-met": ["✖", "×", "✕", "未達成"], "not-applicable": ["－", "対象外"]}


def answers(src, dst, date1904, marks=False):
    rows = rows_of(src)
    if marks:
        st = rows[0].index("status")
        for n, r in enumerate(rows[1:]):
            if r[st] in MARKS:
                r[st] = MARKS[r[st]][n % len(MARKS[r[st]])]
    wb = openpyxl.Workbook()
    if date1904:
        wb.epoch = openpyxl.utils.datetime.CALENDAR_MAC_1904
    ws = wb.active
    ws.title = "answers"
    header = rows[0]
    dates = {i for i, h in enumerate(header) if h in ("assessed_on", "expires_on")}
    for r in rows:
        out = []
        for i, v in enumerate(r):
            if i in dates and r is not rows[0] and v:
                v = datetime.date.fromisoformat(v)
            out.append(v if v != "" else None)
        ws.append(out)
        if r is not rows[0]:
            for i in dates:
                c = ws.cell(row=ws.max_row, column=i + 1)
                if c.value is not None:
                    c.number_format = "yyyy/m/d"
    wb.save(dst)


def main(argv):
    if len(argv) >= 3 and argv[0] == "ipa":
        ipa(argv[1], argv[2], "--notes-first" in argv[3:], "--blank-first" in argv[3:])
    elif len(argv) >= 3 and argv[0] == "answers":
        answers(argv[1], argv[2], "--1904" in argv[3:], "--marks" in argv[3:])
    else:
        sys.stderr.write(__doc__)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
