package checker

import (
	"testing"

	"github.com/shopspring/decimal"
)

func TestNormalName(t *testing.T) {
	for _, c := range []struct {
		a, b string
		same bool
	}{
		{"杨树街富勤村北兰旗屯巷路建设项目", "杨树街道富勤村北兰旗屯巷路建设项目", true},
		{"新兴街道办事处新兴村巷路项目", "新兴街新兴村巷路项目", true},
		{"平山镇人民政府绥中村项目", "平山乡绥中村项目", true},
		{"阿什河办事处城建村路边沟项目", "阿什河城建村路边沟项目", true},
		{"平山镇 2号桥（维修）项目", "平山乡２号桥维修项目", true},
		{"Ａ区１号 仓库", "A区1号仓库", true},
		{"2023年春季雨露计划补助项目", "2023年秋季雨露计划补助项目", false},
		{"松峰山镇欧李采摘园区建设（二期）项目", "松峰山镇欧李采摘园区建设项目", false},
		{"松峰山镇欧李采摘园区建设（二期）项目", "松峰山镇欧李采摘园区建设（三期）项目", false},
		{"料甸街民生村粮食仓储建设项目", "料甸街民生村玉米烘干粮储库建设项目", false},
	} {
		if got := normalName(c.a) == normalName(c.b); got != c.same {
			t.Errorf("%s / %s: same %v, want %v (%s, %s)", c.a, c.b, got, c.same, normalName(c.a), normalName(c.b))
		}
	}
}

func TestRound2HalfUp(t *testing.T) {
	for in, want := range map[string]string{
		"2.335": "2.34", "2.3349999": "2.33", "6.985": "6.99", "0.005": "0.01", "95.93181818": "95.93",
		"101.5227": "101.52", "3.785": "3.79", "-0.005": "-0.01",
	} {
		if got := round2(decimal.RequireFromString(in)); !got.Equal(decimal.RequireFromString(want)) {
			t.Errorf("round2(%s) = %s, want %s", in, got, want)
		}
	}
}

func TestSamePct(t *testing.T) {
	for _, c := range []struct {
		declared, computed string
		same               bool
	}{
		{"0.6227", "0.62268", true},
		{"0.0164", "0.016499", false},
		{"0.0165", "0.016499", true},
		{"0.62270000000001", "0.6227", true},
		{"0.62265", "0.62264", false},
	} {
		if got := samePct(decimal.RequireFromString(c.declared), decimal.RequireFromString(c.computed)); got != c.same {
			t.Errorf("samePct(%s, %s) = %v", c.declared, c.computed, got)
		}
	}
}

func TestReadGrade(t *testing.T) {
	for in, want := range map[string]string{"A": "A", "a级": "A", "优": "A", "优秀": "A", "良": "B", "中": "C", "差": "D", "Ｄ": "D", "甲": ""} {
		got, ok := readGrade(in)
		if got != want || ok != (want != "") {
			t.Errorf("readGrade(%q) = %q, %v", in, got, ok)
		}
	}
}
