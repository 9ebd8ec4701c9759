package sheets

import (
	"fundcheck/checker"

	"github.com/xuri/excelize/v2"
)

// styles are the cell styles of the sheets the copy adds.
type styles struct {
	title, note                  int // sheet title, grey small print
	label, value, valueWrap      int // key / value block of 审核结论
	score, bigScore, count, year int // numbers in the key / value block
	header                       int
	text, wrap, center, num      int // table cells
	numLower, numHigher          int // 差异: review below / above self-score
	link                         int
	severity                     map[checker.Severity]int
}

// scoreFormat shows every computed number with two decimals.
var scoreFormat = "0.00"

func newStyles(f *excelize.File) (*styles, error) {
	border := []excelize.Border{
		{Type: "left", Color: "BFBFBF", Style: 1}, {Type: "right", Color: "BFBFBF", Style: 1},
		{Type: "top", Color: "BFBFBF", Style: 1}, {Type: "bottom", Color: "BFBFBF", Style: 1},
	}
	top := &excelize.Alignment{Vertical: "top"}
	wrapTop := &excelize.Alignment{Vertical: "top", WrapText: true}
	centerTop := &excelize.Alignment{Vertical: "top", Horizontal: "center"}
	fill := func(c string) excelize.Fill { return excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{c}} }
	s := &styles{severity: map[checker.Severity]int{}}
	defs := []struct {
		id *int
		st excelize.Style
	}{
		{&s.title, excelize.Style{Font: &excelize.Font{Bold: true, Size: 16}, Alignment: &excelize.Alignment{Vertical: "center"}}},
		{&s.note, excelize.Style{Font: &excelize.Font{Size: 9, Color: "808080"}}},
		{&s.label, excelize.Style{Font: &excelize.Font{Bold: true}, Fill: fill("F2F2F2"), Border: border, Alignment: top}},
		{&s.value, excelize.Style{Border: border, Alignment: top}},
		{&s.valueWrap, excelize.Style{Border: border, Alignment: wrapTop}},
		{&s.score, excelize.Style{Border: border, Alignment: &excelize.Alignment{Vertical: "top", Horizontal: "left"}, CustomNumFmt: &scoreFormat}},
		{&s.bigScore, excelize.Style{Font: &excelize.Font{Bold: true, Size: 14}, Border: border, Alignment: &excelize.Alignment{Vertical: "top", Horizontal: "left"}, CustomNumFmt: &scoreFormat}},
		{&s.count, excelize.Style{Border: border, Alignment: &excelize.Alignment{Vertical: "top", Horizontal: "left"}, NumFmt: 1}},
		{&s.year, excelize.Style{Border: border, Alignment: &excelize.Alignment{Vertical: "top", Horizontal: "left"}, NumFmt: 1}},
		{&s.header, excelize.Style{Font: &excelize.Font{Bold: true, Color: "FFFFFF"}, Fill: fill("4472C4"), Border: border,
			Alignment: &excelize.Alignment{Vertical: "center", Horizontal: "center", WrapText: true}}},
		{&s.text, excelize.Style{Border: border, Alignment: top}},
		{&s.wrap, excelize.Style{Border: border, Alignment: wrapTop}},
		{&s.center, excelize.Style{Border: border, Alignment: centerTop}},
		{&s.num, excelize.Style{Border: border, Alignment: top, CustomNumFmt: &scoreFormat}},
		{&s.numLower, excelize.Style{Border: border, Alignment: top, CustomNumFmt: &scoreFormat,
			Font: &excelize.Font{Bold: true, Color: "9C0006"}, Fill: fill(severityFill[checker.Error])}},
		{&s.numHigher, excelize.Style{Border: border, Alignment: top, CustomNumFmt: &scoreFormat,
			Font: &excelize.Font{Bold: true, Color: "006100"}, Fill: fill("C6EFCE")}},
		{&s.link, excelize.Style{Border: border, Alignment: wrapTop, Font: &excelize.Font{Color: "0563C1", Underline: "single"}}},
	}
	for _, d := range defs {
		id, err := f.NewStyle(&d.st)
		if err != nil {
			return nil, err
		}
		*d.id = id
	}
	for sev, c := range severityFill {
		id, err := f.NewStyle(&excelize.Style{Border: border, Alignment: centerTop, Fill: fill(c), Font: &excelize.Font{Bold: sev == checker.Error}})
		if err != nil {
			return nil, err
		}
		s.severity[sev] = id
	}
	return s, nil
}
