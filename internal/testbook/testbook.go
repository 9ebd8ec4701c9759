// Package testbook writes small county workbooks in the standard layout for
// the command line's end-to-end tests: consistent enough to be checked, and
// different from county to county so that their scores differ.
package testbook

import (
	"fmt"
	"strconv"
	"time"

	"fundcheck/sheets"

	"github.com/xuri/excelize/v2"
)

// County says which county workbook to write. N varies the figures.
type County struct {
	Name, City string
	Year       int
	N          int
	// Without leaves out one sheet (a broken workbook).
	Without string
}

// Write writes c's workbook to path.
func Write(path string, c County) error {
	f := excelize.NewFile()
	defer f.Close()
	w := writer{f: f}
	budget := 100 + c.N%7*10
	year := strconv.Itoa(c.Year)
	w.sheet(sheets.SheetInfo, []string{"项目", "内容"}, [][]any{
		{"地区名称", c.Name}, {"所属市", c.City}, {"评价年度", c.Year}, {"是否脱贫县", yesNo(c.N%3 == 0)},
		{"数据截止日期", year + "-12-25"},
		{"上年县本级衔接资金预算（万元）", 8}, {"上年衔接资金总额（万元）", 500},
		{"上年衔接资金累计支出（万元）", 480 + c.N%5*5}, {"上年产业项目资金（万元）", 300},
		{"两年以上结转结余（万元）", c.N % 2}, {"整合资金规模（万元）", 400}, {"整合资金已支出（万元）", 300 + c.N%4*30},
	})
	notices := [][]any{
		{"中央", "巩固拓展脱贫攻坚成果和乡村振兴", "财农〔" + year + "〕1号", "提前下达", budget * 5, year + "-01-10", fmt.Sprintf("%s-02-%02d", year, 1+c.N%27)},
		{"省级", "巩固拓展脱贫攻坚成果和乡村振兴", "财农〔" + year + "〕2号", "第一批", budget * 3, year + "-03-01", fmt.Sprintf("%s-03-%02d", year, 2+c.N%25)},
		{"市级", "以工代赈", "市财〔" + year + "〕3号", "市级配套", budget, year + "-04-01", year + "-04-20"},
		{"县级", "巩固拓展脱贫攻坚成果和乡村振兴", "", "县本级", budget / 10, "", ""},
	}
	total := budget*9 + budget/10
	w.sheet(sheets.SheetNotices, []string{"资金级次", "任务类型", "文号", "文件名称", "金额（万元）", "收到文件日期", "落实到项目日期"}, notices)
	industry := total * 6 / 10
	projects := [][]any{
		{"P1", c.Name + "肉牛养殖产业项目", "产业类", "巩固拓展脱贫攻坚成果和乡村振兴", "一乡", industry, "", "是", "是", "是", "是", "", ""},
		{"P2", c.Name + "村内道路硬化项目", "基础设施类", "巩固拓展脱贫攻坚成果和乡村振兴", "二乡", total - industry - budget, "", "是", "是", "是", "是", "", ""},
		{"P3", c.Name + "以工代赈水渠项目", "基础设施类", "以工代赈", "三乡", budget, "", "是", "是", "是", "是", budget / 5, "是"},
	}
	w.sheet(sheets.SheetProjects, []string{"项目编号", "项目名称", "项目类别", "任务类型", "实施地点", "预算资金（万元）", "资金占比", "是否入库", "绩效目标", "乡级公示", "村级公示", "劳务报酬（万元）", "劳务报酬公示"}, projects)
	spent := []int{industry * 9 / 10, (total - industry - budget) * (8 + c.N%3) / 10, budget}
	var ledger [][]any
	for i, p := range projects {
		date := time.Date(c.Year, time.Month(5+i*2), 10+c.N%10, 0, 0, 0, 0, time.UTC).Format("2006-01-02")
		ledger = append(ledger, []any{date, p[0], p[1], spent[i], fmt.Sprintf("PZ%03d", i+1), "某公司"})
	}
	w.sheet(sheets.SheetLedger, []string{"支付日期", "项目编号", "项目名称", "支付金额（万元）", "凭证号", "收款单位"}, ledger)
	maxima := []int{4, 4, 5, 8, 6, 5, 5, 5, 10, 8, 10, 8, 12, 3, 0, 0, 0}
	var scores [][]any
	for i, m := range maxima {
		scores = append(scores, []any{i + 1, "", "", max(m-(c.N+i)%3, 0), ""})
	}
	w.sheet(sheets.SheetScores, []string{"序号", "指标", "任务类型", "自评得分", "佐证材料"}, scores)
	if c.Without != "" {
		if err := f.DeleteSheet(c.Without); err != nil {
			return err
		}
	}
	if err := f.DeleteSheet("Sheet1"); err != nil {
		return err
	}
	if w.err != nil {
		return w.err
	}
	return f.SaveAs(path)
}

func yesNo(b bool) string {
	if b {
		return "是"
	}
	return "否"
}

type writer struct {
	f   *excelize.File
	err error
}

func (w *writer) sheet(name string, header []string, rows [][]any) {
	if w.err != nil {
		return
	}
	if _, w.err = w.f.NewSheet(name); w.err != nil {
		return
	}
	hdr := make([]any, len(header))
	for i, h := range header {
		hdr[i] = h
	}
	if w.err = w.f.SetSheetRow(name, "A1", &hdr); w.err != nil {
		return
	}
	for i, r := range rows {
		if w.err = w.f.SetSheetRow(name, "A"+strconv.Itoa(i+2), &r); w.err != nil {
			return
		}
	}
}
