#!/bin/sh
# Makes lo_notes.xlsx: a small county workbook whose notes LibreOffice wrote
# (shape ids "shape_0", comments parts numbered by sheet: xl/comments3.xml
# beside xl/drawings/vmlDrawing1.vml), and gn_notes.xlsx, the same re-saved
# by gnumeric. openpyxl writes the notes, LibreOffice and gnumeric re-save
# the file. Needs /usr/bin/python3 with openpyxl, soffice and ssconvert.
set -e
cd "$(dirname "$0")"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
/usr/bin/python3 - "$tmp/lo_notes.xlsx" <<'PY'
import sys
import openpyxl
from openpyxl.comments import Comment
wb = openpyxl.Workbook()
ws = wb.active
ws.title = "基本信息"
for row in [["项目", "内容"], ["地区名称", "阿城区"], ["评价年度", 2023]]:
    ws.append(row)
ws = wb.create_sheet("资金下达")
ws.append(["资金级次", "金额（万元）"])
ws.append(["中央", 406.5])
ws = wb.create_sheet("项目清单")
ws.append(["项目名称", "项目类别", "预算资金（万元）"])
for i in range(1, 6):
    ws.append([f"第{i}号项目", "产业类", 100 + i])
ws["A2"].comment = Comment("县里的备注：已入库", "张三")
ws["C4"].comment = Comment("金额待核", "李四")
ws = wb.create_sheet("支付台账")
ws.append(["支付日期", "项目名称", "支付金额（万元）"])
ws.append(["2023-03-01", "第1号项目", 50])
ws.append(["2023-04-01", "第2号项目", 20])
ws["C3"].comment = Comment("分两次支付", "王五")
wb.save(sys.argv[1])
PY
soffice --headless --convert-to xlsx --outdir "$tmp/lo" "$tmp/lo_notes.xlsx" >/dev/null
cp "$tmp/lo/lo_notes.xlsx" lo_notes.xlsx
ssconvert lo_notes.xlsx gn_notes.xlsx 2>/dev/null
