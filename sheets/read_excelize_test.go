package sheets

import (
	"path/filepath"
	"slices"
	"testing"

	"github.com/xuri/excelize/v2"
)

// writeBook writes a workbook with excelize: rows of cells per sheet, then
// whatever else setup does (styles, merges, formulas).
func writeBook(t *testing.T, rows map[string][][]any, setup func(f *excelize.File)) string {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	for _, name := range []string{SheetInfo, SheetNotices, SheetProjects, SheetLedger, SheetScores} {
		if _, err := f.NewSheet(name); err != nil {
			t.Fatal(err)
		}
		for i, row := range rows[name] {
			cell, _ := excelize.CoordinatesToCellName(1, i+1)
			if err := f.SetSheetRow(name, cell, &row); err != nil {
				t.Fatal(err)
			}
		}
	}
	if err := f.DeleteSheet("Sheet1"); err != nil {
		t.Fatal(err)
	}
	if setup != nil {
		setup(f)
	}
	path := filepath.Join(t.TempDir(), "excelize.xlsx")
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	return path
}

func style(t *testing.T, f *excelize.File, s *excelize.Style) int {
	t.Helper()
	id, err := f.NewStyle(s)
	if err != nil {
		t.Fatal(err)
	}
	return id
}

// A workbook written by excelize in the 1904 date system, full of what a
// county gets wrong: every problem is a finding at its cell, and the rest is
// read.
func TestReadExcelizeWritten(t *testing.T) {
	rows := map[string][][]any{
		SheetInfo: {
			{"项目", "内容"},
			{"地区名称", nil},
			{"评价年度", "二〇二三"},
			{"是否脱贫县", "可能"},
			{"数据截止日期", "2023-13-45"},
			{"1.上年县本级衔接资金预算（万元）", 80},
			{"县本级衔接资金预算（万元）", nil}, // formula below
			{"申报预算执行率", 1.02},      // formatted as a percentage below
			{"申报中央资金占比", "48.46"},
			{"上年衔接资金总额（万元）", "—"},
			{"上年产业项目资金（万元）", "3050.9"},
			{"脱贫人口人均可支配收入（元）", "12,345元"},
		},
		SheetNotices: {
			{"资金级次", "金额（万元）", "收到文件日期", "落实到项目日期"},
			{"县级", 81.68, nil, nil},
			{"中央", 100, nil, "2023-02-07"},
			{"乡镇级", "abc", 43502, 43502},
			{"省级", nil, "2023/2/7", "2023/2/8"},
		},
		SheetProjects: {
			{"项目编号", "项目名称", "类别", "任务", "预算资金", "是否入库", "劳务报酬（万元）"},
			{1, "A项目", nil, "国有林场", "-5", true, "1.5万元"},
			{2, "B项目", "交通类", nil, 10, "是的", nil},
			{3, "C项目", "产业", "以工代赈", 20, "否", nil},
			{4, "D项目", nil, nil, 30, "待定", nil},
			{5, "E项目", nil, nil, nil, nil, nil},
			{nil, "小计", nil, nil, 55, nil, nil},
		},
		SheetLedger: {
			{"拨付日期", "编号", "名称", "拨付金额", "凭证号"},
			{43502, "1", nil, 1, "记-1"},
			{nil, nil, nil, "—", "记-2"},
			{"2023/2/30", nil, "B项目", 2, "记-3"},
			{nil, nil, nil, "—", "／"}, // blank marks only: a blank row
		},
		SheetScores: {
			{"序号", "自评得分"},
			{1, 4},
			{18, 1},
			{2, "很好"},
			{15, nil},
		},
	}
	path := writeBook(t, rows, func(f *excelize.File) {
		yes := true
		if err := f.SetWorkbookProps(&excelize.WorkbookPropsOptions{Date1904: &yes}); err != nil {
			t.Fatal(err)
		}
		dateStyle := style(t, f, &excelize.Style{NumFmt: 14})
		for _, c := range []string{"C4", "D4"} {
			if err := f.SetCellStyle(SheetNotices, c, c, dateStyle); err != nil {
				t.Fatal(err)
			}
		}
		if err := f.SetCellStyle(SheetLedger, "A2", "A2", dateStyle); err != nil {
			t.Fatal(err)
		}
		pct := style(t, f, &excelize.Style{NumFmt: 10})
		if err := f.SetCellStyle(SheetInfo, "B8", "B8", pct); err != nil {
			t.Fatal(err)
		}
		// excelize stores no result for a formula it writes.
		if err := f.SetCellFormula(SheetInfo, "B7", "B6+1.68"); err != nil {
			t.Fatal(err)
		}
		// D项目 and E项目 share C项目's merged category cell, and D项目
		// its merged task cell (a blank task would be 巩固拓展…).
		if err := f.MergeCell(SheetProjects, "C4", "C6"); err != nil {
			t.Fatal(err)
		}
		if err := f.MergeCell(SheetProjects, "D4", "D5"); err != nil {
			t.Fatal(err)
		}
	})
	wb, err := Read(path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	f := fields(dump(wb))
	for path, want := range map[string]string{
		".Info.LastCountyBudget":      "80 @基本信息!B6",
		".Info.CountyBudget":          "81.68 @基本信息!B7",
		".Info.DeclaredRate":          "1.02 @基本信息!B8",
		".Info.DeclaredLevelShare[1]": "0.4846 @基本信息!B9",
		".Info.LastTotal":             "unset @基本信息!B10",
		".Info.LastIndustry":          "3050.9 @基本信息!B11",
		".Info.IncomePoor":            "12345 @基本信息!B12",
		".Info.County":                "unset @基本信息!B2",
		".Info.Year":                  "unset @基本信息!B3",
		".Notices[0].Level":           "县级 @资金下达!A2",
		".Notices[2].Received":        "2023-02-07 @资金下达!C4", // 1904 serial, date format
		".Notices[2].Approved":        "2023-02-07 @资金下达!D4", // 1904 serial, General
		".Notices[3].Amount":          "unset @资金下达!B5",
		".Projects[0].ID":             "1 @项目清单!A2",
		".Projects[0].Category":       "unset @项目清单!C2",
		".Projects[0].Task":           "欠发达国有林场巩固提升 @项目清单!D2",
		".Projects[0].Budget":         "-5 @项目清单!E2",
		".Projects[0].InLibrary":      "true @项目清单!F2",
		".Projects[0].Labour":         "1.5 @项目清单!G2",
		".Projects[1].Category":       "unset @项目清单!C3",
		".Projects[1].InLibrary":      "true @项目清单!F3",
		".Projects[2].Category":       "产业类 @项目清单!C4",
		".Projects[2].Task":           "以工代赈 @项目清单!D4",
		".Projects[3].Category":       "产业类 @项目清单!C5",
		".Projects[3].Task":           "以工代赈 @项目清单!D5",
		".Projects[4].Task":           "巩固拓展脱贫攻坚成果和乡村振兴 @项目清单!D6",
		".Projects[4].Category":       "产业类 @项目清单!C6",
		".Subtotals[0].Label":         "小计 @项目清单!B7",
		".Subtotals[0].From":          "0",
		".Subtotals[0].To":            "5",
		".Subtotals[0].Amount":        "55 @项目清单!E7",
		".Payments[0].Date":           "2023-02-07 @支付台账!A2",
		".Payments[0].ProjectID":      "1 @支付台账!B2",
		".Payments[1].Amount":         "unset @支付台账!D3",
		".Payments[2].Date":           "unset @支付台账!A4",
		".Scores[0].Self":             "4 @自评打分!B2",
		".Scores[1].No":               "unset @自评打分!A3",
		".Scores[2].Self":             "unset @自评打分!B4",
		".Scores[3].No":               "15 @自评打分!A5",
		".Scores[3].Self":             "unset @自评打分!B5",
	} {
		if f[path] != want {
			t.Errorf("%s = %q, want %q", path, f[path], want)
		}
	}
	var got []string
	for _, p := range wb.Problems {
		got = append(got, p.Code+" "+p.Refs[0].String())
	}
	want := []string{
		"GS107 基本信息!B2",  // 地区名称 blank
		"GS104 基本信息!B3",  // 二〇二三
		"GS106 基本信息!B4",  // 可能
		"GS105 基本信息!B5",  // 2023-13-45
		"GS107 基本信息!B10", // 上年衔接资金总额 "—"
		"GS103 基本信息",     // 上年衔接资金累计支出 absent
		"GS107 资金下达!C3",  // 中央 without a receipt date
		"GS106 资金下达!A4",  // 乡镇级
		"GS104 资金下达!B4",  // abc
		"GS107 资金下达!B5",  // blank amount
		"GS107 项目清单!C2",  // the first category has no row above to take
		"GS106 项目清单!C3",  // 交通类
		"GS106 项目清单!F5",  // 待定
		"GS107 项目清单!E6",  // E项目 without a budget
		"GS107 支付台账!A3",  // no date
		"GS107 支付台账!D3",  // amount "—"
		"GS107 支付台账!C3",  // neither number nor name
		"GS105 支付台账!A4",  // 2023/2/30
		"GS104 自评打分!A3",  // 18
		"GS104 自评打分!B4",  // 很好
	}
	if len(wb.Payments) != 3 {
		t.Errorf("read %d payments, want 3", len(wb.Payments))
	}
	if !slices.Equal(got, want) {
		t.Errorf("problems:\n got  %q\n want %q", got, want)
		for _, p := range wb.Problems {
			t.Log(p.Message)
		}
	}
}
