package sheets_test

import (
	"errors"
	"fmt"

	"fundcheck/sheets"
)

// A workbook laid out like a county's report: title rows, a 单位 line, the
// category written once per block, subtotal rows, amounts typed as
// "406.00万元" and a ledger in yuan.
func ExampleRead() {
	wb, err := sheets.Read("testdata/report.xlsx", sheets.Options{})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(wb.Info.County.V, wb.Info.Year.V, wb.Info.Cutoff.V.Format("2006-01-02"))
	for _, p := range wb.Projects[:3] {
		fmt.Println(p.Category.V, p.Name.V, p.Budget.V, p.Budget.At)
	}
	s := wb.Subtotals[1]
	fmt.Printf("%s: projects %d–%d, declared %s\n", s.Label.V, s.From+1, s.To, s.Amount.V)
	for _, f := range wb.Problems {
		fmt.Println(f.Code, f.Severity, f.Message)
	}

	_, err = sheets.Read("testdata/missing.xlsx", sheets.Options{})
	var fe *sheets.FileError
	if errors.As(err, &fe) {
		for _, p := range fe.Problems {
			fmt.Println(p)
		}
	}
	// Output:
	// 阿城区 2023 2023-12-25
	// 产业类 交界街博碾村秸秆打包机采购项目 406 项目清单!C4
	// 产业类 双丰街椴树村水稻加工项目 650 项目清单!C5
	// 产业类 小岭街西川村烘干塔续建项目 110 项目清单!C6
	// 产业类项目合计: projects 1–3, declared 1166
	// GS108 提示 基本信息!A9“上年县本级衔接资金预算”的单位是（元），已按÷10000换算为万元
	// GS108 提示 支付台账!D1“支付金额”列的单位是（元），已按÷10000换算为万元
	// 缺少工作表“支付台账”
	// 缺少工作表“自评打分”
	// 工作表“资金下达”缺少必需的列：金额（万元）、落实到项目日期
	// 工作表“项目清单”缺少必需的列：预算资金（万元）
}
