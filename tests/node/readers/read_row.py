#!/usr/bin/env python3
"""Reads one row of the first worksheet of each .xlsx with openpyxl (an
independent reader) and prints it as JSON on stdout, for
tests/node/reader-shapes.test.ts:

    python3 read_row.py ROW FIRST_COL LAST_COL FILE...
        ->  { "<file>": { "sheet": "<name>", "values": [...] } | { "error": "<why>" } }

Columns are 1-based numbers. A file openpyxl cannot open is reported with
its error, not raised, so one shape does not hide the others.
"""
import json
import sys
import warnings

import openpyxl


def read_row(path, row, first, last):
    with warnings.catch_warnings():
        # "Workbook contains no default style": expected for a package without styles.
        warnings.simplefilter("ignore")
        try:
            wb = openpyxl.load_workbook(path)
        except Exception as e:  # noqa: BLE001 - every failure is a finding for the test
            return {"error": f"{type(e).__name__}: {e}"}
    ws = wb.worksheets[0]
    return {"sheet": ws.title, "values": [ws.cell(row, c).value for c in range(first, last + 1)]}


def main():
    row, first, last = (int(a) for a in sys.argv[1:4])
    out = {path: read_row(path, row, first, last) for path in sys.argv[4:]}
    json.dump(out, sys.stdout, ensure_ascii=False)


if __name__ == "__main__":
    main()
