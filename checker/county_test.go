package checker_test

import (
	"fmt"
	"testing"
	"time"

	"fundcheck/checker"

	"github.com/shopspring/decimal"
)

// Cells of the synthetic workbooks: every value carries a Ref as the reader
// would set it, so that findings can be checked to point at the right cell.
func ref(sheet string, row, col int) checker.Ref {
	return checker.Ref{Sheet: sheet, Row: row, Col: col}
}

func d(s string) decimal.Decimal { return decimal.RequireFromString(s) }

func num(v decimal.Decimal, at checker.Ref) checker.Value[decimal.Decimal] {
	return checker.Value[decimal.Decimal]{V: v, Set: true, At: at}
}

func txt(s string, at checker.Ref) checker.Text { return checker.Text{V: s, Set: s != "", At: at} }

func yes(b bool, at checker.Ref) checker.Flag { return checker.Flag{V: b, Set: true, At: at} }

func date(s string, at checker.Ref) checker.Date {
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		panic(err)
	}
	return checker.Date{V: t, Set: true, At: at}
}

// infoRow hands out 基本信息 rows in order, so each key has its own cell.
type infoRow struct{ n int }

func (r *infoRow) next() checker.Ref { r.n++; return ref("基本信息", r.n+1, 2) }

// county builds a consistent county: n projects of 100 万元 each (n a
// multiple of 10), m payments (a multiple of 10 and of n), every declared
// figure right and every self-score equal to the score the method gives, so
// that the checker must find nothing. 70% of the money goes to industry,
// 10% of the projects are 以工代赈 projects that meet the labour-pay rules,
// the ledger spends 60% by 07-15, 90% by 10-15 and everything by the cut-off.
func county(n, m int, poverty bool) *checker.Workbook {
	if n%10 != 0 || m%10 != 0 || m%n != 0 {
		panic("county: n and m must be multiples of 10, m of n")
	}
	total := decimal.NewFromInt(int64(100 * n))
	pctOf := func(p string) decimal.Decimal { return total.Mul(d(p)) }
	wb := &checker.Workbook{Source: "示例县2023.xlsx"}
	var ir infoRow
	info := &wb.Info
	info.County = txt("示例县", ir.next())
	info.City = txt("示例市", ir.next())
	info.Year = checker.Value[int]{V: 2023, Set: true, At: ir.next()}
	info.PovertyCounty = yes(poverty, ir.next())
	info.Cutoff = date("2023-12-25", ir.next())
	info.LastCountyBudget = num(pctOf("0.05"), ir.next())
	info.LastTotal = num(pctOf("0.9"), ir.next())
	info.LastSpent = num(pctOf("0.9"), ir.next())
	info.LastIndustry = num(pctOf("0.45"), ir.next())
	info.OldBalance = num(decimal.Zero, ir.next())
	info.ProvinceAvgJul = num(d("0.5"), ir.next())
	info.ProvinceAvgOct = num(d("0.75"), ir.next())
	info.CountyPublic = yes(true, ir.next())
	info.ProblemsFound = num(d("3"), ir.next())
	info.ProblemsFixed = num(d("3"), ir.next())
	info.HotlineIssues = num(d("2"), ir.next())
	info.HotlineHandled = num(d("2"), ir.next())
	info.IncomePoor = num(d("15000"), ir.next())
	info.IncomeAll = num(d("14000"), ir.next())
	info.GrowthPoor = num(d("0.08"), ir.next())
	info.GrowthAll = num(d("0.06"), ir.next())
	if poverty {
		info.Integrated = num(pctOf("0.8"), ir.next())
		info.IntegratedSpent = num(pctOf("0.7"), ir.next())
	}
	info.DeclaredTotal = num(total, ir.next())
	info.DeclaredSpentJul = num(pctOf("0.6"), ir.next())
	info.DeclaredSpentOct = num(pctOf("0.9"), ir.next())
	info.DeclaredSpent = num(total, ir.next())
	info.DeclaredRate = num(d("1"), ir.next())
	info.DeclaredBalance = num(decimal.Zero, ir.next())
	info.DeclaredIndustryShare = num(d("0.7"), ir.next())
	for lv, s := range map[checker.Level]string{checker.Central: "0.5", checker.Provincial: "0.3", checker.Municipal: "0.15", checker.CountyLevel: "0.05"} {
		info.DeclaredLevelShare[lv] = num(d(s), ref("基本信息", 40+int(lv), 2))
	}
	declared := "91" // 88 + 3: indicator 13 does not apply
	if poverty {
		declared = "103"
	}
	info.DeclaredScore = num(d(declared), ir.next())
	info.DeclaredNormalized = num(d("103"), ir.next())
	info.DeclaredGrade = txt("A", ir.next())

	notices := []struct {
		level  checker.Level
		task   checker.Task
		share  string
		dated  bool
		recv   string
		approv string
	}{
		{checker.Central, checker.TaskConsolidate, "0.4", true, "2022-12-20", "2023-01-30"},
		{checker.Central, checker.TaskWorkRelief, "0.1", true, "2023-01-10", "2023-02-20"},
		{checker.Provincial, checker.TaskConsolidate, "0.3", true, "2023-01-10", "2023-02-20"},
		{checker.Municipal, checker.TaskConsolidate, "0.15", true, "2023-03-01", "2023-04-10"},
		{checker.CountyLevel, checker.TaskConsolidate, "0.05", false, "", ""},
	}
	for i, x := range notices {
		row := i + 2
		nt := checker.Notice{
			Level:  checker.Value[checker.Level]{V: x.level, Set: true, At: ref("资金下达", row, 1)},
			Task:   checker.Value[checker.Task]{V: x.task, Set: true, At: ref("资金下达", row, 2)},
			DocNo:  txt(fmt.Sprintf("示财〔2023〕%d号", i+1), ref("资金下达", row, 3)),
			Amount: num(pctOf(x.share), ref("资金下达", row, 5)),
		}
		if x.dated {
			nt.Received = date(x.recv, ref("资金下达", row, 6))
			nt.Approved = date(x.approv, ref("资金下达", row, 7))
		}
		wb.Notices = append(wb.Notices, nt)
	}

	blocks := []struct {
		cat   checker.Category
		count int
		label string
	}{{checker.Industry, n * 7 / 10, "产业类项目合计"}, {checker.Infrastructure, n * 2 / 10, "基础设施类项目合计"}, {checker.OtherCategory, n / 10, "其他类项目合计"}}
	row := 1
	for _, b := range blocks {
		from := len(wb.Projects)
		for k := 0; k < b.count; k++ {
			row++
			i := len(wb.Projects)
			at := func(col int) checker.Ref { return ref("项目清单", row, col) }
			task := checker.TaskConsolidate
			if b.cat == checker.Infrastructure && k < n/10 {
				task = checker.TaskWorkRelief
			}
			p := checker.Project{
				ID:            txt(fmt.Sprintf("SL-%03d", i+1), at(1)),
				Name:          txt(fmt.Sprintf("示例乡第%d村%s建设项目", i+1, b.cat), at(2)),
				Category:      checker.Value[checker.Category]{V: b.cat, Set: true, At: at(3)},
				Task:          checker.Value[checker.Task]{V: task, Set: true, At: at(4)},
				Budget:        num(d("100"), at(6)),
				InLibrary:     yes(true, at(8)),
				Target:        yes(true, at(9)),
				TownNotice:    yes(true, at(10)),
				VillageNotice: yes(true, at(11)),
			}
			if k == 0 {
				p.Share = num(d(fmt.Sprintf("%d", b.count)).Div(d(fmt.Sprint(n))), at(7))
			}
			if task == checker.TaskWorkRelief {
				p.Labour = num(d("20"), at(12))
				p.LabourNotice = yes(true, at(13))
			}
			wb.Projects = append(wb.Projects, p)
		}
		row++
		amount := d(fmt.Sprint(100 * b.count))
		wb.Subtotals = append(wb.Subtotals, checker.Subtotal{Table: checker.ProjectTable,
			Label: txt(b.label, ref("项目清单", row, 2)), Category: b.cat, From: from, To: len(wb.Projects),
			Amount: num(amount, ref("项目清单", row, 6)), Share: num(amount.Div(total), ref("项目清单", row, 7)),
			Count: checker.Value[int]{V: b.count, Set: true, At: ref("项目清单", row, 5)}})
	}
	row++
	wb.Subtotals = append(wb.Subtotals, checker.Subtotal{Table: checker.ProjectTable,
		Label: txt("资金总额", ref("项目清单", row, 2)), From: 0, To: len(wb.Projects),
		Amount: num(total, ref("项目清单", row, 6)), Share: num(d("1"), ref("项目清单", row, 7))})

	wb.Payments = ledger(wb.Projects, m)

	selfs := []string{"4", "4", "5", "8", "4", "4", "4", "10", "10", "8", "20", "7", "12", "3", "0", "0", "0"}
	for i, s := range selfs {
		row := i + 2
		sr := checker.ScoreRow{No: checker.Value[int]{V: i + 1, Set: true, At: ref("自评打分", row, 1)},
			Name: txt(checker.Indicators()[i].Name, ref("自评打分", row, 2))}
		if i+1 != 13 || poverty {
			sr.Self = num(d(s), ref("自评打分", row, 4))
		}
		wb.Scores = append(wb.Scores, sr)
	}
	return wb
}

// ledger pays every project in full in m equal payments: the first 60% by
// 07-15, the next 30% by 10-15, the rest by 12-20.
func ledger(projects []checker.Project, m int) []checker.Payment {
	n := len(projects)
	amount := d("100").Div(d(fmt.Sprint(m / n)))
	periods := []struct {
		first string
		days  int
		upto  int
	}{{"2023-03-01", 136, m * 6 / 10}, {"2023-07-16", 91, m * 9 / 10}, {"2023-10-16", 65, m}}
	out := make([]checker.Payment, 0, m)
	start := 0
	for _, p := range periods {
		first, _ := time.Parse("2006-01-02", p.first)
		for g := start; g < p.upto; g++ {
			row := g + 2
			pr := projects[g%n]
			out = append(out, checker.Payment{
				Date:        checker.Date{V: first.AddDate(0, 0, (g-start)*p.days/(p.upto-start)), Set: true, At: ref("支付台账", row, 1)},
				ProjectID:   txt(pr.ID.V, ref("支付台账", row, 2)),
				ProjectName: txt(pr.Name.V, ref("支付台账", row, 3)),
				Amount:      num(amount, ref("支付台账", row, 4)),
				Voucher:     txt(fmt.Sprintf("示付〔2023〕%06d号", g+1), ref("支付台账", row, 5)),
			})
		}
		start = p.upto
	}
	return out
}

func TestConsistentCounty(t *testing.T) {
	for _, poverty := range []bool{false, true} {
		t.Run(fmt.Sprint("poverty=", poverty), func(t *testing.T) {
			rep := checker.Check(county(20, 200, poverty))
			for _, f := range rep.Findings {
				t.Errorf("unexpected finding %s %s %v: %s", f.Code, f.Severity, f.Refs, f.Message)
			}
			for _, in := range rep.Indicators {
				if in.Method == checker.NotApplicable {
					if poverty || in.No != 13 {
						t.Errorf("indicator %d not applicable", in.No)
					}
					continue
				}
				if !in.Self.Set || !in.Self.V.Equal(in.Score) {
					t.Errorf("indicator %d: score %s, self %v (%s)", in.No, in.Score, in.Self, in.Basis)
				}
			}
			wantBase := "100"
			if !poverty {
				wantBase = "88"
			}
			if !rep.Base.Equal(d(wantBase)) || !rep.Normalized.Equal(d("100")) || !rep.Final.Equal(d("103")) || rep.Grade != "A" {
				t.Errorf("base %s normalized %s final %s grade %s: %s", rep.Base, rep.Normalized, rep.Final, rep.Grade, rep.Normalization)
			}
		})
	}
}

func benchmarkCheck(b *testing.B, projects, payments int) {
	wb := county(projects, payments, false)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		rep := checker.Check(wb)
		if rep.Count(checker.Error) != 0 {
			b.Fatalf("errors: %v", rep.Findings)
		}
	}
}

// BenchmarkCheck is a typical county: 50 projects, 2,000 payments.
func BenchmarkCheck(b *testing.B) { benchmarkCheck(b, 50, 2000) }

// BenchmarkCheck100k shows the checks stay linear in the ledger's size.
func BenchmarkCheck100k(b *testing.B) { benchmarkCheck(b, 50, 100000) }
