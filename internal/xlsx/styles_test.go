package xlsx

import "testing"

func TestClassify(t *testing.T) {
	custom := map[int]string{
		9:   "0.00",
		164: `yyyy"年"m"月"d"日"`,
		165: `0.00%`,
		166: `#,##0.00_);[Red](#,##0.00)`,
		167: `"days"0`,
		168: `[h]:mm:ss`,
		169: `[$-F800]dddd\,\ mmmm\ dd\,\ yyyy`,
		170: `0.0%;[Red]-0.0%`,
		171: `0;"m"0%`,
		172: `\d0`,
		173: `_m0*s`,
		174: `General`,
		175: `@`,
		176: `[DBNum1][$-804]General`,
		177: `0.00E+00`,
		178: `"%"0`,
		179: `m/d/yy h:mm;@`,
		180: `[>=100]0%;0`,
		181: `[h]`,
		182: `yyyy年m月`,
		183: `d%`,
		184: `[mm]:ss;"x"`,
		185: `"`,
		186: `[Red`,
	}
	tests := []struct {
		id   int
		want NumClass
	}{
		{0, Plain}, {4, Plain}, {10, Percent}, {11, Plain},
		{14, Date}, {22, Date}, {27, Date}, {36, Date}, {37, Plain}, {45, Date}, {47, Date}, {49, Plain}, {50, Date}, {58, Date},
		{9, Percent}, {1, Plain}, // built-in ids keep their meaning
		{181, Date}, {182, Date}, {183, Percent}, {184, Date}, {185, Plain}, {186, Plain},
		{164, Date}, {165, Percent}, {166, Plain}, {167, Plain}, {168, Date}, {169, Date}, {170, Percent},
		{171, Plain}, {172, Plain}, {173, Plain}, {174, Plain}, {175, Plain}, {176, Plain}, {177, Plain},
		{178, Plain}, {179, Date}, {180, Percent},
		{200, Plain}, // undefined
	}
	for _, tt := range tests {
		if got := classify(tt.id, custom); got != tt.want {
			t.Errorf("classify(%d %q) = %v, want %v", tt.id, custom[tt.id], got, tt.want)
		}
	}
}
