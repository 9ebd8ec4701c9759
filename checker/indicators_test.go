package checker_test

import (
	"strings"
	"testing"

	"fundcheck/checker"
)

// mini is the smallest county the indicators can be computed for: one
// notice of 100 万元 (10 days), one industry project of 100, one payment of
// 100 on 2023-06-01, last year fully spent. Cases change what they test.
func mini() *checker.Workbook {
	wb := &checker.Workbook{}
	i := &wb.Info
	var ir infoRow
	i.Year = checker.Value[int]{V: 2023, Set: true, At: ir.next()}
	i.PovertyCounty = yes(false, ir.next())
	i.Cutoff = date("2023-12-25", ir.next())
	i.LastCountyBudget = num(d("0"), ir.next())
	i.LastTotal = num(d("100"), ir.next())
	i.LastSpent = num(d("100"), ir.next())
	i.LastIndustry = num(d("0"), ir.next())
	wb.Notices = []checker.Notice{notice(checker.Central, checker.TaskConsolidate, "100", "2023-01-01", "2023-01-11")}
	wb.Projects = []checker.Project{project("P1", checker.Industry, checker.TaskConsolidate, "100")}
	wb.Payments = nil
	pay(wb, "P1", "100", "2023-06-01")
	return wb
}

func notice(lv checker.Level, task checker.Task, amount, recv, appr string) checker.Notice {
	at := ref("资金下达", 2, 1)
	n := checker.Notice{Level: checker.Value[checker.Level]{V: lv, Set: true, At: at},
		Task: checker.Value[checker.Task]{V: task, Set: true, At: at}, Amount: num(d(amount), at)}
	if recv != "" {
		n.Received, n.Approved = date(recv, at), date(appr, at)
	}
	return n
}

func project(id string, c checker.Category, task checker.Task, budget string) checker.Project {
	at := ref("项目清单", 2, 1)
	return checker.Project{ID: txt(id, at), Name: txt("项目"+id, at),
		Category: checker.Value[checker.Category]{V: c, Set: true, At: at},
		Task:     checker.Value[checker.Task]{V: task, Set: true, At: at}, Budget: num(d(budget), at)}
}

func self(wb *checker.Workbook, no int, s string) { scoreRow(wb, no, checker.TaskUnknown, s) }

// total sets this year's funds to a single notice and one project of amount.
func total(wb *checker.Workbook, amount string) {
	set(&wb.Notices[0].Amount, amount)
	set(&wb.Projects[0].Budget, amount)
}

func payOnly(wb *checker.Workbook, amount, when string) {
	wb.Payments = nil
	pay(wb, "P1", amount, when)
}

func TestIndicatorBoundaries(t *testing.T) {
	cases := []struct {
		name string
		no   int
		mut  func(wb *checker.Workbook)
		want string
	}{
		// 1: county budget growth.
		{"growth exactly 0", 1, func(wb *checker.Workbook) { countyBudget(wb, "100", "100") }, "4"},
		{"1 point below", 1, func(wb *checker.Workbook) { countyBudget(wb, "99", "100") }, "3.5"},
		{"8 points below: floor 0", 1, func(wb *checker.Workbook) { countyBudget(wb, "92", "100") }, "0"},
		{"7.99 points below: 0.005 rounds up", 1, func(wb *checker.Workbook) { countyBudget(wb, "92.01", "100") }, "0.01"},
		{"基本信息 key wins over 县级 rows", 1, func(wb *checker.Workbook) {
			countyBudget(wb, "50", "100")
			set(&wb.Info.CountyBudget, "100")
		}, "4"},
		{"nothing last year", 1, func(wb *checker.Workbook) { countyBudget(wb, "10", "0") }, "4"},
		{"last year's budget missing, self-score stands", 1, func(wb *checker.Workbook) {
			wb.Info.LastCountyBudget.Set = false
			self(wb, 1, "3")
		}, "3"},

		// 3: days from receipt to projects.
		{"45 days", 3, func(wb *checker.Workbook) {
			wb.Notices[0] = notice(checker.Central, 0, "100", "2023-01-01", "2023-02-15")
		}, "5"},
		{"46 days", 3, func(wb *checker.Workbook) {
			wb.Notices[0] = notice(checker.Central, 0, "100", "2023-01-01", "2023-02-16")
		}, "4.67"},
		{"59 days", 3, func(wb *checker.Workbook) {
			wb.Notices[0] = notice(checker.Central, 0, "100", "2023-01-01", "2023-03-01")
		}, "0.33"},
		{"60 days", 3, func(wb *checker.Workbook) {
			wb.Notices[0] = notice(checker.Central, 0, "100", "2023-01-01", "2023-03-02")
		}, "0"},
		{"61 days", 3, func(wb *checker.Workbook) {
			wb.Notices[0] = notice(checker.Central, 0, "100", "2023-01-01", "2023-03-03")
		}, "0"},
		{"amount-weighted", 3, func(wb *checker.Workbook) {
			wb.Notices = append(wb.Notices, notice(checker.Provincial, 0, "300", "2023-01-01", "2023-03-02"))
		}, "1.25"},
		{"county funds have no notice", 3, func(wb *checker.Workbook) {
			wb.Notices = append(wb.Notices, notice(checker.CountyLevel, 0, "300", "", ""))
		}, "5"},
		{"no dates at all: self-score stands", 3, func(wb *checker.Workbook) {
			wb.Notices[0] = notice(checker.Central, 0, "100", "", "")
			self(wb, 3, "4")
		}, "4"},

		// 8: progress at 07-15 (196/365) and 10-15 (288/365).
		{"exactly the time-sequence progress", 8, func(wb *checker.Workbook) { total(wb, "365"); payOnly(wb, "196", "2023-07-15") }, "8.4"},
		{"one day's worth below", 8, func(wb *checker.Workbook) { total(wb, "365"); payOnly(wb, "195", "2023-07-15") }, "8.36"},
		{"paid the day after the checkpoint", 8, func(wb *checker.Workbook) { total(wb, "365"); payOnly(wb, "365", "2023-07-16") }, "5"},
		{"leap year: 07-15 is day 197 of 366", 8, func(wb *checker.Workbook) {
			leapYear(wb)
			total(wb, "366")
			payOnly(wb, "197", "2024-07-15")
		}, "8.41"},
		{"leap year: a day's worth below at 07-15", 8, func(wb *checker.Workbook) {
			leapYear(wb)
			total(wb, "366")
			payOnly(wb, "196", "2024-07-15")
		}, "8.37"},
		{"province average given but not reached, time-sequence reached", 8, func(wb *checker.Workbook) {
			total(wb, "365")
			payOnly(wb, "365", "2023-07-15")
			set(&wb.Info.ProvinceAvgJul, "1")
		}, "10"},
		{"province average reached", 8, func(wb *checker.Workbook) {
			total(wb, "365")
			payOnly(wb, "100", "2023-07-15")
			set(&wb.Info.ProvinceAvgJul, "0.27")
		}, "6.74"},

		// 9: execution this year (85%–100%), last year (95%–100%), old balance.
		{"100% this year", 9, func(wb *checker.Workbook) {}, "10"},
		{"85% this year", 9, func(wb *checker.Workbook) { payOnly(wb, "85", "2023-06-01") }, "5"},
		{"84.99% this year", 9, func(wb *checker.Workbook) { payOnly(wb, "84.99", "2023-06-01") }, "5"},
		{"92.5% this year", 9, func(wb *checker.Workbook) { payOnly(wb, "92.5", "2023-06-01") }, "7.5"},
		{"paid after the cut-off", 9, func(wb *checker.Workbook) { payOnly(wb, "100", "2023-12-26") }, "5"},
		{"95% last year", 9, func(wb *checker.Workbook) { set(&wb.Info.LastSpent, "95") }, "6"},
		{"97.5% last year", 9, func(wb *checker.Workbook) { set(&wb.Info.LastSpent, "97.5") }, "8"},
		{"cut-off before year end: paid by the cut-off", 9, func(wb *checker.Workbook) {
			wb.Info.Cutoff = date("2023-09-30", wb.Info.Cutoff.At)
			payOnly(wb, "100", "2023-09-30")
		}, "10"},
		{"cut-off before year end: paid the day after", 9, func(wb *checker.Workbook) {
			wb.Info.Cutoff = date("2023-09-30", wb.Info.Cutoff.At)
			payOnly(wb, "100", "2023-10-01")
		}, "5"},
		{"a notice amount blank: self-score stands", 9, func(wb *checker.Workbook) {
			wb.Notices[0].Amount.Set = false
			self(wb, 9, "8.5")
		}, "8.5"},
		{"old balance", 9, func(wb *checker.Workbook) { set(&wb.Info.OldBalance, "0.01") }, "9"},

		// 12: industry share against the 2023 target of 60% and last year's share.
		{"target exactly met", 12, func(wb *checker.Workbook) { industry(wb, "60") }, "7"},
		{"0.01 point below", 12, func(wb *checker.Workbook) { industry(wb, "59.99") }, "6.99"},
		{"0.015 point below: 6.985 rounds half-up", 12, func(wb *checker.Workbook) { industry(wb, "59.985") }, "6.99"},
		{"5 points below", 12, func(wb *checker.Workbook) { industry(wb, "55") }, "2"},
		{"equal to last year's share", 12, func(wb *checker.Workbook) { industry(wb, "60"); set(&wb.Info.LastIndustry, "60") }, "7"},
		{"below last year's share", 12, func(wb *checker.Workbook) { industry(wb, "60"); set(&wb.Info.LastIndustry, "60.01") }, "5"},
		{"2025 target 70%", 12, func(wb *checker.Workbook) { industry(wb, "60"); wb.Info.Year.V = 2025 }, "-"},
		{"after 2025 the last listed target (70%) holds", 12, func(wb *checker.Workbook) { industry(wb, "69.99"); wb.Info.Year.V = 2030 }, "6.99"},
		{"before 2021 the earliest target (50%) holds", 12, func(wb *checker.Workbook) { industry(wb, "50"); wb.Info.Year.V = 2019 }, "7"},
		{"an industry budget blank: no guess, self-score stands", 12, func(wb *checker.Workbook) {
			industry(wb, "60")
			wb.Projects[0].Budget.Set = false
			self(wb, 12, "6")
		}, "6"},

		// 13: only for 脱贫县.
		{"脱贫县, 80% spent", 13, func(wb *checker.Workbook) { poor(wb, "80"); self(wb, 13, "12") }, "12"},
		{"脱贫县, 40% spent", 13, func(wb *checker.Workbook) { poor(wb, "40"); self(wb, 13, "9") }, "9"},
		{"脱贫县, negative-list deduction", 13, func(wb *checker.Workbook) { poor(wb, "40"); self(wb, 13, "2") }, "2"},
		{"脱贫县, deductions beyond the whole score: 0, not negative", 13, func(wb *checker.Workbook) { poor(wb, "40"); self(wb, 13, "-1") }, "0"},
		{"脱贫县, spent more than integrated: capped at 6", 13, func(wb *checker.Workbook) { poor(wb, "120"); self(wb, 13, "12") }, "12"},
		{"脱贫县, nothing integrated: self-score stands", 13, func(wb *checker.Workbook) { poor(wb, "0"); set(&wb.Info.Integrated, "0"); self(wb, 13, "7") }, "7"},
		{"脱贫县, no self-score", 13, func(wb *checker.Workbook) { poor(wb, "40") }, "3"},
		{"not a 脱贫县", 13, func(wb *checker.Workbook) { self(wb, 13, "12") }, "0"},

		// Manual indicators, and the reference scores of 4 and 5.
		{"2 is the self-score", 2, func(wb *checker.Workbook) { self(wb, 2, "3.5") }, "3.5"},
		{"2 above its max is clamped", 2, func(wb *checker.Workbook) { self(wb, 2, "4.5") }, "4"},
		{"4 without self-score: the reference", 4, func(wb *checker.Workbook) { library(wb) }, "4"},
		{"4 with self-score: the self-score", 4, func(wb *checker.Workbook) { library(wb); self(wb, 4, "7") }, "7"},
		{"5 without self-score: the reference", 5, func(wb *checker.Workbook) {
			wb.Projects[0].Target = yes(true, ref("项目清单", 2, 9))
		}, "4"},
		{"5 without self-score or column", 5, func(wb *checker.Workbook) {}, "0"},
		{"10 without incomes is manual", 10, func(wb *checker.Workbook) { self(wb, 10, "6.5") }, "6.5"},
		{"14 capped at 3", 14, func(wb *checker.Workbook) { self(wb, 14, "5") }, "3"},
		{"15 is all or nothing", 15, func(wb *checker.Workbook) { self(wb, 15, "-2") }, "-5"},
		{"17 floor -15", 17, func(wb *checker.Workbook) { self(wb, 17, "-20") }, "-15"},

		// 6, 7, 10, 11: mixed indicators (reading 1).
		{"publicity halves", 6, func(wb *checker.Workbook) {
			wb.Info.CountyPublic = yes(false, ref("基本信息", 30, 2))
			wb.Projects = append(wb.Projects, project("P2", checker.Industry, 0, "0"))
			wb.Projects[0].TownNotice, wb.Projects[0].VillageNotice = yes(true, ref("项目清单", 2, 10)), yes(true, ref("项目清单", 2, 11))
			wb.Projects[1].TownNotice, wb.Projects[1].VillageNotice = yes(false, ref("项目清单", 3, 10)), yes(false, ref("项目清单", 3, 11))
		}, "1.5"},
		{"3 of 4 problems fixed", 7, func(wb *checker.Workbook) {
			set(&wb.Info.ProblemsFound, "4")
			set(&wb.Info.ProblemsFixed, "3")
			self(wb, 7, "4")
		}, "3.75"},
		{"income below on both counts", 10, func(wb *checker.Workbook) {
			set(&wb.Info.IncomePoor, "13000")
			set(&wb.Info.IncomeAll, "14000")
			set(&wb.Info.GrowthPoor, "0.05")
			set(&wb.Info.GrowthAll, "0.06")
			self(wb, 10, "8")
		}, "7.71"},
		{"以工代赈 funds without 以工代赈 projects: manual, not 0", 11, func(wb *checker.Workbook) {
			workRelief(wb)
			wb.Projects = wb.Projects[:1]
			self(wb, 11, "19")
		}, "19"},
		{"以工代赈 weighted, one overall row", 11, func(wb *checker.Workbook) { workRelief(wb); self(wb, 11, "20") }, "18.5"},
		{"以工代赈 weighted, 巩固拓展 row missing", 11, func(wb *checker.Workbook) {
			workRelief(wb)
			scoreRow(wb, 11, checker.TaskWorkRelief, "20")
		}, "2.5"},
		{"以工代赈 per-task row beside the overall row", 11, func(wb *checker.Workbook) {
			workRelief(wb)
			self(wb, 11, "20")
			scoreRow(wb, 11, checker.TaskWorkRelief, "15")
		}, "18.5"},
		{"self-score below the computed part", 7, func(wb *checker.Workbook) { self(wb, 7, "1") }, "2"},
		{"以工代赈 weighted, per-task rows", 11, func(wb *checker.Workbook) {
			workRelief(wb)
			scoreRow(wb, 11, checker.TaskConsolidate, "18")
			scoreRow(wb, 11, checker.TaskWorkRelief, "20")
		}, "16.9"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			wb := mini()
			c.mut(wb)
			rep := checker.Check(wb)
			in := rep.Indicators[c.no-1]
			if c.want == "-" {
				// 2025: 60% is 10 points below 70%, part a gives 0.
				if !in.Score.Equal(d("2")) || !strings.Contains(in.Basis, "70.00%") {
					t.Errorf("indicator 12 in 2025 = %s: %s", in.Score, in.Basis)
				}
				return
			}
			if !in.Score.Equal(d(c.want)) {
				t.Errorf("indicator %d = %s, want %s (%s)", c.no, in.Score, c.want, in.Basis)
			}
			if in.Basis == "" {
				t.Error("no basis")
			}
		})
	}
}

// leapYear moves mini to 2024.
func leapYear(wb *checker.Workbook) {
	wb.Info.Year.V = 2024
	wb.Info.Cutoff = date("2024-12-25", wb.Info.Cutoff.At)
	wb.Notices[0] = notice(checker.Central, checker.TaskConsolidate, "100", "2024-01-01", "2024-01-11")
}

// library puts one of two projects in the project library.
func library(wb *checker.Workbook) {
	wb.Projects[0].InLibrary = yes(true, ref("项目清单", 2, 8))
	p := project("P2", checker.Industry, 0, "0")
	p.InLibrary = yes(false, ref("项目清单", 3, 8))
	wb.Projects = append(wb.Projects, p)
}

func countyBudget(wb *checker.Workbook, this, last string) {
	wb.Notices = append(wb.Notices, notice(checker.CountyLevel, 0, this, "", ""))
	set(&wb.Info.LastCountyBudget, last)
}

func industry(wb *checker.Workbook, amount string) {
	set(&wb.Projects[0].Budget, amount)
	wb.Projects = append(wb.Projects, project("P2", checker.Infrastructure, 0, d("100").Sub(d(amount)).String()))
}

func poor(wb *checker.Workbook, spent string) {
	wb.Info.PovertyCounty.V = true
	set(&wb.Info.Integrated, "100")
	set(&wb.Info.IntegratedSpent, spent)
}

// workRelief makes 20 of the 100 万元 以工代赈 money with two projects: one
// pays exactly the 15% labour standard, the other 0.01 less; both publish it.
func workRelief(wb *checker.Workbook) {
	set(&wb.Notices[0].Amount, "80")
	wb.Notices = append(wb.Notices, notice(checker.Central, checker.TaskWorkRelief, "20", "2023-01-01", "2023-01-11"))
	set(&wb.Projects[0].Budget, "80")
	for _, l := range []string{"1.5", "1.49"} {
		p := project("W"+l, checker.Infrastructure, checker.TaskWorkRelief, "10")
		p.Labour = num(d(l), ref("项目清单", 3, 12))
		p.LabourNotice = yes(true, ref("项目清单", 3, 13))
		wb.Projects = append(wb.Projects, p)
	}
}

func TestPovertyCountyNotNormalised(t *testing.T) {
	wb := mini()
	poor(wb, "80")
	rep := checker.Check(wb)
	if rep.Indicators[12].Method == checker.NotApplicable || !rep.Normalized.Equal(rep.Base) ||
		!strings.HasPrefix(rep.Normalization, "各指标均适用") {
		t.Errorf("method %v base %s normalized %s: %s", rep.Indicators[12].Method, rep.Base, rep.Normalized, rep.Normalization)
	}
}

func TestAdjustments(t *testing.T) {
	wb := mini()
	for no, s := range map[int]string{14: "4", 15: "-5", 16: "-10", 17: "-15"} {
		self(wb, no, s)
	}
	rep := checker.Check(wb)
	if !rep.Adjustment.Equal(d("-27")) {
		t.Errorf("adjustment %s, want -27 (+3 clamped from 4, -5, -10, -15)", rep.Adjustment)
	}
	if !rep.Final.Equal(rep.Normalized.Add(d("-27"))) {
		t.Errorf("final %s, normalized %s", rep.Final, rep.Normalized)
	}
}

func TestGrades(t *testing.T) {
	for _, c := range []struct {
		selfs map[int]string
		final string
		grade string
	}{
		{map[int]string{}, "103", "A"},
		{map[int]string{17: "-13"}, "90", "A"},
		{map[int]string{17: "-13.01"}, "89.99", "B"},
		{map[int]string{14: "0", 17: "-15", 2: "0", 4: "7"}, "80", "B"},
		{map[int]string{17: "-15", 16: "-8"}, "78", "C"}, // 16 is all or nothing: -8 counts as -10
		{map[int]string{17: "-15", 16: "-10"}, "78", "C"},
		// 11: the 巩固拓展 manual part (90% of 20) goes, 以工代赈's 2 remain.
		{map[int]string{17: "-15", 16: "-10", 15: "-5", 11: "0"}, "55", "D"},
	} {
		wb := county(20, 200, true)
		for no, s := range c.selfs {
			set(&wb.Scores[no-1].Self, s)
		}
		rep := checker.Check(wb)
		if !rep.Final.Equal(d(c.final)) || rep.Grade != c.grade {
			t.Errorf("%v: final %s grade %s, want %s %s", c.selfs, rep.Final, rep.Grade, c.final, c.grade)
		}
	}
}

// Missing data never panics, and an empty workbook scores what it can.
func TestEmptyWorkbook(t *testing.T) {
	for _, wb := range []*checker.Workbook{nil, {}} {
		rep := checker.Check(wb)
		if len(rep.Indicators) != 17 || rep.Grade != "D" {
			t.Errorf("indicators %d grade %s", len(rep.Indicators), rep.Grade)
		}
		for _, in := range rep.Indicators {
			if in.Basis == "" {
				t.Errorf("indicator %d without basis", in.No)
			}
		}
	}
}

// Values no reader should produce still give a report, not a panic.
func TestCheckNeverPanics(t *testing.T) {
	wb := county(20, 200, true)
	wb.Notices[0].Level.V = 9
	wb.Notices[1].Task.V = 9
	wb.Notices[2].Amount = checker.Amount{}
	wb.Notices[3].Received = checker.Date{}
	wb.Projects[0].Category.V = 9
	wb.Projects[0].Share = num(d("0.5"), ref("项目清单", 2, 7))
	wb.Projects[1].Budget = checker.Amount{}
	wb.Projects[2].Name = checker.Text{}
	wb.Subtotals[0].Category = 9
	wb.Subtotals = append(wb.Subtotals, checker.Subtotal{Table: checker.ProjectTable, Label: txt("小计", ref("项目清单", 99, 2)), From: 50, To: -1,
		Amount: num(d("1"), ref("项目清单", 99, 6))})
	wb.Payments[0].Date = checker.Date{}
	wb.Payments[1].Amount = checker.Amount{}
	wb.Payments[2].ProjectID, wb.Payments[2].ProjectName = checker.Text{}, checker.Text{}
	wb.Scores[0].No = checker.Value[int]{}
	wb.Scores[1].No.V = 0
	wb.Info.Year = checker.Value[int]{}
	wb.Info.Cutoff = checker.Date{}
	wb.Info.LastTotal = checker.Amount{}
	wb.Info.IncomeAll = num(d("0"), ref("基本信息", 60, 2))
	wb.Info.GrowthAll = num(d("0"), ref("基本信息", 61, 2))
	wb.Info.IncomePoor = num(d("-1"), ref("基本信息", 62, 2))
	wb.Info.GrowthPoor = num(d("-0.01"), ref("基本信息", 63, 2))
	wb.Info.Integrated = num(d("0"), ref("基本信息", 64, 2))
	wb.Info.DeclaredGrade = txt("", ref("基本信息", 65, 2))
	wb.Params = append(wb.Params, checker.Param{Key: txt("指标8第二检查日", ref("参数", 2, 1)), Raw: txt("2-30", ref("参数", 2, 2))})
	rep := checker.Check(wb)
	if len(rep.Indicators) != 17 || rep.Grade == "" {
		t.Fatalf("report %+v", rep)
	}
}
