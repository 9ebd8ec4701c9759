# Dumps what openpyxl sees in a workbook as JSON: sheet names, data
# validations, frozen panes, and the value, type and number format of the
# cells named on the command line (项目清单!F2 …). Used by external_test.go.
import json, sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
out = {"sheets": wb.sheetnames, "dv": {}, "freeze": {}, "cells": {}}
for ws in wb.worksheets:
    out["dv"][ws.title] = sorted(str(dv.sqref) + " " + str(dv.formula1) for dv in ws.data_validations.dataValidation)
    out["freeze"][ws.title] = ws.freeze_panes
for ref in sys.argv[2:]:
    sheet, c = ref.split("!")
    v = wb[sheet][c].value
    out["cells"][ref] = [type(v).__name__, str(v), wb[sheet][c].number_format]
print(json.dumps(out, ensure_ascii=False))
