#!/usr/bin/env python3
"""Reads the progress sheet of an .xlsx with openpyxl (an independent reader)
as the cells Excel would hold once the file is open, for the stand-in Excel:

    python3 cells_xlsx.py FILE  ->  { "sheet", "date1904", "cells": [[row, col, value, formula, numberFormat, isDate], ...] }

The progress sheet is the first whose cells hold "plan=" and "layout=" and
the table's header ("TT"), as the clerk would have it active in Excel.
`value` is the saved value (data_only), a date or time as Excel's serial
number in the workbook's date system, None where a formula has no saved
value; `formula` is "=..." or None; `isDate` says openpyxl read a date
(a date-formatted number, or an ISO 8601 cell, t="d"); rows and columns
are 1-based.
"""
import datetime
import json
import sys

import openpyxl
from openpyxl.utils.datetime import CALENDAR_MAC_1904, CALENDAR_WINDOWS_1900, to_excel


def main(path):
    values = openpyxl.load_workbook(path, data_only=True)
    formulas = openpyxl.load_workbook(path, data_only=False)
    date1904 = values.epoch == CALENDAR_MAC_1904
    epoch = CALENDAR_MAC_1904 if date1904 else CALENDAR_WINDOWS_1900
    for ws in values.worksheets:
        texts = [c.value for row in ws.iter_rows() for c in row if isinstance(c.value, str)]
        if not any("plan=" in t and "layout=" in t for t in texts) or "TT" not in texts:
            continue
        fws = formulas[ws.title]
        cells = []
        for row in ws.iter_rows():
            for c in row:
                f = fws.cell(row=c.row, column=c.column).value
                formula = f if isinstance(f, str) and f.startswith("=") else None
                v = c.value
                is_date = isinstance(v, (datetime.datetime, datetime.date, datetime.time))
                if is_date:
                    v = to_excel(v, epoch)
                if v is None and formula is None:
                    continue
                cells.append([c.row, c.column, v, formula, c.number_format, is_date])
        print(json.dumps({"sheet": ws.title, "date1904": date1904, "cells": cells}, ensure_ascii=False))
        return
    print(json.dumps({"sheet": None}))


main(sys.argv[1])
