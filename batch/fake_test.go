package batch

import (
	"errors"
	"path/filepath"
	"strings"

	"fundcheck/checker"
	"fundcheck/sheets"

	"github.com/shopspring/decimal"
)

// fakeChecker stands in for the reader, the checker and the copy writer. The
// file's base name says what happens to it: "bad…" cannot be read, "boom…"
// panics in Check, "ro…" cannot have its copy written, "err…" has an error
// finding; any other file is clean.
func fakeChecker() Checker {
	return Checker{
		Open: func(path string, opt sheets.Options) (Book, error) {
			if strings.HasPrefix(filepath.Base(path), "bad") {
				return nil, &sheets.FileError{Path: path, Problems: []string{"缺少工作表“支付台账”", "缺少工作表“自评打分”"}}
			}
			return fakeBook(path), nil
		},
		Check: func(wb *checker.Workbook) *checker.Report {
			name := filepath.Base(wb.Source)
			if strings.HasPrefix(name, "boom") {
				var r *checker.Report
				_ = r.County // nil dereference, as a bug would
			}
			r := fakeReport(strings.TrimSuffix(name, ".xlsx"))
			if strings.HasPrefix(name, "err") {
				r.Findings = append(r.Findings, checker.Finding{Code: "ZJ201", Severity: checker.Error,
					Refs: []checker.Ref{{Sheet: sheets.SheetNotices, Row: 5, Col: 5}}, Message: "合计不符"})
			}
			return r
		},
	}
}

// fakeBook is an opened workbook by its path.
type fakeBook string

func (b fakeBook) Read() (*checker.Workbook, error) { return &checker.Workbook{Source: string(b)}, nil }

func (b fakeBook) WriteCopy(_ *checker.Report, opt sheets.CopyOptions) (string, error) {
	input := string(b)
	if strings.HasPrefix(filepath.Base(input), "ro") {
		return "", errors.New("权限不足")
	}
	dir := opt.OutDir
	if dir == "" {
		dir = filepath.Dir(input)
	}
	return filepath.Join(dir, strings.TrimSuffix(filepath.Base(input), ".xlsx")+"_审核结果.xlsx"), nil
}

func (fakeBook) Close() error { return nil }

func dec(s string) decimal.Decimal { return decimal.RequireFromString(s) }

// fakeReport is a report in the shape of the Acheng example.
func fakeReport(county string) *checker.Report {
	return &checker.Report{
		Source: county + ".xlsx", County: county, City: "哈尔滨市", Year: 2023,
		Indicators: []checker.IndicatorResult{
			{No: 3, Name: "资金落实到项目时间", Max: dec("5"), Score: dec("3.79"),
				Self: checker.Value[decimal.Decimal]{V: dec("5"), Set: true}, Method: checker.Computed, Basis: "14 个文件平均 35.1 天"},
			{No: 10, Name: "巩固拓展脱贫攻坚成果情况", Max: dec("8"), Score: dec("8"), Method: checker.Manual, Basis: "自评得分"},
			{No: 15, Name: "违规违纪", Max: dec("-10"), Score: dec("0"), Method: checker.Manual, Basis: "无"},
		},
		Base: dec("84.42"), Normalized: dec("95.934"), Adjustment: dec("3"), Final: dec("98.934"), Grade: "A",
		SelfTotal: checker.Value[decimal.Decimal]{V: dec("89.34"), Set: true},
		Findings: []checker.Finding{
			{Code: "DF501", Severity: checker.Warning, Refs: []checker.Ref{{Sheet: sheets.SheetScores, Row: 4, Col: 4}}, Message: "自评 5 分，复核 3.79 分"},
			{Code: "GS108", Severity: checker.Hint, Message: "以元为单位的列已换算为万元"},
		},
	}
}
