package sheets_test

import (
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"fundcheck/checker"
	"fundcheck/internal/sample"
	"fundcheck/sheets"
)

// e2eCase is one edit a county makes to a workbook (testdata/e2e/mutate.py)
// and every finding the check must then give: code, the cells it names and
// words its message must hold. Nothing else may be found.
type e2eCase struct {
	edit string
	want []e2eFinding
	// sameScore: the edit changes the form, not the data.
	sameScore bool
}

type e2eFinding struct {
	code string
	refs string // the cells, space-separated: "支付台账!E2 支付台账!E3"
	says []string
}

var e2eCases = []e2eCase{
	{edit: "swap_columns", sameScore: true},
	{edit: "title_rows", sameScore: true},
	{edit: "text_amounts", sameScore: true},
	{edit: "text_dates", sameScore: true},
	{edit: "district_level", sameScore: true},
	{edit: "footnotes", sameScore: true},
	{edit: "yuan_column", sameScore: true, want: []e2eFinding{
		{"GS108", "支付台账!D1", []string{"（元）", "万元"}}}},
	{edit: "blank_budget", want: []e2eFinding{
		{"GS107", "项目清单!F3", []string{"预算资金", "为空"}}}},
	// Without one notice's amount the total is unknown: indicators 8, 9, 11
	// and 12 keep the self-scores, and no share or total is compared.
	{edit: "blank_notice_amount", want: []e2eFinding{
		{"GS107", "资金下达!E2", []string{"金额", "为空"}}}},
	{edit: "bad_level", want: []e2eFinding{
		{"GS106", "资金下达!A2", []string{"乡级", "中央、省级、市级、县级"}}}},
	{edit: "wrong_subtotal", sameScore: true, want: []e2eFinding{
		{"XM301", "项目清单!F7", []string{"产业类项目合计", "310.13万元", "309.13万元"}}}},
	{edit: "repeat_voucher", sameScore: true, want: []e2eFinding{
		{"TZ405", "支付台账!E2 支付台账!E3", []string{"样财支〔2023〕000001号", "第2行、第3行"}}}},
	{edit: "unknown_project", sameScore: true, want: []e2eFinding{
		{"TZ401", "支付台账!B2", []string{"XM2023-999", "13.51万元", "不在项目清单中"}}}},
	{edit: "date_2022", sameScore: true, want: []e2eFinding{
		{"TZ404", "支付台账!A2", []string{"2022-03-08", "评价年度2023年"}}}},
	{edit: "self_above_max", want: []e2eFinding{
		{"DF501", "自评打分!D3", []string{"指标2", "自评得分5", "0至4分", "按4分计"}},
		{"DF503", "基本信息!B40", []string{"88.58分", "87.08分", "90.08分"}},
		{"DF505", "基本信息!B41", []string{"100.25分", "101.95"}}}},
	{edit: "ledger_total", sameScore: true, want: []e2eFinding{
		{"TZ409", "支付台账!D22", []string{"合计", "454.60万元", "454.59万元"}}}},
	{edit: "self13_not_poor", sameScore: true, want: []e2eFinding{
		{"DF509", "自评打分!D14", []string{"指标13", "非脱贫县", "10分"}}}},
	{edit: "info_key_in_yuan", sameScore: true, want: []e2eFinding{
		{"GS108", "基本信息!A11", []string{"上年衔接资金总额", "（元）"}}}},
	// A payment after the cut-off counts at the checkpoints before it, not
	// at the cut-off.
	{edit: "after_cutoff", want: []e2eFinding{
		{"TZ404", "支付台账!A21", []string{"2023-12-28", "晚于数据截止日期2023-12-27"}},
		{"TZ406", "基本信息!B32", []string{"454.59万元", "434.08万元"}},
		{"TZ407", "基本信息!B33", []string{"98.62%", "94.17%"}},
		{"TZ408", "基本信息!B34", []string{"6.35万元", "26.86万元"}},
		{"DF502", "自评打分!D10", []string{"指标9", "8.82分", "7.34分"}}}},
	// Reading 2: a payment with an unreadable date counts for its project but
	// not at the checkpoints, so the declared spending no longer agrees; a
	// negative one counts nowhere. The findings say why.
	{edit: "bad_date", want: append([]e2eFinding{
		{"GS105", "支付台账!A2", []string{"2023年13月5日", "日期"}}},
		spendingFindings("1笔支付合计13.51万元日期无法识别")...)},
	{edit: "negative_payment", want: append([]e2eFinding{
		{"TZ403", "支付台账!D2", []string{"-13.51万元", "不是正数"}}},
		spendingFindings("1笔金额不是正数")...)},
}

// spendingFindings are the declared figures of the base county that a
// payment of 13.51 万元 left out of the sums contradicts.
func spendingFindings(why string) []e2eFinding {
	return []e2eFinding{
		{"TZ406", "基本信息!B30", []string{"215.09万元", "201.58万元", why}},
		{"TZ406", "基本信息!B31", []string{"357.88万元", "344.37万元", why}},
		{"TZ406", "基本信息!B32", []string{"454.59万元", "441.08万元", why}},
		{"TZ407", "基本信息!B33", []string{"98.62%", "95.69%", why}},
		{"TZ408", "基本信息!B34", []string{"6.35万元", "19.86万元", why}},
		{"DF502", "自评打分!D9", []string{"指标8", "9.26分", "8.81分"}},
		{"DF502", "自评打分!D10", []string{"指标9", "8.82分", "7.84分"}},
	}
}

const python = "/usr/bin/python3"

// TestCountyEdits writes a consistent county with WriteWorkbook, lets
// openpyxl edit it as a county clerk would, and checks that each edit gives
// exactly its findings at the right cells.
func TestCountyEdits(t *testing.T) {
	if err := exec.Command(python, "-c", "import openpyxl").Run(); err != nil {
		t.Skipf("%s with openpyxl is needed to edit the workbooks: %v", python, err)
	}
	script, err := filepath.Abs(filepath.Join("testdata", "e2e", "mutate.py"))
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	base := filepath.Join(dir, "base.xlsx")
	model := sample.WithSelfScores(sample.County(7, sample.CountyOptions{Name: "样本县", Projects: 8, Payments: 20}))
	if err := sheets.WriteWorkbook(base, model, ""); err != nil {
		t.Fatal(err)
	}
	baseRep := check(t, base)
	if len(baseRep.Findings) > 0 {
		t.Fatalf("the base county is not consistent: %s %s", baseRep.Findings[0].Code, baseRep.Findings[0].Message)
	}
	args := []string{script, base, dir}
	for _, c := range e2eCases {
		args = append(args, c.edit)
	}
	if b, err := exec.Command(python, args...).CombinedOutput(); err != nil {
		t.Fatalf("mutate.py: %v\n%s", err, b)
	}
	for _, c := range e2eCases {
		t.Run(c.edit, func(t *testing.T) {
			rep := check(t, filepath.Join(dir, c.edit+".xlsx"))
			got := rep.Findings
			for _, w := range c.want {
				i := slices.IndexFunc(got, func(f checker.Finding) bool { return f.Code == w.code && refsText(f.Refs) == w.refs })
				if i < 0 {
					t.Errorf("missing %s at %s", w.code, w.refs)
					continue
				}
				for _, s := range w.says {
					if !strings.Contains(got[i].Message, s) {
						t.Errorf("%s at %s does not say %q: %s", w.code, w.refs, s, got[i].Message)
					}
				}
				got = slices.Delete(slices.Clone(got), i, i+1)
			}
			for _, f := range got {
				t.Errorf("unexpected %s at %s: %s", f.Code, refsText(f.Refs), f.Message)
			}
			if c.sameScore && !rep.Final.Equal(baseRep.Final) {
				t.Errorf("final score %s, want the base county's %s", rep.Final, baseRep.Final)
			}
		})
	}
}

func check(t *testing.T, path string) *checker.Report {
	t.Helper()
	wb, err := sheets.Read(path, sheets.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return checker.Check(wb)
}

func refsText(rs []checker.Ref) string {
	var s []string
	for _, r := range rs {
		s = append(s, r.String())
	}
	return strings.Join(s, " ")
}
