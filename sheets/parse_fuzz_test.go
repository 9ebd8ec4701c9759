package sheets

import (
	"testing"
)

// FuzzParseText feeds what a clerk might type into the text readers: none
// may panic, a date is always within the years a spreadsheet has, and a
// number never has an exponent that would make its sums enormous.
func FuzzParseText(f *testing.F) {
	for _, s := range []string{"406", "4,950.68", "４０６万元", "62.27%", "1.5E+3", "1e99", "－5", "2023年2月7日",
		"20230207", "2023-02-07T00:00:00Z", "0001-01-01", "—", "预算资金\n（万元）", "（元）", "", "9999-12-31"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if n, ok := parseNumber(s); ok {
			if e := n.v.Exponent(); e > 120 {
				t.Errorf("parseNumber(%q) = %s: exponent %d", s, n.v, e)
			}
		}
		if d, ok := parseDateText(s); ok && (d.Year() < 1900 || d.Year() > 9999) {
			t.Errorf("parseDateText(%q) = %v", s, d)
		}
		if d, ok := parseNumericCell(s); ok {
			_ = roundSignificant(d)
		}
		isBlankText(s)
		normalizeHeader(s)
	})
}
