package batch_test

import (
	"errors"
	"fmt"
	"strings"

	"fundcheck/batch"
	"fundcheck/checker"
	"fundcheck/sheets"

	"github.com/shopspring/decimal"
)

// A Checker with stand-ins: one file cannot be opened, the other is checked
// and its copy "written".
func ExampleChecker_Run() {
	c := batch.Checker{
		Open: func(path string, _ sheets.Options) (batch.Book, error) {
			if strings.HasSuffix(path, ".xls") {
				return nil, errors.New("这是旧版 .xls 文件，请另存为 .xlsx")
			}
			return book(path), nil
		},
		Check: func(*checker.Workbook) *checker.Report {
			return &checker.Report{County: "阿城区", Year: 2023, Final: decimal.RequireFromString("98.934"), Grade: "A"}
		},
	}
	results := c.Run([]string{"阿城区.xlsx", "旧表.xls"}, batch.Options{Jobs: 2}, nil)
	for _, r := range results {
		fmt.Println(batch.Line(r))
	}
	fmt.Println("exit status", batch.ExitCode(results))
	// Output:
	// 阿城区 2023  最终得分 98.93  等级 A  错误 0  警告 0  提示 0  → 阿城区_审核结果.xlsx
	// 旧表.xls：这是旧版 .xls 文件，请另存为 .xlsx
	// exit status 2
}

// book stands in for a *sheets.Book.
type book string

func (b book) Read() (*checker.Workbook, error) { return &checker.Workbook{Source: string(b)}, nil }

func (b book) WriteCopy(*checker.Report, sheets.CopyOptions) (string, error) {
	return strings.TrimSuffix(string(b), ".xlsx") + "_审核结果.xlsx", nil
}

func (book) Close() error { return nil }
