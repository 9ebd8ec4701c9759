package sheets

import "testing"

func TestFormatClass(t *testing.T) {
	for id, want := range map[int]formatClass{0: formatOther, 2: formatOther, 9: formatPercent, 10: formatPercent,
		14: formatDate, 22: formatDate, 31: formatDate, 49: formatOther, 57: formatDate} {
		if got := builtinFormatClass(id); got != want {
			t.Errorf("builtinFormatClass(%d) = %v, want %v", id, got, want)
		}
	}
	tests := []struct {
		code string
		want formatClass
	}{
		{"General", formatOther},
		{"0.00", formatOther},
		{"#,##0.00_);[Red](#,##0.00)", formatOther},
		{`#,##0.00"万元"`, formatOther},
		{"0.00%", formatPercent},
		{"0%;[Red]-0%", formatPercent},
		{"yyyy-mm-dd", formatDate},
		{"yyyy/m/d", formatDate},
		{`yyyy"年"m"月"d"日"`, formatDate},
		{"yyyy年m月d日", formatDate},
		{"[$-804]yyyy\"年\"m\"月\"d\"日\";@", formatDate},
		{"[DBNum1][$-804]yyyy\"年\"m\"月\"d\"日\"", formatDate},
		{"[h]:mm", formatDate},
		{"0.00E+00", formatOther},
		{`"d"0`, formatOther},
		{`\d0`, formatOther},
		{"@", formatOther},
	}
	for _, tt := range tests {
		if got := formatCodeClass(tt.code); got != tt.want {
			t.Errorf("formatCodeClass(%q) = %v, want %v", tt.code, got, tt.want)
		}
	}
}
