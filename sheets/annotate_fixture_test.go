package sheets

import (
	"fmt"
	"path/filepath"
	"testing"
	"time"

	"fundcheck/checker"

	"github.com/shopspring/decimal"
	"github.com/xuri/excelize/v2"
)

// Text a county might type that a spreadsheet would run as a formula if it
// were written back as one.
const (
	evilName    = `=HYPERLINK("http://example.com/x","点我")`
	evilCommand = `+cmd|' /C calc'!A0`
)

// countyWorkbook writes a county workbook with the things a copy must keep:
// formulas, number formats (dates, percentages, custom), merges, column
// widths, an existing note, an autofilter and a print area. It has the given
// number of projects and ledger rows.
func countyWorkbook(t testing.TB, dir string, projects, payments int) string {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	must(f.SetSheetName("Sheet1", SheetInfo))
	for _, s := range []string{SheetNotices, SheetProjects, SheetLedger, SheetScores} {
		_, err := f.NewSheet(s)
		must(err)
	}
	pct := 10
	date := 14
	money := "#,##0.00"
	pctStyle, err := f.NewStyle(&excelize.Style{NumFmt: pct})
	must(err)
	dateStyle, err := f.NewStyle(&excelize.Style{NumFmt: date})
	must(err)
	moneyStyle, err := f.NewStyle(&excelize.Style{CustomNumFmt: &money, Font: &excelize.Font{Bold: true, Color: "1F4E79"},
		Border: []excelize.Border{{Type: "bottom", Color: "000000", Style: 2}}})
	must(err)

	info := [][]any{{"项目", "内容"}, {"地区名称", "阿城区"}, {"所属市", "哈尔滨市"}, {"评价年度", 2023},
		{"是否脱贫县", "否"}, {"数据截止日期", time.Date(2023, 12, 25, 0, 0, 0, 0, time.UTC)},
		{"申报县级资金占比", 0.0164}, {"申报总分", 89.34}}
	for i, row := range info {
		must(f.SetSheetRow(SheetInfo, fmt.Sprintf("A%d", i+1), &row))
	}
	must(f.SetCellStyle(SheetInfo, "B6", "B6", dateStyle))
	must(f.SetCellStyle(SheetInfo, "B7", "B7", pctStyle))
	must(f.SetColWidth(SheetInfo, "A", "A", 36))
	must(f.SetColWidth(SheetInfo, "B", "B", 22))
	must(f.AddComment(SheetInfo, excelize.Comment{Cell: "B8", Author: "县财政局", Text: "含加分3分"}))

	must(f.SetSheetRow(SheetNotices, "A1", &[]any{"资金级次", "文号", "金额（万元）", "收到文件日期", "落实到项目日期"}))
	for i := 0; i < 6; i++ {
		r := i + 2
		must(f.SetSheetRow(SheetNotices, fmt.Sprintf("A%d", r), &[]any{"中央", fmt.Sprintf("黑财指（农）〔2023〕%d号", 100+i),
			406.5 + float64(i), time.Date(2022, 12, 15+i, 0, 0, 0, 0, time.UTC), time.Date(2023, 2, 6, 0, 0, 0, 0, time.UTC)}))
		must(f.SetCellStyle(SheetNotices, fmt.Sprintf("D%d", r), fmt.Sprintf("E%d", r), dateStyle))
	}
	must(f.SetCellStr(SheetNotices, "A8", "合计"))
	must(f.SetCellFormula(SheetNotices, "C8", "SUM(C2:C7)"))
	must(f.SetCellStyle(SheetNotices, "C8", "C8", moneyStyle))

	must(f.SetCellStr(SheetProjects, "A1", "阿城区2023年衔接资金项目清单"))
	must(f.MergeCell(SheetProjects, "A1", "F1"))
	must(f.SetSheetRow(SheetProjects, "A2", &[]any{"项目编号", "项目名称", "项目类别", "预算资金（万元）", "资金占比", "是否入库"}))
	for i := 0; i < projects; i++ {
		r := i + 3
		name := fmt.Sprintf("杨树街富勤村第%d屯巷路建设项目", i+1)
		if i == 1 {
			name = evilName
		}
		cat := "产业类"
		if i%3 == 1 {
			cat = ""
		}
		must(f.SetSheetRow(SheetProjects, fmt.Sprintf("A%d", r), &[]any{fmt.Sprintf("XM%03d", i+1), name, cat, 50 + float64(i)*1.25}))
		must(f.SetCellFormula(SheetProjects, fmt.Sprintf("E%d", r), fmt.Sprintf("D%d/SUM($D$3:$D$%d)", r, projects+2)))
		must(f.SetCellStyle(SheetProjects, fmt.Sprintf("E%d", r), fmt.Sprintf("E%d", r), pctStyle))
		must(f.SetCellStr(SheetProjects, fmt.Sprintf("F%d", r), "是"))
	}
	must(f.MergeCell(SheetProjects, "C3", "C4"))
	must(f.SetColWidth(SheetProjects, "B", "B", 44))
	must(f.AutoFilter(SheetProjects, fmt.Sprintf("A2:F%d", projects+2), nil))
	must(f.SetDefinedName(&excelize.DefinedName{Name: "_xlnm.Print_Area", RefersTo: fmt.Sprintf("'项目清单'!$A$1:$F$%d", projects+2), Scope: SheetProjects}))

	must(f.SetSheetRow(SheetLedger, "A1", &[]any{"支付日期", "项目编号", "项目名称", "支付金额（万元）", "凭证号", "收款单位"}))
	for i := 0; i < payments; i++ {
		r := i + 2
		must(f.SetSheetRow(SheetLedger, fmt.Sprintf("A%d", r), &[]any{time.Date(2023, time.Month(1+i%12), 1+i%28, 0, 0, 0, 0, time.UTC),
			fmt.Sprintf("XM%03d", i%max(projects, 1)+1), fmt.Sprintf("杨树街富勤村第%d屯巷路建设项目", i%max(projects, 1)+1),
			1.5 + float64(i%7), fmt.Sprintf("记-%05d", i), evilCommand}))
		must(f.SetCellStyle(SheetLedger, fmt.Sprintf("A%d", r), fmt.Sprintf("A%d", r), dateStyle))
	}
	must(f.SetColWidth(SheetLedger, "C", "C", 40))

	must(f.SetSheetRow(SheetScores, "A1", &[]any{"序号", "指标", "自评得分", "佐证材料"}))
	for i, x := range sampleIndicators() {
		must(f.SetSheetRow(SheetScores, fmt.Sprintf("A%d", i+2), &[]any{x.No, x.Name, x.Self.V.InexactFloat64(), "见附件"}))
	}
	f.SetActiveSheet(2)
	path := filepath.Join(dir, "阿城区2023.xlsx")
	must(f.SaveAs(path))
	return path
}

var indicatorNames = []string{
	"县级履行支出责任情况", "到县衔接资金安排使用的合理性、规范性", "资金落实到项目时间", "项目库建设管理情况",
	"项目绩效管理情况", "信息公开和公告公示制度落实情况", "跟踪督促及发现问题整改情况", "有序推进项目实施等工作情况",
	"预算执行率", "巩固拓展脱贫攻坚成果情况", "分任务资金使用效益", "衔接资金用于产业比例", "统筹整合工作成效",
	"机制创新", "执行中随意调减衔接资金预算", "数据作假", "违规违纪",
}

// sampleIndicators are Acheng's 17 indicators: review and self-scores as in
// RULES.md's worked example.
func sampleIndicators() []checker.IndicatorResult {
	max := []string{"4", "4", "5", "8", "4", "4", "4", "10", "10", "8", "20", "7", "12", "3", "-5", "-10", "-15"}
	score := []string{"4", "4", "3.79", "8", "4", "4", "4", "10", "7.63", "8", "20", "7", "0", "3", "0", "0", "0"}
	self := []string{"4", "4", "5", "8", "4", "4", "4", "10", "8.34", "8", "20", "7", "0", "3", "0", "0", "0"}
	out := make([]checker.IndicatorResult, len(indicatorNames))
	for i, n := range indicatorNames {
		m := checker.Computed
		switch {
		case i == 12:
			m = checker.NotApplicable
		case i == 1 || i >= 13:
			m = checker.Manual
		case i == 3:
			m = checker.Reference
		}
		out[i] = checker.IndicatorResult{No: i + 1, Name: n, Max: decimal.RequireFromString(max[i]),
			Score: decimal.RequireFromString(score[i]), Method: m,
			Self:  checker.Value[decimal.Decimal]{V: decimal.RequireFromString(self[i]), Set: true, At: checker.Ref{Sheet: SheetScores, Row: i + 2, Col: 3}},
			Basis: fmt.Sprintf("第%d项：按评价办法计算，所用数字见对应工作表（示例说明文字较长时应自动换行显示，不应溢出到相邻单元格）。", i+1)}
	}
	return out
}

// sampleReport is a realistic report on countyWorkbook: findings of every
// severity on several sheets, several findings on one cell, findings with
// several cells, a whole column, a whole row, a whole sheet, a sheet the
// workbook lacks, none at all, and text that looks like a formula.
func sampleReport(source string) *checker.Report {
	ref := func(sheet string, row, col int) checker.Ref { return checker.Ref{Sheet: sheet, Row: row, Col: col} }
	r := &checker.Report{
		Source: source, County: "阿城区", City: "哈尔滨市", Year: 2023,
		Indicators: sampleIndicators(),
		Base:       decimal.RequireFromString("84.42"), Normalized: decimal.RequireFromString("95.93"),
		Adjustment: decimal.RequireFromString("3"), Final: decimal.RequireFromString("98.93"), Grade: "A",
		Normalization: "非脱贫县，第13项不适用：84.42 ÷ 88 × 100 = 95.93，加减分 +3.00 后为 98.93。",
		SelfTotal:     checker.Value[decimal.Decimal]{V: decimal.RequireFromString("89.34"), Set: true},
		Overrides:     []string{"第9项本年阈值由 85% 改为 80%（参数!B3）"},
		Findings: []checker.Finding{
			{Code: "ZJ201", Severity: checker.Error, Refs: []checker.Ref{ref(SheetInfo, 7, 2)},
				Message: "申报县级资金占比为 1.64%，按资金下达计算应为 1.65%（81.68 ÷ 4950.68）", Suggestion: "改为 1.65%"},
			{Code: "XM301", Severity: checker.Warning, Refs: []checker.Ref{ref(SheetProjects, 5, 2), ref(SheetProjects, 9, 2)},
				Message: "项目名称重复：第5行与第9行", Suggestion: "合并或说明"},
			{Code: "XM302", Severity: checker.Error, Refs: []checker.Ref{ref(SheetProjects, 5, 2)},
				Message: "项目名称与金额均重复", Suggestion: "删除重复行"},
			{Code: "XM303", Severity: checker.Hint, Refs: []checker.Ref{ref(SheetProjects, 5, 2)}, Message: "同名项目分两期"},
			{Code: "XM304", Severity: checker.Error, Refs: []checker.Ref{ref(SheetProjects, 4, 2)},
				Message: "项目名称 " + evilName + " 不在项目库", Suggestion: evilCommand},
			{Code: "XM305", Severity: checker.Error, Refs: []checker.Ref{ref(SheetProjects, 3, 4)},
				Message: "合计与明细不符", Suggestion: "核对"},
			{Code: "TZ401", Severity: checker.Error, Refs: []checker.Ref{ref(SheetLedger, 12, 2), ref(SheetLedger, 30, 2), ref(SheetProjects, 3, 1)},
				Message: "支付台账中的项目 XM999 不在项目清单中", Suggestion: "补录项目或改正编号"},
			{Code: "TZ401", Severity: checker.Error, Refs: []checker.Ref{ref(SheetLedger, 14, 2)},
				Message: "支付台账中的项目 XM998 不在项目清单中"},
			{Code: "TZ402", Severity: checker.Warning, Refs: []checker.Ref{ref(SheetLedger, 20, 0)}, Message: "凭证号重复（整行）"},
			{Code: "TZ403", Severity: checker.Warning, Refs: []checker.Ref{ref(SheetLedger, 0, 4)}, Message: "支付金额列全部为文本"},
			{Code: "GS108", Severity: checker.Hint, Refs: []checker.Ref{ref(SheetLedger, 1, 4)}, Message: "支付金额（元）已换算为万元"},
			{Code: "GS101", Severity: checker.Error, Refs: []checker.Ref{ref(SheetParams, 0, 0)}, Message: "参数工作表为空"},
			{Code: "DF501", Severity: checker.Warning, Refs: []checker.Ref{ref(SheetScores, 4, 3)},
				Message: "第3项自评 5.00 分，复核 3.79 分", Suggestion: "按复核结果修改"},
			{Code: "DF502", Severity: checker.Error, Refs: []checker.Ref{ref(SheetScores, 0, 0)}, Message: "自评打分表整体有误"},
			{Code: "DF503", Severity: checker.Error, Message: "申报等级与总分不符"},
			{Code: "ZJ202", Severity: checker.Warning, Refs: []checker.Ref{ref(SheetInfo, 8, 2)}, Message: "申报总分 89.34 含加分"},
			{Code: "ZJ203", Severity: checker.Hint, Refs: []checker.Ref{ref(SheetNotices, 2, 4)}, Message: "收到文件53天后才落实到项目"},
		},
	}
	return r
}
