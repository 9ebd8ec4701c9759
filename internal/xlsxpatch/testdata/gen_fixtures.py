"""Writes openpyxl.xlsx, the original workbook the patch tests start from.

Run with /usr/bin/python3 (openpyxl 3.0.9); gen_fixtures.sh then converts it
with LibreOffice and gnumeric so the tests see each writer's own XML.
It has what a county workbook has and what patching can break: number
formats, merged cells, column widths, formulas, an existing note on a cell
the tests mark again, a filter and a print area (defined names local to a
sheet), a selected tab that is not the first sheet.
"""
import datetime
from openpyxl import Workbook
from openpyxl.comments import Comment
from openpyxl.styles import Font, Border, Side, Alignment

wb = Workbook()
info = wb.active
info.title = "基本信息"
info["A1"] = "县（区）"
info["B1"] = "阿城区"
info["A2"] = "年度"
info["B2"] = 2024
info.merge_cells("C1:D2")
info["C1"] = "合并单元格"
info.column_dimensions["A"].width = 18
info.column_dimensions["B"].width = 30

led = wb.create_sheet("资金明细")
led.append(["序号", "项目名称", "金额（万元）", "日期", "占比", "备注"])
thin = Side(style="thin", color="000000")
for i in range(1, 41):
    led.append([i, f"项目{i}", 1000 + i * 12.5, datetime.date(2024, 1 + i % 12, 1 + i % 28), i / 40, None])
    led.cell(row=i + 1, column=3).number_format = "#,##0.00"
    led.cell(row=i + 1, column=4).number_format = "yyyy-mm-dd"
    led.cell(row=i + 1, column=5).number_format = "0.00%"
    led.cell(row=i + 1, column=3).font = Font(name="宋体", bold=True, color="1F4E79")
    led.cell(row=i + 1, column=3).border = Border(left=thin, right=thin, top=thin, bottom=thin)
    led.cell(row=i + 1, column=2).alignment = Alignment(horizontal="center")
led["C43"] = "=SUM(C2:C41)"
led["C43"].number_format = "#,##0.00"
led.column_dimensions["B"].width = 25
led.column_dimensions["C"].width = 16
led.merge_cells("A45:F45")
led["A45"] = "说明：金额单位为万元"
led["C5"].comment = Comment("原有批注：请核对", "县财政局")
led["B9"].comment = Comment("第二条原有批注", "县财政局")
led.auto_filter.ref = "A1:F41"
led.print_area = "A1:F45"
led.freeze_panes = "A2"
wb.active = 1

wb.save("openpyxl.xlsx")
