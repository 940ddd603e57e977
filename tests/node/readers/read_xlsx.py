#!/usr/bin/env python3
"""Reads .xlsx files with openpyxl (an independent reader) and prints what
tests/node/xlsx-readers.test.ts asserts, as JSON on stdout:

    python3 read_xlsx.py FILE...  ->  { "<file>": { "sheetnames": [...], "sheets": { ... } } }

Every cell with a value or a style is listed with its value, openpyxl's
data type (a formula would be "f") and its style; merged-away cells are
skipped.
"""
import json
import sys

import openpyxl
from openpyxl.utils import get_column_letter


def color(c):
    if c is None or c.type != "rgb" or not isinstance(c.rgb, str):
        return None
    return c.rgb


def side(s):
    return s.style if s is not None else None


def cell_info(c):
    f, b, a, p = c.font, c.border, c.alignment, c.protection
    fill = c.fill
    return {
        "v": c.value,
        "t": c.data_type,
        "font": f.name,
        "size": f.sz,
        "bold": bool(f.b),
        "italic": bool(f.i),
        "underline": f.u,
        "color": color(f.color),
        "border": [side(b.left), side(b.right), side(b.top), side(b.bottom)],
        "wrap": bool(a.wrap_text),
        "h": a.horizontal,
        "vert": a.vertical,
        "locked": p.locked,
        "fill": color(fill.fgColor) if fill is not None and fill.fill_type == "solid" else None,
        "fmt": c.number_format,
    }


def sheet_info(ws):
    ps = ws.page_setup
    props = ws.sheet_properties
    fit_to_page = bool(props.pageSetUpPr.fitToPage) if props.pageSetUpPr is not None else False
    cells = {}
    for row in ws.iter_rows():
        for c in row:
            if type(c).__name__ == "MergedCell" or (c.value is None and not c.has_style):
                continue
            cells[c.coordinate] = cell_info(c)
    return {
        "state": ws.sheet_state,
        "max_row": ws.max_row,
        "max_column": ws.max_column,
        "freeze_panes": ws.freeze_panes,
        "merges": sorted(str(r) for r in ws.merged_cells.ranges),
        "print": {
            "orientation": ps.orientation,
            "paperSize": None if ps.paperSize is None else int(ps.paperSize),
            "fitToWidth": None if ps.fitToWidth is None else int(ps.fitToWidth),
            "fitToHeight": None if ps.fitToHeight is None else int(ps.fitToHeight),
            "fitToPage": fit_to_page,
            "print_title_rows": ws.print_title_rows,
            "footer": ws.oddFooter.center.text,
            "footer_font": ws.oddFooter.center.font,
            "footer_size": ws.oddFooter.center.size,
        },
        "protection": bool(ws.protection.sheet),
        "validations": [
            {
                "type": dv.type,
                "sqref": str(dv.sqref),
                "formula1": dv.formula1,
                "formula2": dv.formula2,
                "operator": dv.operator,
                "allow_blank": bool(dv.allow_blank),
                "showErrorMessage": bool(dv.showErrorMessage),
                "errorTitle": dv.errorTitle,
                "error": dv.error,
            }
            for dv in ws.data_validations.dataValidation
        ],
        "widths": {
            get_column_letter(i): ws.column_dimensions[get_column_letter(i)].width
            for i in range(1, ws.max_column + 1)
            if get_column_letter(i) in ws.column_dimensions
        },
        "heights": {str(r): d.height for r, d in ws.row_dimensions.items() if d.height is not None},
        # Manual page breaks: <brk id> is the last row of a page.
        "row_breaks": [{"id": b.id, "man": bool(b.man)} for b in ws.row_breaks.brk],
        "cells": cells,
    }


def main(paths):
    out = {}
    for path in paths:
        wb = openpyxl.load_workbook(path)  # formulas kept as formulas, not cached values
        out[path] = {
            "openpyxl": openpyxl.__version__,
            "sheetnames": wb.sheetnames,
            "sheets": {ws.title: sheet_info(ws) for ws in wb.worksheets},
        }
    json.dump(out, sys.stdout, ensure_ascii=False)


if __name__ == "__main__":
    main(sys.argv[1:])
