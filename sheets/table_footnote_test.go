package sheets

import "testing"

func TestIsNoteRow(t *testing.T) {
	text := func(col int, s string) rawCell { return rawCell{col: col, typ: cellText, value: s} }
	num := func(col int, s string) rawCell { return rawCell{col: col, typ: cellNumber, value: s} }
	tests := []struct {
		name  string
		cells []rawCell
		want  bool
	}{
		{"注：", []rawCell{text(1, "注：本表由财政局提供")}, true},
		{"注1.", []rawCell{text(2, "注1.金额单位为万元")}, true},
		{"备注 with half-width colon", []rawCell{text(1, "备注: 无")}, true},
		{"填表人", []rawCell{text(1, "填表人：张三")}, true},
		{"说明 in full width", []rawCell{text(3, "说明：")}, true},
		{"a project name alone is a row to read", []rawCell{text(2, "注册商标培育项目")}, false},
		{"a note beside an amount is a row to read", []rawCell{text(1, "注：补录"), num(4, "12.5")}, false},
		{"a number alone", []rawCell{num(4, "12.5")}, false},
		{"nothing", nil, false},
	}
	for _, tt := range tests {
		if got := isNoteRow(tt.cells); got != tt.want {
			t.Errorf("%s: isNoteRow = %v, want %v", tt.name, got, tt.want)
		}
	}
}
