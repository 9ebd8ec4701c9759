package checker_test

import (
	"strings"
	"testing"

	"fundcheck/checker"

	"github.com/shopspring/decimal"
)

type findingCase struct {
	name string
	code string
	fire bool // false: a near miss that must not raise code
	mut  func(wb *checker.Workbook)
	// at, when set, is the cell the finding must name first.
	at func(wb *checker.Workbook) checker.Ref
}

func set(v *checker.Value[decimal.Decimal], s string) { v.V, v.Set = d(s), true }

func pay(wb *checker.Workbook, id, amount, when string) {
	at := ref("支付台账", len(wb.Payments)+2, 1)
	wb.Payments = append(wb.Payments, checker.Payment{Date: date(when, at), ProjectID: txt(id, at),
		Amount: num(d(amount), at), Voucher: txt("追加"+itoa(len(wb.Payments)), at)})
}

func itoa(i int) string { return decimal.NewFromInt(int64(i)).String() }

func param(wb *checker.Workbook, key, raw string) {
	row := len(wb.Params) + 2
	p := checker.Param{Key: txt(key, ref("参数", row, 1)), Raw: txt(raw, ref("参数", row, 2))}
	if v, err := decimal.NewFromString(raw); err == nil {
		p.Num = num(v, ref("参数", row, 2))
	}
	wb.Params = append(wb.Params, p)
}

// Every finding code of the checker, with a case that raises it and a near
// miss that must not. The base is the consistent county, which raises
// nothing (TestConsistentCounty).
var findingCases = []findingCase{
	{"declared total off by 0.01", checker.CodeFundTotal, true, func(wb *checker.Workbook) { set(&wb.Info.DeclaredTotal, "2000.01") },
		func(wb *checker.Workbook) checker.Ref { return wb.Info.DeclaredTotal.At }},
	{"declared total within rounding", checker.CodeFundTotal, false, func(wb *checker.Workbook) { set(&wb.Info.DeclaredTotal, "2000.004") }, nil},
	// A notice amount blank: the total is unknown, nothing is measured
	// against it (the reader's finding names the cell).
	{"a notice amount blank: no declared-total finding", checker.CodeFundTotal, false, func(wb *checker.Workbook) { wb.Notices[0].Amount.Set = false }, nil},
	{"a notice amount blank: no share finding", checker.CodeLevelShare, false, func(wb *checker.Workbook) { wb.Notices[0].Amount.Set = false }, nil},
	{"a notice amount blank: no budgets-over-funds finding", checker.CodeBudgetOverFunds, false, func(wb *checker.Workbook) { wb.Notices[0].Amount.Set = false }, nil},
	{"a notice amount blank: no execution-rate finding", checker.CodeDeclaredRate, false, func(wb *checker.Workbook) { wb.Notices[0].Amount.Set = false }, nil},
	{"a notice amount blank: no industry share finding", checker.CodeIndustryShare, false, func(wb *checker.Workbook) { wb.Notices[0].Amount.Set = false }, nil},
	{"a level unreadable: shares not compared", checker.CodeLevelShare, false, func(wb *checker.Workbook) {
		wb.Notices[0].Level = checker.Value[checker.Level]{At: wb.Notices[0].Level.At}
	}, nil},
	{"a level unreadable: not taken for a forced share", checker.CodeForcedShare, false, func(wb *checker.Workbook) {
		wb.Notices[0].Level = checker.Value[checker.Level]{At: wb.Notices[0].Level.At}
	}, nil},
	{"central share 50.01%", checker.CodeLevelShare, true, func(wb *checker.Workbook) { set(&wb.Info.DeclaredLevelShare[checker.Central], "0.5001") },
		func(wb *checker.Workbook) checker.Ref { return wb.Info.DeclaredLevelShare[checker.Central].At }},
	{"central share rounds to 50.00%", checker.CodeLevelShare, false, func(wb *checker.Workbook) { set(&wb.Info.DeclaredLevelShare[checker.Central], "0.500049") }, nil},
	{"shares forced to 100%", checker.CodeForcedShare, true, func(wb *checker.Workbook) { achengShares(wb, "0.0164") },
		func(wb *checker.Workbook) checker.Ref { return wb.Info.DeclaredLevelShare[checker.CountyLevel].At }},
	{"shares correctly rounded, adding to 100.01%", checker.CodeForcedShare, false, func(wb *checker.Workbook) { achengShares(wb, "0.0165") }, nil},
	{"shares correctly rounded: no share finding either", checker.CodeLevelShare, false, func(wb *checker.Workbook) { achengShares(wb, "0.0165") }, nil},
	{"notice total row off", checker.CodeNoticeSubtotal, true, func(wb *checker.Workbook) { noticeTotal(wb, "2000.01") }, nil},
	{"notice total row right", checker.CodeNoticeSubtotal, false, func(wb *checker.Workbook) { noticeTotal(wb, "2000") }, nil},
	{"approved the day before receipt", checker.CodeApprovedEarly, true, func(wb *checker.Workbook) { wb.Notices[0].Approved = date("2022-12-19", ref("资金下达", 2, 7)) },
		func(wb *checker.Workbook) checker.Ref { return wb.Notices[0].Approved.At }},
	{"approved the day of receipt", checker.CodeApprovedEarly, false, func(wb *checker.Workbook) { wb.Notices[0].Approved = date("2022-12-20", ref("资金下达", 2, 7)) }, nil},
	{"received two years early", checker.CodeNoticeDate, true, func(wb *checker.Workbook) { wb.Notices[0].Received = date("2021-12-31", ref("资金下达", 2, 6)) },
		func(wb *checker.Workbook) checker.Ref { return wb.Notices[0].Received.At }},
	{"received on the first plausible day", checker.CodeNoticeDate, false, func(wb *checker.Workbook) {
		wb.Notices[0].Received = date("2022-01-01", ref("资金下达", 2, 6))
		wb.Notices[0].Approved = date("2022-01-30", ref("资金下达", 2, 7))
	}, nil},
	{"46 days", checker.CodeNoticeSlow, true, func(wb *checker.Workbook) { wb.Notices[0].Approved = date("2023-02-04", ref("资金下达", 2, 7)) }, nil},
	{"45 days", checker.CodeNoticeSlow, false, func(wb *checker.Workbook) { wb.Notices[0].Approved = date("2023-02-03", ref("资金下达", 2, 7)) }, nil},
	{"county budget key differs from 县级 rows", checker.CodeCountyBudgetSum, true, func(wb *checker.Workbook) {
		wb.Info.CountyBudget = num(d("100.01"), ref("基本信息", 50, 2))
	}, func(wb *checker.Workbook) checker.Ref { return wb.Info.CountyBudget.At }},
	{"county budget key equals 县级 rows", checker.CodeCountyBudgetSum, false, func(wb *checker.Workbook) { set(&wb.Info.CountyBudget, "100") }, nil},

	{"industry subtotal off", checker.CodeProjectSubtotal, true, func(wb *checker.Workbook) { set(&wb.Subtotals[0].Amount, "1400.01") },
		func(wb *checker.Workbook) checker.Ref { return wb.Subtotals[0].Amount.At }},
	{"grand total row off", checker.CodeProjectSubtotal, true, func(wb *checker.Workbook) { set(&wb.Subtotals[3].Amount, "1999") }, nil},
	{"industry subtotal right", checker.CodeProjectSubtotal, false, func(wb *checker.Workbook) { set(&wb.Subtotals[0].Amount, "1400.00") }, nil},
	{"block share wrong", checker.CodeCategoryShare, true, func(wb *checker.Workbook) { set(&wb.Projects[0].Share, "0.71") },
		func(wb *checker.Workbook) checker.Ref { return wb.Projects[0].Share.At }},
	{"subtotal share wrong", checker.CodeCategoryShare, true, func(wb *checker.Workbook) { set(&wb.Subtotals[1].Share, "0.21") }, nil},
	{"a project's own share", checker.CodeCategoryShare, false, func(wb *checker.Workbook) { set(&wb.Projects[0].Share, "0.05") }, nil},
	{"subtotal count wrong", checker.CodeCategoryCount, true, func(wb *checker.Workbook) { wb.Subtotals[0].Count.V = 13 }, nil},
	{"subtotal count right", checker.CodeCategoryCount, false, func(wb *checker.Workbook) { wb.Subtotals[0].Count.V = 14 }, nil},
	{"budgets over the funds", checker.CodeBudgetOverFunds, true, func(wb *checker.Workbook) { set(&wb.Projects[0].Budget, "100.02") }, nil},
	{"budgets over by rounding noise", checker.CodeBudgetOverFunds, false, func(wb *checker.Workbook) { set(&wb.Projects[0].Budget, "100.004") }, nil},
	{"budgets under the funds", checker.CodeBudgetUnderFunds, true, func(wb *checker.Workbook) { set(&wb.Projects[19].Budget, "99.99") }, nil},
	{"budgets under by rounding noise", checker.CodeBudgetUnderFunds, false, func(wb *checker.Workbook) { set(&wb.Projects[19].Budget, "99.996") }, nil},
	{"same name, same amount", checker.CodeDuplicateSame, true, func(wb *checker.Workbook) { wb.Projects[1].Name.V = wb.Projects[0].Name.V },
		func(wb *checker.Workbook) checker.Ref { return wb.Projects[0].Name.At }},
	{"same name but for spaces, same amount", checker.CodeDuplicateSame, true, func(wb *checker.Workbook) { wb.Projects[1].Name.V = " " + wb.Projects[0].Name.V + " " }, nil},
	{"春季 and 秋季", checker.CodeDuplicateSame, false, func(wb *checker.Workbook) {
		rename(wb, "2023年秋季雨露计划补助项目", "2023年春季雨露计划补助项目")
	}, nil},
	{"same name, other amount", checker.CodeDuplicateName, true, func(wb *checker.Workbook) {
		wb.Projects[1].Name.V = wb.Projects[0].Name.V
		set(&wb.Projects[1].Budget, "50")
	}, nil},
	{"春季 and 秋季 are not a duplicate", checker.CodeDuplicateName, false, func(wb *checker.Workbook) {
		rename(wb, "2023年秋季雨露计划补助项目", "2023年春季雨露计划补助项目")
	}, nil},
	{"街 and 街道", checker.CodeNearDuplicate, true, func(wb *checker.Workbook) {
		rename(wb, "杨树街富勤村北兰旗屯巷路建设项目", "杨树街道富勤村北兰旗屯巷路建设项目")
	},
		func(wb *checker.Workbook) checker.Ref { return wb.Projects[0].Name.At }},
	{"镇 and 乡, full-width digits", checker.CodeNearDuplicate, true, func(wb *checker.Workbook) {
		rename(wb, "平山镇2号桥维修项目", "平山乡２号桥维修项目")
	}, nil},
	{"second phase", checker.CodeNearDuplicate, false, func(wb *checker.Workbook) {
		rename(wb, "松峰山镇欧李采摘园区建设项目", "松峰山镇欧李采摘园区建设（二期）项目")
	}, nil},
	{"春季 and 秋季 are not a near duplicate", checker.CodeNearDuplicate, false, func(wb *checker.Workbook) {
		rename(wb, "2023年秋季雨露计划补助项目", "2023年春季雨露计划补助项目")
	}, nil},
	{"north and south", checker.CodeNearDuplicate, false, func(wb *checker.Workbook) {
		rename(wb, "杨树街富勤村北兰旗屯巷路建设项目", "杨树街富勤村南兰旗屯巷路建设项目")
	}, nil},
	{"not in the library", checker.CodeNotInLibrary, true, func(wb *checker.Workbook) { wb.Projects[0].InLibrary.V = false },
		func(wb *checker.Workbook) checker.Ref { return wb.Projects[0].InLibrary.At }},
	{"library not stated", checker.CodeNotInLibrary, false, func(wb *checker.Workbook) { wb.Projects[0].InLibrary = checker.Flag{} }, nil},
	// One blank budget is the reader's finding at that cell; the totals it
	// would spoil are not compared.
	{"a budget blank: no subtotal finding", checker.CodeProjectSubtotal, false, func(wb *checker.Workbook) { wb.Projects[0].Budget.Set = false }, nil},
	{"a budget blank: no share finding", checker.CodeCategoryShare, false, func(wb *checker.Workbook) { wb.Projects[0].Budget.Set = false }, nil},
	{"a budget blank: the count still holds", checker.CodeCategoryCount, false, func(wb *checker.Workbook) { wb.Projects[0].Budget.Set = false }, nil},
	{"a budget blank: no budgets-below-funds finding", checker.CodeBudgetUnderFunds, false, func(wb *checker.Workbook) { wb.Projects[0].Budget.Set = false }, nil},
	{"a budget blank: no industry share finding", checker.CodeIndustryShare, false, func(wb *checker.Workbook) { wb.Projects[0].Budget.Set = false }, nil},
	{"industry share off", checker.CodeIndustryShare, true, func(wb *checker.Workbook) { set(&wb.Info.DeclaredIndustryShare, "0.7001") }, nil},
	{"industry share within rounding", checker.CodeIndustryShare, false, func(wb *checker.Workbook) { set(&wb.Info.DeclaredIndustryShare, "0.70004") }, nil},

	{"payment to an unknown number", checker.CodeUnknownProject, true, func(wb *checker.Workbook) { wb.Payments[0].ProjectID.V = "SL-999" },
		func(wb *checker.Workbook) checker.Ref { return wb.Payments[0].ProjectID.At }},
	{"payment to an unknown name", checker.CodeUnknownProject, true, func(wb *checker.Workbook) {
		wb.Payments[0].ProjectID = checker.Text{}
		wb.Payments[0].ProjectName.V = "不存在的项目"
	}, nil},
	{"payment linked by name", checker.CodeUnknownProject, false, func(wb *checker.Workbook) { wb.Payments[0].ProjectID = checker.Text{} }, nil},
	{"paid 0.01 over budget", checker.CodeOverBudget, true, func(wb *checker.Workbook) { pay(wb, "SL-001", "0.01", "2023-06-01") },
		func(wb *checker.Workbook) checker.Ref { return wb.Projects[0].Budget.At }},
	{"paid over budget by less than 0.01 万元", checker.CodeOverBudget, false, func(wb *checker.Workbook) { pay(wb, "SL-001", "0.004", "2023-06-01") }, nil},
	{"paid the budget exactly", checker.CodeOverBudget, false, func(wb *checker.Workbook) {
		set(&wb.Payments[0].Amount, "9.99")
		pay(wb, "SL-001", "0.01", "2023-06-01")
	}, nil},
	{"zero payment", checker.CodeNonPositive, true, func(wb *checker.Workbook) { set(&wb.Payments[0].Amount, "0") },
		func(wb *checker.Workbook) checker.Ref { return wb.Payments[0].Amount.At }},
	{"negative payment", checker.CodeNonPositive, true, func(wb *checker.Workbook) { set(&wb.Payments[0].Amount, "-10") }, nil},
	{"smallest payment", checker.CodeNonPositive, false, func(wb *checker.Workbook) { pay(wb, "SL-001", "0.01", "2023-06-01") }, nil},
	{"paid the day after the cut-off", checker.CodePaymentDate, true, func(wb *checker.Workbook) { wb.Payments[199].Date.V = date("2023-12-26", checker.Ref{}).V },
		func(wb *checker.Workbook) checker.Ref { return wb.Payments[199].Date.At }},
	{"paid the year before", checker.CodePaymentDate, true, func(wb *checker.Workbook) { wb.Payments[0].Date.V = date("2022-12-31", checker.Ref{}).V }, nil},
	{"paid on the cut-off day", checker.CodePaymentDate, false, func(wb *checker.Workbook) { wb.Payments[199].Date.V = date("2023-12-25", checker.Ref{}).V }, nil},
	{"voucher twice", checker.CodeRepeatedVoucher, true, func(wb *checker.Workbook) { wb.Payments[1].Voucher.V = wb.Payments[0].Voucher.V },
		func(wb *checker.Workbook) checker.Ref { return wb.Payments[0].Voucher.At }},
	{"voucher blank", checker.CodeRepeatedVoucher, false, func(wb *checker.Workbook) {
		wb.Payments[0].Voucher = checker.Text{}
		wb.Payments[1].Voucher = checker.Text{}
	}, nil},
	{"declared 07-15 spending off", checker.CodeDeclaredSpent, true, func(wb *checker.Workbook) { set(&wb.Info.DeclaredSpentJul, "1200.01") },
		func(wb *checker.Workbook) checker.Ref { return wb.Info.DeclaredSpentJul.At }},
	{"declared cut-off spending off", checker.CodeDeclaredSpent, true, func(wb *checker.Workbook) { set(&wb.Info.DeclaredSpent, "1999.99") }, nil},
	{"no 评价年度: the checkpoints are unknown, not 0001-01-01", checker.CodeDeclaredSpent, false, func(wb *checker.Workbook) {
		wb.Info.Year = checker.Value[int]{}
	}, nil},
	{"declared 10-15 spending within rounding", checker.CodeDeclaredSpent, false, func(wb *checker.Workbook) { set(&wb.Info.DeclaredSpentOct, "1800.004") }, nil},
	{"declared rate 99.99%", checker.CodeDeclaredRate, true, func(wb *checker.Workbook) { set(&wb.Info.DeclaredRate, "0.9999") }, nil},
	{"declared rate rounds to 100%", checker.CodeDeclaredRate, false, func(wb *checker.Workbook) { set(&wb.Info.DeclaredRate, "0.99996") }, nil},
	{"declared balance 0.01", checker.CodeDeclaredBalance, true, func(wb *checker.Workbook) { set(&wb.Info.DeclaredBalance, "0.01") }, nil},
	{"declared balance within rounding", checker.CodeDeclaredBalance, false, func(wb *checker.Workbook) { set(&wb.Info.DeclaredBalance, "0.004") }, nil},
	{"ledger total row off", checker.CodeLedgerSubtotal, true, func(wb *checker.Workbook) { ledgerTotal(wb, "1999.99") }, nil},
	{"ledger total row right", checker.CodeLedgerSubtotal, false, func(wb *checker.Workbook) { ledgerTotal(wb, "2000") }, nil},

	{"self-score above max", checker.CodeSelfOutOfRange, true, func(wb *checker.Workbook) { set(&wb.Scores[1].Self, "4.01") },
		func(wb *checker.Workbook) checker.Ref { return wb.Scores[1].Self.At }},
	{"self-score below 0", checker.CodeSelfOutOfRange, true, func(wb *checker.Workbook) { set(&wb.Scores[1].Self, "-1") }, nil},
	{"partial budget-cut deduction", checker.CodeSelfOutOfRange, true, func(wb *checker.Workbook) { set(&wb.Scores[14].Self, "-3") }, nil},
	{"self-score at max", checker.CodeSelfOutOfRange, false, func(wb *checker.Workbook) { set(&wb.Scores[1].Self, "4") }, nil},
	{"full budget-cut deduction", checker.CodeSelfOutOfRange, false, func(wb *checker.Workbook) { set(&wb.Scores[14].Self, "-5") }, nil},
	{"self-score 0.01 off", checker.CodeSelfDiffers, true, func(wb *checker.Workbook) { set(&wb.Scores[2].Self, "4.99") },
		func(wb *checker.Workbook) checker.Ref { return wb.Scores[2].Self.At }},
	{"self-score rounds to the computed one", checker.CodeSelfDiffers, false, func(wb *checker.Workbook) { set(&wb.Scores[2].Self, "4.995") }, nil},
	{"declared total wrong", checker.CodeDeclaredScore, true, func(wb *checker.Workbook) { set(&wb.Info.DeclaredScore, "90.99") }, nil},
	{"declared total without the adjustments", checker.CodeDeclaredScore, false, func(wb *checker.Workbook) { set(&wb.Info.DeclaredScore, "88") }, nil},
	{"normalisation scales the adjustments", checker.CodeScaledAdjustments, true, func(wb *checker.Workbook) { set(&wb.Info.DeclaredNormalized, "103.41") }, nil},
	{"normalised base without the adjustments", checker.CodeScaledAdjustments, false, func(wb *checker.Workbook) { set(&wb.Info.DeclaredNormalized, "100") }, nil},
	{"normalised score wrong", checker.CodeDeclaredNormal, true, func(wb *checker.Workbook) { set(&wb.Info.DeclaredNormalized, "102") }, nil},
	{"normalised score right", checker.CodeDeclaredNormal, false, func(wb *checker.Workbook) { set(&wb.Info.DeclaredNormalized, "103") }, nil},
	{"grade B for 103", checker.CodeDeclaredGrade, true, func(wb *checker.Workbook) { wb.Info.DeclaredGrade.V = "B" }, nil},
	{"grade unreadable", checker.CodeDeclaredGrade, true, func(wb *checker.Workbook) { wb.Info.DeclaredGrade.V = "甲" }, nil},
	{"grade 优", checker.CodeDeclaredGrade, false, func(wb *checker.Workbook) { wb.Info.DeclaredGrade.V = "优" }, nil},
	{"manual indicator without self-score", checker.CodeMissingSelf, true, func(wb *checker.Workbook) { wb.Scores[1].Self = checker.Value[decimal.Decimal]{} }, nil},
	{"computed indicator without self-score", checker.CodeMissingSelf, false, func(wb *checker.Workbook) { wb.Scores[2].Self = checker.Value[decimal.Decimal]{} }, nil},
	{"row number 18", checker.CodeBadScoreRow, true, func(wb *checker.Workbook) { scoreRow(wb, 18, checker.TaskUnknown, "1") }, nil},
	{"row for indicator 2 twice", checker.CodeBadScoreRow, true, func(wb *checker.Workbook) { scoreRow(wb, 2, checker.TaskUnknown, "4") }, nil},
	{"indicator 11 per task", checker.CodeBadScoreRow, false, func(wb *checker.Workbook) { scoreRow(wb, 11, checker.TaskWorkRelief, "20") }, nil},
	{"indicator 13 scored by a non-poverty county", checker.CodeSelfNotApplicable, true, func(wb *checker.Workbook) { wb.Scores[12].Self = num(d("10"), ref("自评打分", 14, 4)) }, nil},
	{"indicator 13 left blank", checker.CodeSelfNotApplicable, false, func(wb *checker.Workbook) {}, nil},

	{"parameter overridden", checker.CodeParamOverride, true, func(wb *checker.Workbook) { param(wb, "指标3满分天数", "50") },
		func(wb *checker.Workbook) checker.Ref { return wb.Params[0].Raw.At }},
	{"unknown parameter is not an override", checker.CodeParamOverride, false, func(wb *checker.Workbook) { param(wb, "指标3满分日数", "50") }, nil},
	{"unknown parameter", checker.CodeParamUnknown, true, func(wb *checker.Workbook) { param(wb, "指标3满分日数", "50") }, nil},
	{"known parameter with a space", checker.CodeParamUnknown, false, func(wb *checker.Workbook) { param(wb, "指标3 满分天数", "50") }, nil},
	{"days not whole", checker.CodeParamBadValue, true, func(wb *checker.Workbook) { param(wb, "指标3满分天数", "45.5") }, nil},
	{"full days beyond zero days", checker.CodeParamBadValue, true, func(wb *checker.Workbook) { param(wb, "指标3满分天数", "60") }, nil},
	{"bad checkpoint", checker.CodeParamBadValue, true, func(wb *checker.Workbook) { param(wb, "指标8第一检查日", "七月中旬") }, nil},
	{"no such day", checker.CodeParamBadValue, true, func(wb *checker.Workbook) { param(wb, "指标8第二检查日", "2-30") }, nil},
	{"good checkpoint", checker.CodeParamBadValue, false, func(wb *checker.Workbook) { param(wb, "指标8第一检查日", "7月20日") }, nil},
}

func achengShares(wb *checker.Workbook, county string) {
	for i, a := range []string{"2199", "200", "2084", "386", "81.68"} {
		set(&wb.Notices[i].Amount, a)
	}
	set(&wb.Info.DeclaredLevelShare[checker.Central], "0.4846")
	set(&wb.Info.DeclaredLevelShare[checker.Provincial], "0.4210")
	set(&wb.Info.DeclaredLevelShare[checker.Municipal], "0.0780")
	set(&wb.Info.DeclaredLevelShare[checker.CountyLevel], county)
}

func noticeTotal(wb *checker.Workbook, amount string) {
	wb.Subtotals = append(wb.Subtotals, checker.Subtotal{Table: checker.NoticeTable, Label: txt("合计", ref("资金下达", 7, 1)),
		From: 0, To: len(wb.Notices), Amount: num(d(amount), ref("资金下达", 7, 5))})
}

func ledgerTotal(wb *checker.Workbook, amount string) {
	row := len(wb.Payments) + 2
	wb.Subtotals = append(wb.Subtotals, checker.Subtotal{Table: checker.PaymentTable, Label: txt("合计", ref("支付台账", row, 3)),
		From: 0, To: len(wb.Payments), Amount: num(d(amount), ref("支付台账", row, 4))})
}

func rename(wb *checker.Workbook, a, b string) {
	wb.Projects[0].Name.V, wb.Projects[1].Name.V = a, b
	for i := range wb.Payments {
		wb.Payments[i].ProjectName.V = wb.Projects[i%len(wb.Projects)].Name.V
	}
}

func scoreRow(wb *checker.Workbook, no int, task checker.Task, self string) {
	row := len(wb.Scores) + 2
	wb.Scores = append(wb.Scores, checker.ScoreRow{No: checker.Value[int]{V: no, Set: true, At: ref("自评打分", row, 1)},
		Task: checker.Value[checker.Task]{V: task, Set: task != checker.TaskUnknown, At: ref("自评打分", row, 3)},
		Self: num(d(self), ref("自评打分", row, 4))})
}

func TestFindings(t *testing.T) {
	for _, c := range findingCases {
		t.Run(c.code+" "+c.name, func(t *testing.T) {
			wb := county(20, 200, false)
			c.mut(wb)
			rep := checker.Check(wb)
			var hit *checker.Finding
			for i, f := range rep.Findings {
				if f.Code == c.code {
					hit = &rep.Findings[i]
					break
				}
			}
			if !c.fire {
				if hit != nil {
					t.Fatalf("near miss raised %s: %s", c.code, hit.Message)
				}
				return
			}
			if hit == nil {
				for _, f := range rep.Findings {
					t.Logf("%s %s", f.Code, f.Message)
				}
				t.Fatalf("%s not raised", c.code)
			}
			rule, ok := checker.LookupRule(c.code)
			if !ok || hit.Severity != rule.Severity {
				t.Errorf("severity %v, rule %v (%v)", hit.Severity, rule.Severity, ok)
			}
			if hit.Message == "" || len(hit.Refs) == 0 {
				t.Errorf("finding without message or cell: %+v", hit)
			}
			if c.at != nil && hit.Refs[0] != c.at(wb) {
				t.Errorf("first cell %v, want %v", hit.Refs[0], c.at(wb))
			}
			if len(hit.Refs) > 0 && !strings.Contains(hit.Message, hit.Refs[0].String()) &&
				!strings.Contains(hit.Message, "第"+itoa(hit.Refs[0].Row)+"行") {
				t.Errorf("message does not say where (%v): %s", hit.Refs[0], hit.Message)
			}
		})
	}
}

// Every checker code has a case that raises it and one that must not.
func TestFindingCasesCoverRegistry(t *testing.T) {
	fire, miss := map[string]bool{}, map[string]bool{}
	for _, c := range findingCases {
		if c.fire {
			fire[c.code] = true
		} else {
			miss[c.code] = true
		}
	}
	for _, r := range checker.Rules() {
		if strings.HasPrefix(r.Code, "GS") {
			continue // the reader's codes
		}
		if !fire[r.Code] || !miss[r.Code] {
			t.Errorf("%s %s: firing case %v, near miss %v", r.Code, r.Title, fire[r.Code], miss[r.Code])
		}
	}
}

func TestRulesRegistry(t *testing.T) {
	rs := checker.Rules()
	for i, r := range rs {
		if i > 0 && rs[i-1].Code >= r.Code {
			t.Errorf("rules not sorted or repeated at %s", r.Code)
		}
		if r.Severity < checker.Error || r.Severity > checker.Hint || r.Title == "" || len([]rune(r.Explain)) < 20 {
			t.Errorf("rule %s incomplete: %+v", r.Code, r)
		}
		if got, ok := checker.LookupRule(r.Code); !ok || got.Code != r.Code {
			t.Errorf("LookupRule(%s) = %v, %v", r.Code, got, ok)
		}
	}
	if _, ok := checker.LookupRule("XX999"); ok {
		t.Error("LookupRule found an unknown code")
	}
}

// Payments to one unknown project make one finding that lists them all.
func TestUnknownProjectsGrouped(t *testing.T) {
	wb := county(20, 200, false)
	for _, i := range []int{0, 20, 40} {
		wb.Payments[i].ProjectID.V = "SL-999"
	}
	wb.Payments[1].ProjectID.V = "SL-998"
	rep := checker.Check(wb)
	var msgs []string
	for _, f := range rep.Findings {
		if f.Code == checker.CodeUnknownProject {
			msgs = append(msgs, f.Message)
			if strings.Contains(f.Message, "SL-999") && (len(f.Refs) != 3 || !strings.Contains(f.Message, "3笔，合计30.00万元")) {
				t.Errorf("refs %v: %s", f.Refs, f.Message)
			}
		}
	}
	if len(msgs) != 2 {
		t.Errorf("findings %q, want one for SL-999 and one for SL-998", msgs)
	}
	if !strings.Contains(rep.Indicators[3].Basis, "4笔支付对应不到项目清单") {
		t.Errorf("indicator 4 basis: %s", rep.Indicators[3].Basis)
	}
}

// A ledger 编号 column cannot link when the project list has no numbers:
// names link instead.
func TestLedgerLinksByNameWithoutProjectNumbers(t *testing.T) {
	wb := county(20, 200, false)
	for i := range wb.Projects {
		wb.Projects[i].ID = checker.Text{}
	}
	if rep := checker.Check(wb); len(rep.Findings) != 0 {
		t.Errorf("findings: %v", rep.Findings)
	}
}

// A payment whose date cannot be read is left out of the checkpoint sums
// (reading 2); the declared figures it then disagrees with say so.
func TestUndatedPaymentNamedInSpending(t *testing.T) {
	wb := county(20, 200, false)
	wb.Payments[0].Date = checker.Date{At: wb.Payments[0].Date.At}
	want := "另有1笔支付合计" + wb.Payments[0].Amount.V.StringFixed(2) + "万元日期无法识别，未计入"
	n := 0
	for _, f := range checker.Check(wb).Findings {
		switch f.Code {
		case checker.CodeDeclaredSpent, checker.CodeDeclaredRate, checker.CodeDeclaredBalance:
			n++
			if !strings.Contains(f.Message, want) {
				t.Errorf("%s does not name the undated payment: %s", f.Code, f.Message)
			}
		}
	}
	if n == 0 {
		t.Fatal("no declared-spending finding")
	}
}
