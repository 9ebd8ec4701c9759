"""Writes the reader's openpyxl fixtures (run with /usr/bin/python3, which has
openpyxl 3.0.9); gen_fixtures.sh then converts report.xlsx with LibreOffice and
gnumeric. The expected models are spelled out in read_test.go.

report.xlsx follows the layout of the Acheng report's own tables: title rows,
a "单位：万元" line, shuffled and unknown columns, the category written once per
block (merged in one block), subtotal rows with formulas that openpyxl leaves
without a cached value (over numeric cells only: spreadsheets skip text in
SUM), amounts typed as "406.00万元", a （元） column,
dates and numbers written in every form a county uses.
"""

import datetime
import os

from openpyxl import Workbook
from openpyxl.styles import Alignment
from openpyxl.utils.datetime import CALENDAR_MAC_1904

HERE = os.path.dirname(os.path.abspath(__file__))


def report():
    wb = Workbook()
    ws = wb.active
    ws.title = "基本信息"
    ws.append(["阿城区2023年衔接资金绩效自评基本信息"])
    ws.append(["项目", "内容", "备注"])
    ws.append(["一、基本情况", None])
    ws.append(["地区名称", "阿城区"])
    ws.append(["所属市", "哈尔滨市"])
    ws.append(["评价年度", 2023])
    ws.append(["是否脱贫县", "否"])
    ws.append(["数据截止日期", datetime.date(2023, 12, 25)])
    ws["B8"].number_format = "yyyy-mm-dd"
    # The key says （元）: 816800 yuan is 81.68 万元.
    ws.append(["上年县本级衔接资金预算（元）", 816800])
    ws.append(["上年衔接资金总额（万元）", "5,115.68"])
    ws.append(["上年衔接资金累计支出 （万元）", "5115.68万元"])
    ws.append(["上年产业项目资金（万元）", 3050.9])
    ws.append(["全省7月中旬平均支出进度", 0.5532])
    ws["B13"].number_format = "0.00%"
    ws.append(["全省10月中旬平均支出进度", "78.5%"])
    ws.append(["县级公开", "是"])
    ws.append(["发现问题数", "3个"])
    ws.append(["二、申报数据", None])
    ws.append(["申报产业资金占比", 62.27])
    ws.append(["申报总分", 89.34])
    ws.append(["申报等级", "优"])

    ws = wb.create_sheet("资金下达")
    ws.append(["阿城区2023年衔接资金下达情况"])
    ws.append(["单位：万元"])
    ws.append(["文号", "资金级次", "金额\n（万元）", "收到文件日期", "落实到项目日期", "任务类型", "备注"])
    ws.append(["哈财指（农）〔2022〕301号", "中央财政", "118.00万元", "2022-12-15", "2023/1/4", "少数民族", None])
    ws.append(["哈财指（农）〔2023〕6号", "省级", "2,281.00", "2023.2.7", "2023年2月7日", None, None])
    ws.append(["哈财指（农）〔2023〕12号", "市", "４０６", "20230207", datetime.date(2023, 3, 1), "以工代赈", None])
    ws["E6"].number_format = "yyyy/m/d"
    ws.append([None, "区本级", 81.68, None, None, None, "县级预算"])
    ws.append([None, "合计", "=SUM(C4:C7)", None, None, None, None])

    ws = wb.create_sheet("项目清单")
    ws.append(["阿城区2023年衔接资金项目清单"])
    ws.append(["单位：万元"])
    ws.append(["项目类别", "项目名称", "预算资金（万元）", "资金占比", "是否入库", "序号"])
    ws.append(["产业类项目", "交界街博碾村秸秆打包机采购项目", "406.00万元", "62.27%", "是", 1])
    ws.append([None, "双丰街椴树村水稻加工项目", 650, None, "√", 2])
    ws.append([None, "小岭街西川村烘干塔续建项目", "110.00", None, "有", 3])
    ws.append(["产业类项目合计", None, 1166, None, None, None])
    ws.append(["基础设施类", "北红村产业项目园区道路硬化工程", 3699.99, 0.3653, "否", 4])
    ws["D8"].number_format = "0.00%"
    ws.append([None, "松峰山镇松峰村三清屯路边沟建设项目", 128.3, None, "是", 5])
    ws.append([None, "料甸街民生村道路工程", 1019.7, None, "Y", 6])
    ws.merge_cells("A8:A10")
    ws["A8"].alignment = Alignment(vertical="center")
    ws.append(["基础设施类项目合计", None, "=SUM(C8:C10)", None, None, None])
    ws.append(["其他", "2023年秋季雨露计划补助项目", 3.15, 1.2, "是", 7])
    ws.append([None, "2023年衔接资金项目管理费项目", 38.18, None, "是", 8])
    ws.append(["其他类项目合计", None, 41.33, None, None, None])
    ws.append(["资金总额", None, "=C7+C11+C14", "100%", None, None])

    ws = wb.create_sheet("支付台账")
    ws.append(["收款单位", "支付日期", "项目名称", "支付金额（元）", "凭证号"])
    ws.append(["阿城区交界街道办事处", datetime.date(2023, 3, 15), "交界街博碾村秸秆打包机采购项目", 4060000, "记-001"])
    ws["B2"].number_format = "yyyy年m月d日"
    # A date pasted as its serial number, formatted General.
    ws.append(["阿城区双丰街道办事处", 45120, "双丰街椴树村水稻加工项目", "3,000,000", "记-002"])
    ws.append([None, "2023-07-20", "2023年衔接资金项目管理费项目", 381800, None])
    ws.append([])  # a blank row: no row element at all
    ws.append([None, "合计", None, "=SUM(D2:D4)", None])

    ws = wb.create_sheet("自评打分")
    ws.append(["阿城区2023年财政衔接推进乡村振兴补助资金绩效得分明细表"])
    ws.append(["序号", "指标", "指标分值", "自评得分", "佐证材料", "任务类型"])
    ws.append([None, "合计", None, 89.34, None, None])
    ws.append(["（一）", "资金保障", "8分", 8, None, None])
    names = ["区级履行支出责任情况", "到区衔接资金安排使用的合理性、规范性", "资金落实到项目时间",
             "项目库建设管理情况", "项目绩效管理情况", "信息公开和公告公示制度落实情况",
             "跟踪督促及发现问题整改情况", "有序推进项目实施等工作情况", "预算执行率",
             "巩固拓展脱贫攻坚成果情况", "资金使用效益", "衔接资金用于产业比例", "统筹整合工作成效",
             "机制创新", "执行中随意调减衔接资金预算", "数据作假", "违法违纪"]
    selfs = [4, 4, 5, 8, 4, 4, 4, 10, 8.34, 8, 20, 7, 3, 3, None, "0", -5]
    for i, (n, s) in enumerate(zip(names, selfs), start=1):
        ws.append([i, n, None, s, "佐证%d" % i if i < 3 else None, None])
    ws.append([11, "资金使用效益", None, "15分", None, "以工代赈"])

    ws = wb.create_sheet("参数")
    ws.append(["参数", "取值"])
    ws.append(["指标12产业资金目标（2023）", "60%"])
    ws.append(["指标3满分天数", 45])
    ws.append(["说明", "按省厅通知"])

    wb.create_sheet("说明").append(["本工作簿仅用于测试"])
    wb.save(os.path.join(HERE, "report.xlsx"))


def dates1904():
    """The Mac date system: serials count from 1904-01-01."""
    wb = Workbook()
    wb.epoch = CALENDAR_MAC_1904
    wb.remove(wb.active)
    for name, head in [("基本信息", ["项目", "内容"]), ("项目清单", ["项目名称", "项目类别", "预算资金"]),
                       ("自评打分", ["序号", "自评得分"])]:
        wb.create_sheet(name).append(head)
    wb["基本信息"].append(["数据截止日期", datetime.date(2023, 12, 25)])
    wb["基本信息"]["B2"].number_format = "yyyy-mm-dd"
    ws = wb.create_sheet("资金下达")
    ws.append(["资金级次", "金额", "收到文件日期", "落实到项目日期"])
    ws.append(["中央", 100, datetime.date(2022, 12, 15), datetime.date(2023, 1, 4)])
    ws["C2"].number_format = "yyyy-mm-dd"
    ws["D2"].number_format = "yyyy/m/d"
    ws = wb.create_sheet("支付台账")
    ws.append(["支付日期", "项目名称", "支付金额"])
    ws.append([datetime.date(2023, 3, 15), "甲", 1])
    ws["A2"].number_format = "yyyy年m月d日"
    # 2023-02-07 as a 1904 serial, pasted into a General cell.
    ws.append([43502, "乙", 2])
    wb.save(os.path.join(HERE, "dates1904.xlsx"))


def headers_only():
    wb = Workbook()
    heads = {
        "基本信息": ["项目", "内容"],
        "资金下达": ["资金级次", "任务类型", "文号", "文件名称", "金额（万元）", "收到文件日期", "落实到项目日期"],
        "项目清单": ["项目编号", "项目名称", "项目类别", "任务类型", "实施地点", "预算资金（万元）", "资金占比"],
        "支付台账": ["支付日期", "项目编号", "项目名称", "支付金额（万元）", "凭证号", "收款单位"],
        "自评打分": ["序号", "指标", "任务类型", "自评得分", "佐证材料"],
    }
    wb.remove(wb.active)
    for name, head in heads.items():
        wb.create_sheet(name).append(head)
    wb.save(os.path.join(HERE, "headers_only.xlsx"))


def missing():
    """Two sheets absent, and required columns missing from two others."""
    wb = Workbook()
    wb.remove(wb.active)
    wb.create_sheet("基本信息").append(["项目", "内容"])
    ws = wb.create_sheet("资金下达")
    ws.append(["资金级次", "文号", "收到文件日期"])
    ws.append(["中央", "x", "2023-01-01"])
    ws = wb.create_sheet("项目清单")
    ws.append(["项目清单"])
    ws.append(["项目名称", "类别", "金额合计"])
    ws.append(["某项目", "产业", 10])
    wb.create_sheet("Sheet3")
    wb.save(os.path.join(HERE, "missing.xlsx"))


if __name__ == "__main__":
    report()
    dates1904()
    headers_only()
    missing()
