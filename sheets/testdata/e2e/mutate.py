"""Edits a workbook written by sheets.WriteWorkbook the way counties do.

    /usr/bin/python3 mutate.py IN.xlsx OUTDIR EDIT...

Each EDIT names one edit below and is saved as OUTDIR/EDIT.xlsx;
e2e_test.go runs them all and states the findings each must produce. openpyxl (3.0.9) saves without cached formula values and
with its own styles, as a county's tool chain would.
"""
import datetime
import sys

import openpyxl
import openpyxl.utils


def header_col(ws, name, header_row=1):
    for c in ws[header_row]:
        if c.value is not None and str(c.value).startswith(name):
            return c.column
    raise KeyError(name)


def swap_columns(wb):
    ws = wb["支付台账"]
    a, b = header_col(ws, "支付金额"), header_col(ws, "凭证号")
    for row in ws.iter_rows():
        row[a - 1].value, row[b - 1].value = row[b - 1].value, row[a - 1].value


def title_rows(wb):
    ws = wb["项目清单"]
    ws.insert_rows(1, 2)
    ws["A1"] = "样本县2023年衔接资金项目清单"
    ws["A2"] = "单位：万元"


def text_amounts(wb):
    ws = wb["资金下达"]
    col = header_col(ws, "金额")
    for r in range(2, ws.max_row + 1):
        c = ws.cell(r, col)
        if isinstance(c.value, (int, float)):
            c.value = "{:,.2f}万元".format(c.value)
            c.number_format = "@"


def yuan_column(wb):
    ws = wb["支付台账"]
    col = header_col(ws, "支付金额")
    ws.cell(1, col).value = "支付金额（元）"
    for r in range(2, ws.max_row + 1):
        c = ws.cell(r, col)
        if isinstance(c.value, (int, float)):
            c.value = round(c.value * 10000, 2)


def blank_budget(wb):
    ws = wb["项目清单"]
    ws.cell(3, header_col(ws, "预算资金")).value = None


def blank_notice_amount(wb):
    ws = wb["资金下达"]
    ws.cell(2, header_col(ws, "金额")).value = None


def district_level(wb):
    ws = wb["资金下达"]
    col = header_col(ws, "资金级次")
    for r in range(2, ws.max_row + 1):
        if ws.cell(r, col).value == "县级":
            ws.cell(r, col).value = "区级"


def bad_level(wb):
    ws = wb["资金下达"]
    ws.cell(2, header_col(ws, "资金级次")).value = "乡级"


def wrong_subtotal(wb):
    ws = wb["项目清单"]
    name, budget = header_col(ws, "项目名称"), header_col(ws, "预算资金")
    for r in range(2, ws.max_row + 1):
        if ws.cell(r, name).value == "产业类项目合计":
            ws.cell(r, budget).value = ws.cell(r, budget).value + 1
            return
    raise KeyError("产业类项目合计")


def repeat_voucher(wb):
    ws = wb["支付台账"]
    col = header_col(ws, "凭证号")
    ws.cell(3, col).value = ws.cell(2, col).value


def unknown_project(wb):
    ws = wb["支付台账"]
    ws.cell(2, header_col(ws, "项目编号")).value = "XM2023-999"
    ws.cell(2, header_col(ws, "项目名称")).value = "清单外的道路硬化项目"


def date_2022(wb):
    ws = wb["支付台账"]
    c = ws.cell(2, header_col(ws, "支付日期"))
    c.value = c.value.replace(year=2022)


def text_dates(wb):
    ws = wb["支付台账"]
    col = header_col(ws, "支付日期")
    for r in range(2, ws.max_row + 1):
        c = ws.cell(r, col)
        if isinstance(c.value, datetime.datetime):
            c.value = "{}年{}月{}日".format(c.value.year, c.value.month, c.value.day)
            c.number_format = "@"


def bad_date(wb):
    ws = wb["支付台账"]
    ws.cell(2, header_col(ws, "支付日期")).value = "2023年13月5日"


def self_above_max(wb):
    ws = wb["自评打分"]
    ws.cell(3, header_col(ws, "自评得分")).value = 5


def negative_payment(wb):
    ws = wb["支付台账"]
    c = ws.cell(2, header_col(ws, "支付金额"))
    c.value = -c.value


def ledger_total(wb):
    ws = wb["支付台账"]
    total = sum(c.value for c in ws[openpyxl.utils.get_column_letter(header_col(ws, "支付金额"))][1:]
                if isinstance(c.value, (int, float)))
    r = ws.max_row + 1
    ws.cell(r, header_col(ws, "项目名称")).value = "合计"
    ws.cell(r, header_col(ws, "支付金额")).value = round(total + 0.01, 2)


def after_cutoff(wb):
    ws = wb["支付台账"]
    c = ws.cell(ws.max_row, header_col(ws, "支付日期"))
    c.value = datetime.datetime(2023, 12, 28)


def self13_not_poor(wb):
    ws = wb["自评打分"]
    for r in range(2, ws.max_row + 1):
        if ws.cell(r, 1).value == 13:
            ws.cell(r, header_col(ws, "自评得分")).value = 10
            return
    raise KeyError(13)


def info_key_in_yuan(wb):
    ws = wb["基本信息"]
    for r in range(1, ws.max_row + 1):
        if ws.cell(r, 1).value == "上年衔接资金总额（万元）":
            ws.cell(r, 1).value = "上年衔接资金总额（元）"
            ws.cell(r, 2).value = round(ws.cell(r, 2).value * 10000, 2)
            return
    raise KeyError("上年衔接资金总额")


def footnotes(wb):
    for name in ["资金下达", "项目清单", "支付台账"]:
        ws = wb[name]
        r = ws.max_row + 2
        ws.cell(r, 1).value = "注：金额单位为万元，数据来源于财政局。"
        ws.cell(r + 1, 1).value = "填表人：张三"


EDITS = {f.__name__: f for f in [
    swap_columns, title_rows, text_amounts, yuan_column, blank_budget, district_level, bad_level,
    wrong_subtotal, repeat_voucher, unknown_project, date_2022, text_dates, bad_date, self_above_max,
    negative_payment, ledger_total, after_cutoff, self13_not_poor, info_key_in_yuan,
    footnotes, blank_notice_amount,
]}

if __name__ == "__main__":
    src, outdir, edits = sys.argv[1], sys.argv[2], sys.argv[3:]
    for edit in edits:
        book = openpyxl.load_workbook(src)
        EDITS[edit](book)
        book.save("{}/{}.xlsx".format(outdir, edit))
