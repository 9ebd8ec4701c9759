package checker_test

import (
	"sort"
	"strings"
	"testing"

	"fundcheck/checker"
	"fundcheck/internal/sample"
)

type codeSev struct {
	code string
	sev  checker.Severity
}

// RULES.md, "What the Acheng report gets wrong", line by line.
func TestAcheng(t *testing.T) {
	rep := checker.Check(sample.Acheng())

	score := func(no int, want string) {
		t.Helper()
		in := rep.Indicators[no-1]
		if in.No != no || !in.Score.Equal(d(want)) {
			t.Errorf("indicator %d = %s, want %s (%s)", no, in.Score, want, in.Basis)
		}
	}
	score(3, "3.79")
	score(9, "7.63")
	score(8, "10")
	score(12, "7")
	for no, want := range map[int]string{1: "4", 2: "4", 4: "8", 5: "4", 6: "4", 7: "4", 10: "8", 11: "20", 14: "3"} {
		score(no, want)
	}
	if m := rep.Indicators[12].Method; m != checker.NotApplicable {
		t.Errorf("indicator 13 method %v, want not applicable", m)
	}
	for _, part := range []string{
		"中央资金1976.00万元：2022-12-15收文，2023-02-06落实，53天，按比例得2.33分",
		"市级资金386.00万元：2023-02-07收文，2023-03-29落实，50天，按比例得3.33分",
		"加权平均3.79分",
	} {
		if !strings.Contains(rep.Indicators[2].Basis, part) {
			t.Errorf("indicator 3 basis lacks %q: %s", part, rep.Indicators[2].Basis)
		}
	}
	for _, part := range []string{"执行率95.13%，得3.38分", "执行率99.06%，得3.25分", "得1分"} {
		if !strings.Contains(rep.Indicators[8].Basis, part) {
			t.Errorf("indicator 9 basis lacks %q: %s", part, rep.Indicators[8].Basis)
		}
	}
	for _, part := range []string{"进度54.81%", "进度82.37%"} {
		if !strings.Contains(rep.Indicators[7].Basis, part) {
			t.Errorf("indicator 8 basis lacks %q: %s", part, rep.Indicators[7].Basis)
		}
	}
	if !strings.Contains(rep.Indicators[11].Basis, "62.27%") || !strings.Contains(rep.Indicators[11].Basis, "59.64%") {
		t.Errorf("indicator 12 basis: %s", rep.Indicators[11].Basis)
	}

	if !rep.Base.Equal(d("84.42")) || !rep.Normalized.Equal(d("95.93")) || !rep.Adjustment.Equal(d("3")) ||
		!rep.Final.Equal(d("98.93")) || rep.Grade != "A" {
		t.Errorf("base %s normalized %s adjustment %s final %s grade %s", rep.Base, rep.Normalized, rep.Adjustment, rep.Final, rep.Grade)
	}
	if want := "指标13不适用（非脱贫县），基础得分84.42÷88×100=95.93，加减分+3，最终98.93"; rep.Normalization != want {
		t.Errorf("normalization %q, want %q", rep.Normalization, want)
	}
	if !rep.SelfTotal.Set || !rep.SelfTotal.V.Equal(d("89.34")) {
		t.Errorf("self total %v, want 89.34", rep.SelfTotal)
	}
	if rep.County != "阿城区" || rep.City != "哈尔滨市" || rep.Year != 2023 || rep.Poverty {
		t.Errorf("county %q city %q year %d poverty %v", rep.County, rep.City, rep.Year, rep.Poverty)
	}

	// The exact set of findings. Everything the report states that checks
	// out — the total 4950.68, the shares 48.46/42.10/7.80%, the category
	// sums, counts and shares, progress 54.81% and 82.37%, execution 95.13%
	// with 240.91 left, the industry share 62.27%, the declared total 89.34
	// and the grade 优 — raises nothing.
	want := []codeSev{
		// 1976 万元 notice: 53 days; 386 万元 notice: 50 days (the basis of indicator 3).
		{checker.CodeNoticeSlow, checker.Hint},
		{checker.CodeNoticeSlow, checker.Hint},
		// 81.68 / 4950.68 = 1.65%, declared 1.64% to make the four shares add to 100.00%.
		{checker.CodeForcedShare, checker.Error},
		// 双丰街胜祥村苦瓜深加工项目 listed with 300.00 and 50.00.
		{checker.CodeDuplicateName, checker.Warning},
		// 杨树街 / 杨树街道富勤村北兰旗屯巷路建设项目.
		{checker.CodeNearDuplicate, checker.Warning},
		// Indicator 3: self 5, computed 3.79.
		{checker.CodeSelfDiffers, checker.Warning},
		// Indicator 9: self 8.34, computed 7.63.
		{checker.CodeSelfDiffers, checker.Warning},
		// 申报折算得分 101.52 = 89.34 / 88 × 100 scales the adjustment; 101.11 follows from the rows.
		{checker.CodeScaledAdjustments, checker.Error},
	}
	var got []codeSev
	for _, f := range rep.Findings {
		got = append(got, codeSev{f.Code, f.Severity})
	}
	if !equalCodes(got, want) {
		for _, f := range rep.Findings {
			t.Logf("%s %s %s", f.Code, f.Severity, f.Message)
		}
		t.Fatalf("findings %v, want %v", got, want)
	}

	find := func(code string, parts ...string) {
		t.Helper()
		for _, f := range rep.Findings {
			if f.Code != code {
				continue
			}
			all := true
			for _, p := range parts {
				all = all && strings.Contains(f.Message, p)
			}
			if all {
				return
			}
		}
		t.Errorf("no %s finding saying %q", code, parts)
	}
	find(checker.CodeForcedShare, "1.64%", "1.65%", "81.68÷4950.68")
	find(checker.CodeDuplicateName, "双丰街胜祥村苦瓜深加工项目", "300.00", "50.00")
	find(checker.CodeNearDuplicate, "杨树街富勤村北兰旗屯巷路建设项目", "杨树街道富勤村北兰旗屯巷路建设项目")
	find(checker.CodeSelfDiffers, "指标3", "自评5分", "3.79分")
	find(checker.CodeSelfDiffers, "指标9", "自评8.34分", "7.63分")
	find(checker.CodeScaledAdjustments, "101.52", "101.11", "98.93")
	for _, f := range rep.Findings {
		if strings.Contains(f.Message, "雨露计划") {
			t.Errorf("the 春季 / 秋季 雨露计划 pair was flagged: %s", f.Message)
		}
	}
}

func equalCodes(a, b []codeSev) bool {
	key := func(xs []codeSev) []string {
		var out []string
		for _, x := range xs {
			out = append(out, x.code+"/"+x.sev.Code())
		}
		sort.Strings(out)
		return out
	}
	return strings.Join(key(a), ",") == strings.Join(key(b), ",")
}

// The reader's problems come first, unchanged, then the checker's own.
func TestProblemsFirst(t *testing.T) {
	wb := sample.Acheng()
	p := checker.Finding{Code: checker.CodeBadNumber, Severity: checker.Error, Message: "x"}
	wb.Problems = []checker.Finding{p}
	rep := checker.Check(wb)
	if len(rep.Findings) < 2 || rep.Findings[0].Code != p.Code || rep.Findings[0].Message != "x" {
		t.Fatalf("findings %v", rep.Findings)
	}
	again := checker.Check(wb)
	for i := range rep.Findings {
		if rep.Findings[i].Message != again.Findings[i].Message {
			t.Fatalf("order differs between runs at %d", i)
		}
	}
}
