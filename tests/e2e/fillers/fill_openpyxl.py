"""Fills cells of the first sheet of a workbook with openpyxl and saves it.

Usage: /usr/bin/python3 fill_openpyxl.py in.xlsx out.xlsx cells.json
cells.json: [{"cell": "F7", "kind": "s|n|p|f", "value": ...}] (as fill.bas).
Debian's python3-openpyxl; only /usr/bin/python3 has it here.
"""
import json
import sys

from openpyxl import load_workbook


def main(src, out, spec):
    wb = load_workbook(src)
    ws = wb.worksheets[0]
    with open(spec, encoding="utf-8") as f:
        cells = json.load(f)
    for c in cells:
        cell = ws[c["cell"]]
        kind, value = c["kind"], c["value"]
        if kind == "p":
            cell.value = float(value)
            cell.number_format = "0%"
        elif kind == "n":
            number = float(value)
            cell.value = int(number) if number.is_integer() else number
        else:
            cell.value = value
    wb.save(out)


if __name__ == "__main__":
    main(*sys.argv[1:4])
