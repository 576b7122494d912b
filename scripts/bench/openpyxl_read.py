#!/usr/bin/env python3
"""Reads every cell of every sheet of every .xlsx in a folder with openpyxl (read-only mode,
the fastest it offers): the comparison point for scripts/bench.sh."""
import os
import sys
import time

import openpyxl


def main():
    folder = sys.argv[1]
    limit = int(sys.argv[2]) if len(sys.argv) > 2 else None
    files = sorted(f for f in os.listdir(folder) if f.endswith(".xlsx"))[:limit]
    started = time.perf_counter()
    cells = 0
    for name in files:
        wb = openpyxl.load_workbook(os.path.join(folder, name), read_only=True, data_only=True)
        for ws in wb.worksheets:
            for row in ws.iter_rows(values_only=True):
                cells += sum(1 for v in row if v is not None)
        wb.close()
    print(f"{len(files)} files, {cells} cells, {time.perf_counter() - started:.3f} s")


if __name__ == "__main__":
    main()
