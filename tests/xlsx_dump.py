#!/usr/bin/python3
"""Dump a workbook as JSON through openpyxl (Debian's python3-openpyxl), an
independent reader of what scsec writes: every sheet's cells, its
validations, protection, freeze panes and the number formats and locks of
its cells (of a cell the file does not hold, its column's). Exit 77 when
openpyxl is missing (the tests then skip)."""
import json
import sys

try:
    import openpyxl
except ImportError:
    sys.exit(77)


def cell_value(v):
    if v is None:
        return ""
    if hasattr(v, "isoformat"):
        return v.isoformat()
    return v if isinstance(v, (int, float)) else str(v)


def main(path):
    wb = openpyxl.load_workbook(path)
    out = {"sheets": []}
    for ws in wb.worksheets:
        rows = []
        cells = []
        # A cell the file does not hold takes its column's style, as in Excel
        # (LibreOffice saves an empty cell's style on its column); openpyxl
        # gives such a cell the default style, and creates it while
        # iterating, so the stored cells are noted first.
        stored = set(getattr(ws, "_cells", {}))
        columns = [d for d in ws.column_dimensions.values() if d.min and d.max]

        def style(c):
            if stored and (c.row, c.column) not in stored:
                for d in columns:
                    if d.min <= c.column <= d.max:
                        return d
            return c
        for row in ws.iter_rows():
            rows.append([cell_value(c.value) for c in row])
            cells.append([{"locked": bool(style(c).protection.locked),
                           "format": style(c).number_format,
                           "wrap": bool(style(c).alignment.wrap_text)} for c in row])
        while rows and all(v == "" for v in rows[-1]):
            rows.pop()
            cells.pop()
        out["sheets"].append({
            "title": ws.title,
            "rows": rows,
            "cells": cells,
            "freeze": ws.freeze_panes,
            "protected": bool(ws.protection.sheet),
            "password": ws.protection.password,
            "format_columns_locked": bool(ws.protection.formatColumns),
            "validations": [{"type": dv.type, "formula1": dv.formula1, "formula2": dv.formula2,
                             "operator": dv.operator, "sqref": str(dv.sqref)}
                            for dv in ws.data_validations.dataValidation],
            "widths": {k: v.width for k, v in ws.column_dimensions.items() if v.width},
        })
    json.dump(out, sys.stdout, ensure_ascii=False)


if __name__ == "__main__":
    main(sys.argv[1])
