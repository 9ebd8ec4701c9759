// Command gen writes the excelize-made fixtures of package xlsx; make.sh
// runs it along with the other writers.
package main

import (
	"log"
	"os"
	"time"

	"github.com/xuri/excelize/v2"
)

func main() {
	for _, date1904 := range []bool{false, true} {
		name := "excelize.xlsx"
		if date1904 {
			name = "excelize1904.xlsx"
		}
		if err := write(name, date1904); err != nil {
			log.Fatal(err)
		}
	}
}

func write(name string, date1904 bool) error {
	f := excelize.NewFile()
	defer f.Close()
	if err := f.SetWorkbookProps(&excelize.WorkbookPropsOptions{Date1904: &date1904}); err != nil {
		return err
	}
	const s = "项目清单"
	if err := f.SetSheetName("Sheet1", s); err != nil {
		return err
	}
	dateFmt := "yyyy\"年\"m\"月\"d\"日\""
	pctFmt := "0.0%;[Red]-0.0%"
	builtinDate, _ := f.NewStyle(&excelize.Style{NumFmt: 14})
	customDate, _ := f.NewStyle(&excelize.Style{CustomNumFmt: &dateFmt})
	builtinPct, _ := f.NewStyle(&excelize.Style{NumFmt: 10})
	customPct, _ := f.NewStyle(&excelize.Style{CustomNumFmt: &pctFmt})
	money, _ := f.NewStyle(&excelize.Style{NumFmt: 4})
	rows := [][]any{
		{"序号", "项目名称", "开工日期", "完工日期", "完成率", "占比", "金额（万元）", "备注"},
		{1, "A&B <乡村> \"道路\" 'x'", time.Date(2023, 3, 15, 0, 0, 0, 0, time.UTC), time.Date(2023, 11, 30, 0, 0, 0, 0, time.UTC), 0.6227, 0.5, 123.45, "tab\there"},
		{2, "产业园区", time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC), nil, 1, 0.125, 0.1, true},
		{3, "", nil, nil, nil, nil, 1e-7, false},
	}
	for i, r := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		if err := f.SetSheetRow(s, cell, &r); err != nil {
			return err
		}
	}
	for _, st := range []struct {
		cells string
		style int
	}{{"C2:C4", builtinDate}, {"D2:D4", customDate}, {"E2:E4", builtinPct}, {"F2:F4", customPct}, {"G2:G4", money}} {
		from, to, _ := cutRange(st.cells)
		if err := f.SetCellStyle(s, from, to, st.style); err != nil {
			return err
		}
	}
	// Row 5 stays empty; formulas below it, one shared over I2:I4.
	if err := f.SetCellFormula(s, "G6", "SUM(G2:G4)"); err != nil {
		return err
	}
	shared, ref := excelize.STCellFormulaTypeShared, "I2:I4"
	if err := f.SetCellFormula(s, "I2", "G2*2", excelize.FormulaOpts{Type: &shared, Ref: &ref}); err != nil {
		return err
	}
	if err := f.SetCellRichText(s, "B7", []excelize.RichTextRun{
		{Text: "粗体"}, {Text: "与红字", Font: &excelize.Font{Bold: true, Color: "FF0000"}},
	}); err != nil {
		return err
	}
	if err := f.SetCellStr(s, "B8", "line1\r\nline2 _x0041_ under_score"); err != nil {
		return err
	}
	if err := f.SetCellFloat(s, "L9", 3.141592653589793, -1, 64); err != nil {
		return err
	}
	for _, m := range [][2]string{{"A2", "A3"}, {"H3", "H4"}} {
		if err := f.MergeCell(s, m[0], m[1]); err != nil {
			return err
		}
	}
	if err := streamSheet(f); err != nil {
		return err
	}
	return f.SaveAs(name)
}

// streamSheet adds a sheet written by the StreamWriter, as the benchmark
// ledgers are.
func streamSheet(f *excelize.File) error {
	const s = "资金支付"
	if _, err := f.NewSheet(s); err != nil {
		return err
	}
	sw, err := f.NewStreamWriter(s)
	if err != nil {
		return err
	}
	dateStyle, _ := f.NewStyle(&excelize.Style{NumFmt: 14})
	if err := sw.SetRow("A1", []any{"凭证号", "支付日期", "金额"}); err != nil {
		return err
	}
	for i := 2; i <= 6; i++ {
		cell, _ := excelize.CoordinatesToCellName(1, i)
		row := []any{
			"PZ-" + string(rune('0'+i)),
			excelize.Cell{StyleID: dateStyle, Value: time.Date(2023, time.Month(i), 10, 0, 0, 0, 0, time.UTC)},
			float64(i) * 1.25,
		}
		if err := sw.SetRow(cell, row); err != nil {
			return err
		}
	}
	if err := sw.MergeCell("A8", "C8"); err != nil {
		return err
	}
	if err := sw.SetRow("A8", []any{"合计"}); err != nil {
		return err
	}
	return sw.Flush()
}

func cutRange(r string) (string, string, bool) {
	for i := range r {
		if r[i] == ':' {
			return r[:i], r[i+1:], true
		}
	}
	return r, r, false
}

func init() { log.SetFlags(0); log.SetOutput(os.Stderr) }
