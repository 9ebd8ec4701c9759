package sheets_test

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"fundcheck/checker"
	"fundcheck/sheets"

	"github.com/shopspring/decimal"
	"github.com/xuri/excelize/v2"
)

func ExampleWriteSummary() {
	dir, _ := os.MkdirTemp("", "summary")
	defer os.RemoveAll(dir)
	d := decimal.RequireFromString
	entries := []sheets.SummaryEntry{
		{Input: "坏.xlsx", Err: errors.New("缺少工作表“支付台账”")},
		{Input: "阿城区.xlsx", Output: filepath.Join(dir, "阿城区_审核结果.xlsx"), Report: &checker.Report{
			County: "阿城区", City: "哈尔滨市", Year: 2023, Base: d("84.42"), Adjustment: d("3"), Final: d("98.93"), Grade: "A",
			SelfTotal: checker.Value[decimal.Decimal]{V: d("89.34"), Set: true}}},
	}
	path := sheets.SummaryPath(dir, time.Date(2023, 11, 15, 9, 30, 0, 0, time.UTC))
	if err := sheets.WriteSummary(path, entries); err != nil {
		fmt.Println(err)
		return
	}
	f, _ := excelize.OpenFile(path)
	defer f.Close()
	rows, _ := f.GetRows(sheets.SheetSummary)
	fmt.Println(filepath.Base(path))
	for _, row := range rows[:3] {
		fmt.Println(row[:min(len(row), 11)])
	}
	// Output:
	// 审核汇总_20231115-093000.xlsx
	// [地区 所属市 年度 复核总分 折算得分 等级 自评总分 差异（自评−复核加减分后） 错误数 警告数 结果文件]
	// [阿城区 哈尔滨市 2023 84.42 98.93 A 89.34 1.92 0 0 阿城区_审核结果.xlsx]
	// [坏          无法检查：缺少工作表“支付台账”]
}
