package sample_test

import (
	"fmt"

	"fundcheck/internal/sample"
)

func ExampleCounty() {
	wb := sample.County(2023, sample.CountyOptions{Name: "示例县", Projects: 36, Payments: 150})
	fmt.Println(wb.Info.County.V, wb.Info.Year.V, len(wb.Projects), "个项目", len(wb.Payments), "笔支付")
	fmt.Println("资金总额", wb.Info.DeclaredTotal.V.StringFixed(2), "万元，支出", wb.Info.DeclaredSpent.V.StringFixed(2), "万元")
	// Output:
	// 示例县 2023 36 个项目 150 笔支付
	// 资金总额 3900.38 万元，支出 3877.78 万元
}
