package sheets

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"fundcheck/checker"
	"fundcheck/internal/sample"

	"github.com/shopspring/decimal"
	"github.com/xuri/excelize/v2"
)

func openRaw(t *testing.T, path string) *excelize.File {
	t.Helper()
	f, err := excelize.OpenFile(path, excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	return f
}

func cell(t *testing.T, f *excelize.File, sheet, ref string) string {
	t.Helper()
	v, err := f.GetCellValue(sheet, ref)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

// numFmt is the number format of a cell, or of its column when the cell
// has no style of its own.
func numFmt(t *testing.T, f *excelize.File, sheet, ref string) string {
	t.Helper()
	id, err := f.GetCellStyle(sheet, ref)
	if err != nil {
		t.Fatal(err)
	}
	st, err := f.GetStyle(id)
	if err != nil {
		t.Fatal(err)
	}
	if st.CustomNumFmt != nil {
		return *st.CustomNumFmt
	}
	return strconv.Itoa(st.NumFmt)
}

func TestWriteTemplate(t *testing.T) {
	path := filepath.Join(t.TempDir(), "模板.xlsx")
	if err := WriteTemplate(path); err != nil {
		t.Fatal(err)
	}
	f := openRaw(t, path)
	want := []string{SheetGuide, SheetInfo, SheetNotices, SheetProjects, SheetLedger, SheetScores}
	if got := f.GetSheetList(); !slices.Equal(got, want) {
		t.Fatalf("sheets %v, want %v", got, want)
	}
	if f.GetActiveSheetIndex() != 0 {
		t.Errorf("active sheet %d, want 填表说明 first", f.GetActiveSheetIndex())
	}
	for _, tb := range []table{noticeTable, projectTable, ledgerTable, scoreTable} {
		for i, c := range tb.columns {
			ref := checker.Ref{Row: 1, Col: i + 1}.Cell()
			if got := cell(t, f, tb.sheet, ref); got != c.header() {
				t.Errorf("%s!%s = %q, want header %q", tb.sheet, ref, got, c.header())
			}
			// The format a clerk gets when typing into an empty row.
			if wantFmt, ok := numFmts[c.kind]; ok {
				blank := checker.Ref{Row: 50, Col: i + 1}.Cell()
				if got := numFmt(t, f, tb.sheet, blank); got != wantFmt {
					t.Errorf("%s!%s (%s) format %q, want %q", tb.sheet, blank, c.name, got, wantFmt)
				}
			}
		}
		written := 1 // the header
		if tb.sheet == SheetScores {
			written += len(checker.Indicators())
		}
		assertDropLists(t, f, tb, written+inputRows)
		panes, err := f.GetPanes(tb.sheet)
		if err != nil || !panes.Freeze || panes.YSplit != 1 {
			t.Errorf("%s: header row not frozen: %+v %v", tb.sheet, panes, err)
		}
	}

	rows, err := f.GetRows(SheetInfo)
	if err != nil {
		t.Fatal(err)
	}
	keys := map[string]int{}
	for i, r := range rows {
		if len(r) > 0 {
			keys[r[0]] = i + 1
		}
	}
	for _, k := range infoKeys {
		row, ok := keys[k.key]
		if !ok {
			t.Errorf("基本信息 has no key %s", k.key)
			continue
		}
		note := cell(t, f, SheetInfo, "C"+strconv.Itoa(row))
		if k.required != strings.HasPrefix(note, "必填") {
			t.Errorf("基本信息 %s: 说明 %q, required %v", k.key, note, k.required)
		}
		if v := cell(t, f, SheetInfo, "B"+strconv.Itoa(row)); v != "" {
			t.Errorf("基本信息 %s is %q in the blank template", k.key, v)
		}
	}
	dvs, err := f.GetDataValidations(SheetInfo)
	if err != nil || len(dvs) != 1 {
		t.Fatalf("基本信息 data validations %v %v", dvs, err)
	}
	for _, k := range []string{"是否脱贫县", "县级公开"} {
		if !slices.Contains(strings.Fields(dvs[0].Sqref), "B"+strconv.Itoa(keys[k])) {
			t.Errorf("基本信息 %s has no 是/否 list (lists on %s)", k, dvs[0].Sqref)
		}
	}

	for i, ind := range checker.Indicators() {
		row := strconv.Itoa(i + 2)
		if no, got := cell(t, f, SheetScores, "A"+row), cell(t, f, SheetScores, "B"+row); no != strconv.Itoa(ind.No) || got != ind.Name {
			t.Errorf("自评打分 row %s = %s %s, want %d %s", row, no, got, ind.No, ind.Name)
		}
	}
	if v := cell(t, f, SheetScores, "A19"); v != "" {
		t.Errorf("自评打分 A19 = %q after the 17 indicators", v)
	}

	guide, err := f.GetRows(SheetGuide)
	if err != nil {
		t.Fatal(err)
	}
	text := ""
	for _, r := range guide {
		text += strings.Join(r, " ") + "\n"
	}
	wantTexts := []string{"万元", "2023年2月7日", "落实到项目日期", "合计", "第一行", "每笔支付一行", "负数", "参数", "审核结论"}
	for _, p := range checker.ParamKeys() {
		wantTexts = append(wantTexts, p.Key+"  "+p.Default+" "+p.Meaning)
	}
	for _, want := range wantTexts {
		if !strings.Contains(text, want) {
			t.Errorf("填表说明 does not mention %s", want)
		}
	}
}

// assertDropLists checks that every closed-set column of tb offers its
// choices from row 2 down to row last.
func assertDropLists(t *testing.T, f *excelize.File, tb table, last int) {
	t.Helper()
	dvs, err := f.GetDataValidations(tb.sheet)
	if err != nil {
		t.Fatal(err)
	}
	for i, c := range tb.columns {
		if c.choices == nil {
			continue
		}
		col := checker.ColumnName(i + 1)
		sqref := col + "2:" + col + strconv.Itoa(last)
		k := slices.IndexFunc(dvs, func(dv *excelize.DataValidation) bool { return dv.Sqref == sqref })
		if k < 0 {
			t.Errorf("%s %s: no drop-down list on %s", tb.sheet, c.name, sqref)
			continue
		}
		if want := `"` + strings.Join(c.choices, ",") + `"`; dvs[k].Type != "list" || dvs[k].Formula1 != want {
			t.Errorf("%s %s: list %s %s, want %s", tb.sheet, c.name, dvs[k].Type, dvs[k].Formula1, want)
		}
	}
}

func TestWriteRefusesExistingFile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "已有.xlsx")
	if err := os.WriteFile(path, []byte("keep"), 0o644); err != nil {
		t.Fatal(err)
	}
	for name, write := range map[string]func() error{
		"template": func() error { return WriteTemplate(path) },
		"workbook": func() error { return WriteWorkbook(path, sample.Acheng(), "") },
	} {
		err := write()
		if !errors.Is(err, fs.ErrExist) || !strings.Contains(err.Error(), path) || !strings.Contains(err.Error(), "不会覆盖") {
			t.Errorf("%s: err = %v, want a Chinese refusal naming %s", name, err, path)
		}
	}
	if b, _ := os.ReadFile(path); string(b) != "keep" {
		t.Errorf("existing file changed to %q", b)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("left behind: %v", entries)
	}
}

func TestWriteIntoMissingFolder(t *testing.T) {
	path := filepath.Join(t.TempDir(), "没有", "模板.xlsx")
	if err := WriteTemplate(path); err == nil || !strings.Contains(err.Error(), "没有") {
		t.Errorf("err = %v, want one naming the folder", err)
	}
}

// writeAcheng writes the Acheng model and opens the result.
func writeAcheng(t *testing.T, opts ...WriteOption) *excelize.File {
	t.Helper()
	path := filepath.Join(t.TempDir(), "阿城区2023.xlsx")
	if err := WriteWorkbook(path, sample.Acheng(), sample.AchengNote, opts...); err != nil {
		t.Fatal(err)
	}
	return openRaw(t, path)
}

func TestWriteWorkbookAcheng(t *testing.T) {
	f := writeAcheng(t, CategoryOncePerBlock())
	dateOf := func(sheet, ref string) string {
		t.Helper()
		if got := numFmt(t, f, sheet, ref); got != "yyyy-mm-dd" {
			t.Errorf("%s!%s format %q, want a date", sheet, ref, got)
		}
		serial, err := strconv.ParseFloat(cell(t, f, sheet, ref), 64)
		if err != nil {
			t.Fatalf("%s!%s is not a real date: %v", sheet, ref, err)
		}
		d, err := excelize.ExcelDateToTime(serial, false)
		if err != nil {
			t.Fatal(err)
		}
		return d.Format(time.DateOnly)
	}
	for _, c := range []struct{ sheet, ref, want string }{
		// The note about the constructed ledger comes first in 填表说明.
		{SheetGuide, "A2", "本文件说明"},
		{SheetGuide, "B2", sample.AchengNote},
		{SheetInfo, "B3", "阿城区"},
		{SheetInfo, "B5", "2023"},
		{SheetInfo, "B6", "否"},
		// The county-level notice is the last; it has no dates.
		{SheetNotices, "A2", "中央"},
		{SheetNotices, "B2", "少数民族发展"},
		{SheetNotices, "C2", "哈财指（农）〔2023〕8号"},
		{SheetNotices, "E2", "118"},
		{SheetNotices, "A8", "县级"},
		{SheetNotices, "E8", "81.68"},
		{SheetNotices, "F8", ""},
		// Projects: each category written on the first row of its block,
		// the 合计 row after the block, 资金总额 last.
		{SheetProjects, "B2", "交界街博碾村秸秆打包机采购项目"},
		{SheetProjects, "C2", "产业类"},
		{SheetProjects, "F2", "406"},
		{SheetProjects, "G2", "0.6227"},
		{SheetProjects, "C3", ""},
		{SheetProjects, "C17", ""},
		{SheetProjects, "B18", "产业类项目合计"},
		{SheetProjects, "C18", "产业类"},
		{SheetProjects, "F18", "3082.7"},
		{SheetProjects, "C19", "基础设施类"},
		{SheetProjects, "C20", ""},
		{SheetProjects, "B38", "基础设施类项目合计"},
		{SheetProjects, "F38", "1808.5"},
		{SheetProjects, "C39", "其他类"},
		{SheetProjects, "B43", "其他类项目合计"},
		{SheetProjects, "F43", "59.48"},
		{SheetProjects, "B44", "资金总额"},
		{SheetProjects, "C44", ""},
		{SheetProjects, "F44", "4950.68"},
		{SheetProjects, "G44", "1"},
		{SheetProjects, "B45", ""},
		{SheetScores, "D10", "8.34"},
		{SheetScores, "D14", ""},
		{SheetScores, "D15", "3"},
	} {
		if got := cell(t, f, c.sheet, c.ref); got != c.want {
			t.Errorf("%s!%s = %q, want %q", c.sheet, c.ref, got, c.want)
		}
	}
	for _, c := range []struct{ sheet, ref, want string }{
		{SheetInfo, "B7", "2023-12-25"},
		{SheetNotices, "F2", "2022-12-15"},
		{SheetNotices, "G3", "2023-02-06"},
		{SheetLedger, "A2", sample.Acheng().Payments[0].Date.V.Format(time.DateOnly)},
		{SheetLedger, "A30", sample.Acheng().Payments[28].Date.V.Format(time.DateOnly)},
	} {
		if got := dateOf(c.sheet, c.ref); got != c.want {
			t.Errorf("%s!%s = %s, want %s", c.sheet, c.ref, got, c.want)
		}
	}
	for sheet, ref := range map[string]string{SheetProjects: "F2", SheetNotices: "E2", SheetLedger: "D2"} {
		if got := numFmt(t, f, sheet, ref); got != "0.00" {
			t.Errorf("%s!%s format %q, want 0.00", sheet, ref, got)
		}
	}
	if got := numFmt(t, f, SheetProjects, "G2"); got != "0.00%" {
		t.Errorf("项目清单!G2 format %q, want 0.00%%", got)
	}

	// The ledger: one row per payment, the amounts add up to the report's
	// spending at the cut-off.
	rows, err := f.GetRows(SheetLedger)
	if err != nil {
		t.Fatal(err)
	}
	wb := sample.Acheng()
	if len(rows) != len(wb.Payments)+1 {
		t.Fatalf("支付台账 has %d rows, want %d payments and the header", len(rows), len(wb.Payments))
	}
	total := decimal.Zero
	for _, r := range rows[1:] {
		total = total.Add(decimal.RequireFromString(r[3]))
	}
	if !total.Equal(decimal.RequireFromString("4709.77")) {
		t.Errorf("ledger total %s, want 4709.77", total)
	}
	assertDropLists(t, f, projectTable, len(wb.Projects)+len(wb.Subtotals)+1+inputRows)
}

func TestWriteWorkbookCategoryOnEveryRow(t *testing.T) {
	f := writeAcheng(t)
	for ref, want := range map[string]string{"C3": "产业类", "C17": "产业类", "C20": "基础设施类", "C40": "其他类"} {
		if got := cell(t, f, SheetProjects, ref); got != want {
			t.Errorf("项目清单!%s = %q, want %q", ref, got, want)
		}
	}
}

func TestWriteWorkbookParams(t *testing.T) {
	wb := sample.Acheng()
	wb.Params = []checker.Param{
		{Key: checker.Text{V: "指标12产业比例目标", Set: true}, Raw: checker.Text{V: "65%", Set: true}},
		{Key: checker.Text{V: "等级A分数线", Set: true}, Num: checker.Value[decimal.Decimal]{V: decimal.NewFromInt(85), Set: true}},
	}
	path := filepath.Join(t.TempDir(), "参数.xlsx")
	if err := WriteWorkbook(path, wb, ""); err != nil {
		t.Fatal(err)
	}
	f := openRaw(t, path)
	if got := f.GetSheetList(); got[len(got)-1] != SheetParams {
		t.Fatalf("sheets %v: no 参数 sheet last", got)
	}
	for ref, want := range map[string]string{"A1": "参数", "B1": "取值", "A2": "指标12产业比例目标", "B2": "65%", "B3": "85"} {
		if got := cell(t, f, SheetParams, ref); got != want {
			t.Errorf("参数!%s = %q, want %q", ref, got, want)
		}
	}
}

func BenchmarkWriteWorkbook(b *testing.B) {
	wb := sample.County(1, sample.CountyOptions{Projects: 500, Payments: 100_000})
	dir := b.TempDir()
	for i := 0; b.Loop(); i++ {
		if err := WriteWorkbook(filepath.Join(dir, strconv.Itoa(i)+".xlsx"), wb, ""); err != nil {
			b.Fatal(err)
		}
	}
}
