package main

import (
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"fundcheck/checker"
	"fundcheck/sheets"

	"github.com/xuri/excelize/v2"
)

// examplesDir is examples/ seen from this package's folder.
var examplesDir = filepath.Join("..", "..", "..", "..", "examples")

// The committed examples must be what the code writes today. Zip bytes
// differ between runs, so the workbooks are compared by content.
func TestExamplesUpToDate(t *testing.T) {
	dir := t.TempDir()
	if err := generate(dir); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{templateFile, achengFile, countyFile} {
		diffs, err := diffWorkbooks(filepath.Join(examplesDir, name), filepath.Join(dir, name))
		if err != nil {
			t.Errorf("%v (run go generate ./... to write the examples)", err)
			continue
		}
		if len(diffs) > 0 {
			if len(diffs) > 10 {
				diffs = append(diffs[:10], fmt.Sprintf("… and %d more", len(diffs)-10))
			}
			t.Errorf("examples/%s is out of date; run go generate ./... and commit the result:\n%s", name, strings.Join(diffs, "\n"))
		}
	}
}

// The shipped template, read and checked as it is, gives error findings
// about what is missing: the checker copes with a workbook without data.
func TestCheckBlankTemplate(t *testing.T) {
	wb, err := sheets.Read(filepath.Join(examplesDir, templateFile), sheets.Options{})
	if err != nil {
		t.Fatalf("the template was rejected: %v", err)
	}
	r := checker.Check(wb)
	if r.Count(checker.Error) == 0 {
		t.Errorf("no errors for a blank workbook; findings: %v", r.Findings)
	}
	if len(r.Indicators) != 17 {
		t.Errorf("%d indicators, want 17", len(r.Indicators))
	}
}

func TestDiffWorkbooksSeesChanges(t *testing.T) {
	dir := t.TempDir()
	if err := generate(dir); err != nil {
		t.Fatal(err)
	}
	same, err := diffWorkbooks(filepath.Join(dir, achengFile), filepath.Join(dir, achengFile))
	if err != nil || len(same) > 0 {
		t.Fatalf("a file differs from itself: %v %v", same, err)
	}
	changed := filepath.Join(dir, "changed.xlsx")
	f, err := excelize.OpenFile(filepath.Join(dir, achengFile))
	if err != nil {
		t.Fatal(err)
	}
	f.SetCellValue("项目清单", "F3", 651)
	f.SetCellValue("支付台账", "A2", "x")
	if err := f.SaveAs(changed); err != nil {
		t.Fatal(err)
	}
	diffs, err := diffWorkbooks(filepath.Join(dir, achengFile), changed)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"项目清单!F3", "支付台账!A2"} {
		if !slices.ContainsFunc(diffs, func(d string) bool { return strings.HasPrefix(d, want) }) {
			t.Errorf("no difference reported at %s; got %q", want, diffs)
		}
	}
}

// diffWorkbooks lists, one line each, how the workbook at b differs from
// the one at a: sheets, cell values, number formats, merged ranges, data
// validations, column widths and frozen panes.
func diffWorkbooks(a, b string) ([]string, error) {
	fa, err := excelize.OpenFile(a, excelize.Options{RawCellValue: true})
	if err != nil {
		return nil, err
	}
	defer fa.Close()
	fb, err := excelize.OpenFile(b, excelize.Options{RawCellValue: true})
	if err != nil {
		return nil, err
	}
	defer fb.Close()
	var diffs []string
	differ := func(where string, x, y any) {
		if xs, ys := fmt.Sprint(x), fmt.Sprint(y); xs != ys {
			diffs = append(diffs, fmt.Sprintf("%s: %s ≠ %s", where, xs, ys))
		}
	}
	differ("sheets", fa.GetSheetList(), fb.GetSheetList())
	differ("active sheet", fa.GetActiveSheetIndex(), fb.GetActiveSheetIndex())
	for _, sheet := range fa.GetSheetList() {
		if idx, _ := fb.GetSheetIndex(sheet); idx < 0 {
			continue
		}
		ca, err := describeSheet(fa, sheet)
		if err != nil {
			return nil, err
		}
		cb, err := describeSheet(fb, sheet)
		if err != nil {
			return nil, err
		}
		for _, k := range union(ca, cb) {
			differ(sheet+"!"+k, ca[k], cb[k])
		}
	}
	return diffs, nil
}

// describeSheet maps every feature of a sheet the comparison looks at to
// its value: "C12" → raw value and number format, "merge A1:D1", "dv B2:B2001",
// "width C", "panes".
func describeSheet(f *excelize.File, sheet string) (map[string]string, error) {
	out := map[string]string{}
	rows, err := f.GetRows(sheet)
	if err != nil {
		return nil, err
	}
	width := 0
	for r, row := range rows {
		width = max(width, len(row))
		for c := range row {
			cell, _ := excelize.CoordinatesToCellName(c+1, r+1)
			id, err := f.GetCellStyle(sheet, cell)
			if err != nil {
				return nil, err
			}
			st, err := f.GetStyle(id)
			if err != nil {
				return nil, err
			}
			format := fmt.Sprint(st.NumFmt)
			if st.CustomNumFmt != nil {
				format = *st.CustomNumFmt
			}
			out[cell] = fmt.Sprintf("%q [%s]", row[c], format)
		}
	}
	merges, err := f.GetMergeCells(sheet)
	if err != nil {
		return nil, err
	}
	for _, m := range merges {
		out["merge "+m.GetStartAxis()+":"+m.GetEndAxis()] = m.GetCellValue()
	}
	dvs, err := f.GetDataValidations(sheet)
	if err != nil {
		return nil, err
	}
	for _, dv := range dvs {
		out["dv "+dv.Sqref] = dv.Type + " " + dv.Formula1
	}
	for c := 1; c <= width; c++ {
		name, _ := excelize.ColumnNumberToName(c)
		w, err := f.GetColWidth(sheet, name)
		if err != nil {
			return nil, err
		}
		out["width "+name] = fmt.Sprint(w)
	}
	panes, err := f.GetPanes(sheet)
	if err != nil {
		return nil, err
	}
	out["panes"] = fmt.Sprintf("%v %d %s", panes.Freeze, panes.YSplit, panes.TopLeftCell)
	return out, nil
}

func union(a, b map[string]string) []string {
	var keys []string
	for k := range a {
		keys = append(keys, k)
	}
	for k := range b {
		if _, ok := a[k]; !ok {
			keys = append(keys, k)
		}
	}
	slices.Sort(keys)
	return keys
}

// The shipped examples, read from their files and checked, say what the
// README says they do.
func TestShippedExamplesCheck(t *testing.T) {
	read := func(name string) *checker.Report {
		t.Helper()
		wb, err := sheets.Read(filepath.Join(examplesDir, name), sheets.Options{})
		if err != nil {
			t.Fatal(err)
		}
		return checker.Check(wb)
	}

	r := read(achengFile)
	score := map[int]string{}
	for _, ind := range r.Indicators {
		score[ind.No] = ind.Score.StringFixed(2)
	}
	for _, c := range []struct{ what, got, want string }{
		{"indicator 3", score[3], "3.79"},
		{"indicator 9", score[9], "7.63"},
		{"base", r.Base.StringFixed(2), "84.42"},
		{"normalised", r.Normalized.StringFixed(2), "95.93"},
		{"final", r.Final.StringFixed(2), "98.93"},
		{"grade", r.Grade, "A"},
	} {
		if c.got != c.want {
			t.Errorf("阿城区 %s = %s, want %s", c.what, c.got, c.want)
		}
	}
	messages := ""
	for _, f := range r.Findings {
		messages += f.Message + "\n"
	}
	for _, want := range []string{"1.64%", "双丰街胜祥村苦瓜深加工项目", "杨树街道富勤村北兰旗屯巷路建设项目"} {
		if !strings.Contains(messages, want) {
			t.Errorf("阿城区: no finding mentions %s; findings:\n%s", want, messages)
		}
	}

	r = read(countyFile)
	for _, f := range r.Findings {
		t.Errorf("示例县 is meant to be clean: %s %v %s", f.Code, f.Refs, f.Message)
	}
}
