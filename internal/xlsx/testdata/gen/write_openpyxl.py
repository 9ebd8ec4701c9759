"""Writes the openpyxl-made fixtures of package xlsx (run by make.sh with
/usr/bin/python3, which has openpyxl 3.0.9)."""
import datetime
import sys

import openpyxl
from openpyxl.utils.datetime import CALENDAR_MAC_1904


def write(name, date1904):
    wb = openpyxl.Workbook()
    if date1904:
        wb.epoch = CALENDAR_MAC_1904
    ws = wb.active
    ws.title = "绩效目标"
    ws.append(["指标", "目标值", "完成值", "完成率", "日期", "备注"])
    ws.append(["覆盖人口", 1200, 1180, 0.9833, datetime.date(2023, 12, 31), "A&B<C>"])
    ws.append(["资金到位率", 1, 0.95, "=C3/B3", datetime.datetime(2024, 2, 29, 13, 30), None])
    ws.append([])
    ws.append(["合计", "=SUM(B2:B3)", "=SUM(C2:C3)", None, None, "多\n行"])
    for row in ws.iter_rows(min_row=2, max_row=3, min_col=4, max_col=4):
        for c in row:
            c.number_format = "0.00%"
    for row in ws.iter_rows(min_row=2, max_row=3, min_col=5, max_col=5):
        for c in row:
            c.number_format = 'yyyy"年"m"月"d"日" hh:mm'
    ws["B2"].number_format = "#,##0.00_);[Red](#,##0.00)"
    ws.merge_cells("F2:F3")
    ws["H10"] = 12345678901234567890
    ws["H11"] = 0.1 + 0.2
    ws["H12"] = True
    second = wb.create_sheet("基本信息")
    second["A1"] = "县（市、区）"
    second["B1"] = "阿城区"
    second["A3"] = "年度"
    second["B3"] = 2023
    wb.save(name)


write(sys.argv[1], False)
write(sys.argv[2], True)
