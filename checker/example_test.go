package checker_test

import (
	"fmt"

	"fundcheck/checker"
	"fundcheck/internal/sample"
)

func ExampleCheck() {
	rep := checker.Check(sample.Acheng())
	fmt.Println(rep.County, rep.Year, rep.Final, rep.Grade)
	fmt.Println(rep.Normalization)
	in := rep.Indicators[8]
	fmt.Printf("指标%d %s：%s分（自评%s分）\n", in.No, in.Name, in.Score, in.Self.V)
	fmt.Printf("%d个错误，%d个警告，%d个提示\n", rep.Count(checker.Error), rep.Count(checker.Warning), rep.Count(checker.Hint))
	// Output:
	// 阿城区 2023 98.93 A
	// 指标13不适用（非脱贫县），基础得分84.42÷88×100=95.93，加减分+3，最终98.93
	// 指标9 预算执行率：7.63分（自评8.34分）
	// 2个错误，4个警告，2个提示
}

func ExampleLookupRule() {
	r, ok := checker.LookupRule(checker.CodeForcedShare)
	fmt.Println(ok, r.Code, r.Severity, r.Title)
	_, ok = checker.LookupRule("ZJ999")
	fmt.Println(ok)
	// Output:
	// true ZJ203 错误 资金占比被凑成100%
	// false
}

func ExampleIndicators() {
	for _, in := range checker.Indicators()[:3] {
		fmt.Println(in.No, in.Name, in.Max)
	}
	// Output:
	// 1 县级履行支出责任情况 4
	// 2 到县衔接资金安排使用的合理性、规范性 4
	// 3 资金落实到项目时间 5
}
