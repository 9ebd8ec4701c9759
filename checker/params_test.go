package checker_test

import (
	"strings"
	"testing"
	"time"

	"fundcheck/checker"
)

func TestDefaultParams(t *testing.T) {
	p := checker.DefaultParams()
	if p.Ind3FullDays != 45 || p.Ind3ZeroDays != 60 || p.Checkpoints[0] != (checker.MonthDay{Month: time.July, Day: 15}) ||
		!p.Ind9ThisYear.Equal(d("0.85")) || !p.LabourShare.Equal(d("0.15")) || !p.GradeA.Equal(d("90")) {
		t.Errorf("defaults: %+v", p)
	}
	for y, want := range map[int]string{2020: "0.5", 2021: "0.5", 2023: "0.6", 2025: "0.7", 2030: "0.7"} {
		if got := p.Target(y); !got.Equal(d(want)) {
			t.Errorf("target %d = %s, want %s", y, got, want)
		}
	}
}

func TestParamKeys(t *testing.T) {
	keys := checker.ParamKeys()
	seen := map[string]bool{}
	for _, k := range keys {
		if k.Key == "" || k.Default == "" || k.Meaning == "" || seen[k.Key] {
			t.Errorf("bad key %+v", k)
		}
		seen[k.Key] = true
	}
	for _, k := range []string{"指标3满分天数", "指标8第一检查日", "指标12产业比例目标2023", "A级分数线"} {
		if !seen[k] {
			t.Errorf("missing key %s", k)
		}
	}
	rule, _ := checker.LookupRule(checker.CodeParamOverride)
	if !strings.Contains(rule.Explain, "指标3满分天数（默认45）") {
		t.Errorf("CS601 does not document the keys: %s", rule.Explain)
	}
}

// Overrides change the scores and are listed; each is a hint.
func TestParamOverrides(t *testing.T) {
	for _, c := range []struct {
		key, raw string
		no       int
		want     string
		override string
	}{
		// The 46-day notice of the mini county gets full marks with 50 days.
		{"指标3满分天数", "50", 3, "5", "参数“指标3满分天数”由参数表改为50（默认45）"},
		{"指标12产业比例目标2023", "65%", 12, "2", "参数“指标12产业比例目标2023”由参数表改为65.00%（默认60.00%）"},
		{"指标12产业比例目标2023", "0.55", 12, "7", "参数“指标12产业比例目标2023”由参数表改为55.00%（默认60.00%）"},
		{"指标9当年执行率下限", "80", 9, "7.5", "参数“指标9当年执行率下限”由参数表改为80.00%（默认85.00%）"},
		{"指标8第一检查日", "2023-07-16", 8, "8.42", "参数“指标8第一检查日”由参数表改为07-16（默认07-15）"},
	} {
		wb := mini()
		wb.Notices[0] = notice(checker.Central, 0, "100", "2023-01-01", "2023-02-16")
		switch c.no {
		case 12:
			industry(wb, "60")
		case 9:
			payOnly(wb, "90", "2023-06-01")
		case 8:
			total(wb, "365")
			payOnly(wb, "197", "2023-07-16")
		}
		param(wb, c.key, c.raw)
		rep := checker.Check(wb)
		if got := rep.Indicators[c.no-1].Score; !got.Equal(d(c.want)) {
			t.Errorf("%s=%s: indicator %d = %s, want %s (%s)", c.key, c.raw, c.no, got, c.want, rep.Indicators[c.no-1].Basis)
		}
		if len(rep.Overrides) != 1 || rep.Overrides[0] != c.override {
			t.Errorf("overrides %q, want %q", rep.Overrides, c.override)
		}
	}
}

// Notes, values equal to the one in force and the usual spellings of the
// industry target key are understood without a finding.
func TestParamLeniency(t *testing.T) {
	wb := mini()
	industry(wb, "60")
	param(wb, "说明", "按省厅通知")
	param(wb, "指标3满分天数", "45")
	param(wb, "指标12产业资金目标（2023）", "65%")
	rep := checker.Check(wb)
	var codes []string
	for _, f := range rep.Findings {
		if strings.HasPrefix(f.Code, "CS") {
			codes = append(codes, f.Code)
		}
	}
	if len(rep.Overrides) != 1 || !strings.Contains(rep.Overrides[0], "65.00%") || len(codes) != 1 {
		t.Errorf("overrides %q, parameter findings %v", rep.Overrides, codes)
	}
	if !rep.Indicators[11].Score.Equal(d("2")) {
		t.Errorf("indicator 12 = %s with a 65%% target", rep.Indicators[11].Score)
	}
}

func TestParamErrorsKeepDefaults(t *testing.T) {
	wb := mini()
	param(wb, "指标3满分天数", "70") // not below the zero days: refused
	param(wb, "指标3零分天数", "abc")
	param(wb, "A级分数线", "75") // below B: refused
	rep := checker.Check(wb)
	bad := 0
	for _, f := range rep.Findings {
		if f.Code == checker.CodeParamBadValue {
			bad++
		}
	}
	if len(rep.Overrides) != 0 || bad != 3 {
		t.Errorf("overrides %q, findings %v", rep.Overrides, rep.Findings)
	}
	wb = mini()
	wb.Notices[0] = notice(checker.Central, 0, "100", "2023-01-01", "2023-02-16")
	param(wb, "指标3零分天数", "75")
	param(wb, "指标3满分天数", "70") // valid once the zero days moved
	if rep := checker.Check(wb); len(rep.Overrides) != 2 || !rep.Indicators[2].Score.Equal(d("5")) {
		t.Errorf("overrides %q, indicator 3 %s", rep.Overrides, rep.Indicators[2].Score)
	}
}
