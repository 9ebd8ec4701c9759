package sheets

import (
	"strings"
	"testing"
	"time"

	"github.com/shopspring/decimal"
)

func TestParseNumber(t *testing.T) {
	tests := []struct {
		in   string
		want string
		pct  bool
		unit string
		ok   bool
	}{
		{"406", "406", false, "", true},
		{"406.00", "406", false, "", true},
		{" 4,950.68 ", "4950.68", false, "", true},
		{"1,234,567", "1234567", false, "", true},
		{"４０６", "406", false, "", true},
		{"４，９５０．６８", "4950.68", false, "", true},
		{"406万元", "406", false, "万元", true},
		{"406.00万元", "406", false, "万元", true},
		{"4060000元", "4060000", false, "元", true},
		{"-5", "-5", false, "", true},
		{"－5", "-5", false, "", true},
		{"−0.5", "-0.5", false, "", true},
		{"+3", "3", false, "", true},
		{"62.27%", "0.6227", true, "", true},
		{"62.27％", "0.6227", true, "", true},
		{"100%", "1", true, "", true},
		{"8.34分", "8.34", false, "分", true},
		{"3个", "3", false, "个", true},
		{"1.5E+3", "1500", false, "", true},
		{".5", "0.5", false, "", true},
		{"1e999999999", "", false, "", false},
		{"1E-99", "1E-99", false, "", true},
		{"1,2", "", false, "", false},
		{"12,34.5", "", false, "", false},
		{"abc", "", false, "", false},
		{"4 950", "4950", false, "", true},
		{"二〇二三", "", false, "", false},
		{"406亿元", "", false, "", false},
		{"", "", false, "", false},
	}
	for _, tt := range tests {
		n, ok := parseNumber(tt.in)
		if ok != tt.ok {
			t.Errorf("parseNumber(%q) ok = %v, want %v", tt.in, ok, tt.ok)
			continue
		}
		if !ok {
			continue
		}
		if !n.v.Equal(decimal.RequireFromString(tt.want)) || n.pct != tt.pct || n.unit != tt.unit {
			t.Errorf("parseNumber(%q) = %s pct=%v unit=%q, want %s pct=%v unit=%q", tt.in, n.v, n.pct, n.unit, tt.want, tt.pct, tt.unit)
		}
	}
}

func TestBlankMarks(t *testing.T) {
	for _, s := range []string{"", "  ", "-", "—", "——", "－", "／", "/", "--", "\u3000"} {
		if !isBlankText(s) {
			t.Errorf("isBlankText(%q) = false", s)
		}
	}
	for _, s := range []string{"0", "-5", "无", "否"} {
		if isBlankText(s) {
			t.Errorf("isBlankText(%q) = true", s)
		}
	}
}

func TestRoundSignificant(t *testing.T) {
	tests := []struct{ in, want string }{
		{"3699.98999999999999999", "3699.99"}, // gnumeric
		{"81.68000000000001", "81.68"},        // openpyxl
		{"0.62270000000000003", "0.6227"},
		{"-3699.98999999999999999", "-3699.99"},
		{"128.300000000000000003", "128.3"},
		{"0.000012345678901234567", "0.0000123456789012346"},
		{"123456789012345678", "123456789012346000"},
		{"4950.68", "4950.68"},
		{"0", "0"},
		{"1E-3", "0.001"},
	}
	for _, tt := range tests {
		got, ok := parseNumericCell(tt.in)
		if !ok || !got.Equal(decimal.RequireFromString(tt.want)) {
			t.Errorf("parseNumericCell(%q) = %s, %v; want %s", tt.in, got, ok, tt.want)
		}
	}
}

// A numeric cell no spreadsheet could write is unreadable, not a number
// whose sums would take a billion digits.
func TestParseNumericCellOutOfRange(t *testing.T) {
	for _, in := range []string{"1e999999999", "1E-999999999", "abc"} {
		if d, ok := parseNumericCell(in); ok {
			t.Errorf("parseNumericCell(%q) = %s, want unreadable", in, d)
		}
	}
	if _, ok := parseNumericCell("1.7976931348623157E+308"); !ok {
		t.Error("the largest double must read")
	}
}

// Text no clerk types as an amount is unreadable: a number of a thousand
// trillion or more, or more digits than any spreadsheet writes.
func TestParseNumberOutOfRange(t *testing.T) {
	for _, in := range []string{"1e99", "1000000000000000", "-1e15", strings.Repeat("1", 101)} {
		if n, ok := parseNumber(in); ok {
			t.Errorf("parseNumber(%q) = %s, want unreadable", in, n.v)
		}
	}
	if _, ok := parseNumber("999999999999999"); !ok {
		t.Error("15 nines must read")
	}
}

func date(y, m, d int) time.Time { return time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC) }

func TestParseDateText(t *testing.T) {
	tests := []struct {
		in   string
		want time.Time
		ok   bool
	}{
		{"2023-02-07", date(2023, 2, 7), true},
		{"2023-2-7", date(2023, 2, 7), true},
		{"2023/2/7", date(2023, 2, 7), true},
		{"2023.2.7", date(2023, 2, 7), true},
		{"2023年2月7日", date(2023, 2, 7), true},
		{"2023 年 2 月 7 日", date(2023, 2, 7), true},
		{"2023年2月7号", date(2023, 2, 7), true},
		{"20230207", date(2023, 2, 7), true},
		{"２０２３年２月７日", date(2023, 2, 7), true},
		{"2023-02-07 00:00:00", date(2023, 2, 7), true},
		{"2023-02-07T00:00:00Z", date(2023, 2, 7), true},
		{"2023-02-30", time.Time{}, false},
		{"2023-13-01", time.Time{}, false},
		{"20231301", time.Time{}, false},
		{"2月7日", time.Time{}, false},
		{"45000", time.Time{}, false},
		{"明天", time.Time{}, false},
		{"0001-01-01", time.Time{}, false},
		{"0202-03-08", time.Time{}, false},
		{"1900-01-01", date(1900, 1, 1), true},
	}
	for _, tt := range tests {
		got, ok := parseDateText(tt.in)
		if ok != tt.ok || !got.Equal(tt.want) {
			t.Errorf("parseDateText(%q) = %v, %v; want %v, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
}

func TestSerialToDate(t *testing.T) {
	tests := []struct {
		serial string
		is1904 bool
		want   time.Time
		ok     bool
	}{
		{"1", false, date(1900, 1, 1), true},
		{"59", false, date(1900, 2, 28), true},
		{"61", false, date(1900, 3, 1), true},
		{"44964", false, date(2023, 2, 7), true},
		{"44964.75", false, date(2023, 2, 7), true}, // a time of day is dropped
		{"45285", false, date(2023, 12, 25), true},
		{"0", true, date(1904, 1, 1), true},
		{"43502", true, date(2023, 2, 7), true},
		{"0", false, time.Time{}, false},
		{"-1", true, time.Time{}, false},
		{"3000000", false, time.Time{}, false},
	}
	for _, tt := range tests {
		got, ok := serialToDate(decimal.RequireFromString(tt.serial), tt.is1904)
		if ok != tt.ok || !got.Equal(tt.want) {
			t.Errorf("serialToDate(%s, 1904=%v) = %v, %v; want %v, %v", tt.serial, tt.is1904, got, ok, tt.want, tt.ok)
		}
	}
	if got, ok := denseDate(decimal.NewFromInt(20230207)); !ok || !got.Equal(date(2023, 2, 7)) {
		t.Errorf("denseDate(20230207) = %v, %v", got, ok)
	}
	if _, ok := denseDate(decimal.NewFromInt(45000)); ok {
		t.Error("denseDate(45000) read a serial as yyyymmdd")
	}
}

func TestRatioFromNumber(t *testing.T) {
	tests := []struct {
		in   string
		pct  bool
		want string
	}{
		{"0.6227", false, "0.6227"},
		{"62.27", false, "0.6227"},
		{"1", false, "1"},
		{"100", false, "1"},
		{"1.02", true, "1.02"}, // 102% formatted as a percentage
		{"0.6227", true, "0.6227"},
	}
	for _, tt := range tests {
		if got := ratioFromNumber(decimal.RequireFromString(tt.in), tt.pct); !got.Equal(decimal.RequireFromString(tt.want)) {
			t.Errorf("ratioFromNumber(%s, %v) = %s, want %s", tt.in, tt.pct, got, tt.want)
		}
	}
}

func TestNormalizeHeader(t *testing.T) {
	tests := []struct{ in, name, unit string }{
		{"金额（万元）", "金额", "万元"},
		{"金额\n（万元）", "金额", "万元"},
		{" 支付 金额 (元) ", "支付金额", "元"},
		{"预算资金（元）", "预算资金", "元"},
		{"项目名称", "项目名称", ""},
		{"１２３１７反馈问题数", "12317反馈问题数", ""},
		{"上年衔接资金累计支出 （万元）", "上年衔接资金累计支出", "万元"},
	}
	for _, tt := range tests {
		name, unit := normalizeHeader(tt.in)
		if name != tt.name || unit != tt.unit {
			t.Errorf("normalizeHeader(%q) = %q, %q; want %q, %q", tt.in, name, unit, tt.name, tt.unit)
		}
	}
}
