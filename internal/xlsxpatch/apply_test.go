package xlsxpatch

import (
	"bytes"
	"fmt"
	"io"
	"reflect"
	"strings"
	"testing"

	"fundcheck/internal/cellref"

	"github.com/xuri/excelize/v2"
)

const ledger = "资金明细"

// excelizeOriginal writes the fixture workbook's shape with excelize, the
// writer the county templates come from.
func excelizeOriginal(t testing.TB) []byte {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	must(f.SetSheetName("Sheet1", "基本信息"))
	_, err := f.NewSheet(ledger)
	must(err)
	must(f.SetCellValue("基本信息", "A1", "县（区）"))
	must(f.SetCellValue("基本信息", "B1", "阿城区"))
	must(f.MergeCell("基本信息", "C1", "D2"))
	must(f.SetColWidth("基本信息", "A", "A", 18))
	money, err := f.NewStyle(&excelize.Style{NumFmt: 4, Font: &excelize.Font{Bold: true, Family: "宋体"}})
	must(err)
	date, err := f.NewStyle(&excelize.Style{NumFmt: 14})
	must(err)
	must(f.SetSheetRow(ledger, "A1", &[]any{"序号", "项目名称", "金额（万元）", "日期", "占比", "备注"}))
	for i := 1; i <= 40; i++ {
		must(f.SetSheetRow(ledger, fmt.Sprintf("A%d", i+1), &[]any{i, fmt.Sprintf("项目%d", i), 1000 + float64(i)*12.5, 45300 + i, float64(i) / 40}))
	}
	must(f.SetCellStyle(ledger, "C2", "C41", money))
	must(f.SetCellStyle(ledger, "D2", "D41", date))
	must(f.SetCellFormula(ledger, "C43", "SUM(C2:C41)"))
	must(f.SetColWidth(ledger, "B", "B", 25))
	must(f.MergeCell(ledger, "A45", "F45"))
	must(f.AddComment(ledger, excelize.Comment{Cell: "C5", Author: "县财政局", Text: "原有批注：请核对"}))
	must(f.AddComment(ledger, excelize.Comment{Cell: "B9", Author: "县财政局", Text: "第二条原有批注"}))
	must(f.AutoFilter(ledger, "A1:F41", nil))
	f.SetActiveSheet(1)
	var buf bytes.Buffer
	must(f.Write(&buf))
	return buf.Bytes()
}

// testMarks flags cells of every kind: with a number format and an existing
// note (C5), note only (B9), a plain value (B3), a date (D2), an empty cell
// in an existing row (F10), a row the sheet lacks (H50), and two marks on one cell.
var testMarks = []Mark{
	{Row: 5, Col: 3, Fill: "FFC7CE", Note: "金额与汇总表不一致"},
	{Row: 9, Col: 2, Note: "项目名称重复"},
	{Row: 3, Col: 2, Fill: "FFEB9C", Note: "名称过长", Author: "复核员"},
	{Row: 2, Col: 4, Fill: "FFC7CE", Note: "日期晚于年度"},
	{Row: 10, Col: 6, Fill: "FFEB9C", Note: "备注为空"},
	{Row: 50, Col: 8, Fill: "FFC7CE", Note: "此处缺少合计"},
	{Row: 3, Col: 2, Fill: "FFC7CE", Note: "第二个问题"},
}

func sources(t *testing.T) map[string][]byte {
	return map[string][]byte{
		"excelize":    excelizeOriginal(t),
		"openpyxl":    readFixture(t, "openpyxl.xlsx"),
		"libreoffice": readFixture(t, "libreoffice.xlsx"),
		"gnumeric":    readFixture(t, "gnumeric.xlsx"),
	}
}

func TestApplyKeepsOriginalAndAddsMarks(t *testing.T) {
	for name, orig := range sources(t) {
		t.Run(name, func(t *testing.T) {
			got := patch(t, orig, Plan{NewSheets: []string{"审核结论", "问题清单"}, Marks: map[string][]Mark{ledger: testMarks}}, ledger)
			keep(t, name+".xlsx", got)
			checkPatched(t, orig, got, hasPart(t, got, "xl/theme/theme1.xml"))
		})
	}
}

// checkPatched holds got, the result of patching orig with testMarks on the
// ledger, to account: every original sheet unchanged but for the marked
// fills, the fills and notes in place, and the new sheets first.
func checkPatched(t *testing.T, orig, got []byte, themed bool) {
	t.Helper()
	of, gf := openBook(t, orig), openBook(t, got)
	flagged := map[string]bool{}
	for _, m := range testMarks {
		if m.Fill != "" {
			flagged[cellref.Cell(m.Row, m.Col)] = true
		}
	}
	for _, sheet := range of.GetSheetList() {
		var fl map[string]bool
		if sheet == ledger {
			fl = flagged
		}
		compareSheet(t, of, gf, sheet, fl)
	}
	checkFills(t, of, gf, testMarks, themed)
	checkNotes(t, of, gf)
	checkNewSheets(t, gf, len(of.GetSheetList()))
}

// compareSheet checks that every cell of sheet has the same value, formula
// and style in both books; flagged cells may differ in fill only.
func compareSheet(t *testing.T, of, gf *excelize.File, sheet string, flagged map[string]bool) {
	t.Helper()
	rows, err := of.GetRows(sheet, excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	maxCol := 8
	for _, r := range rows {
		maxCol = max(maxCol, len(r))
	}
	for r := 1; r <= len(rows)+2; r++ {
		for c := 1; c <= maxCol; c++ {
			cell := cellref.Cell(r, c)
			ov, _ := of.GetCellValue(sheet, cell, excelize.Options{RawCellValue: true})
			gv, err := gf.GetCellValue(sheet, cell, excelize.Options{RawCellValue: true})
			if err != nil || ov != gv {
				t.Errorf("%s!%s: value %q, want %q (%v)", sheet, cell, gv, ov, err)
			}
			ofm, _ := of.GetCellFormula(sheet, cell)
			gfm, _ := gf.GetCellFormula(sheet, cell)
			if ofm != gfm {
				t.Errorf("%s!%s: formula %q, want %q", sheet, cell, gfm, ofm)
			}
			os, gs := style(t, of, sheet, cell), style(t, gf, sheet, cell)
			if flagged[cell] {
				os.Fill, gs.Fill = excelize.Fill{}, excelize.Fill{}
			}
			if !reflect.DeepEqual(os, gs) {
				t.Errorf("%s!%s: style %+v, want %+v", sheet, cell, gs, os)
			}
		}
		oh, _ := of.GetRowHeight(sheet, r)
		gh, _ := gf.GetRowHeight(sheet, r)
		if oh != gh {
			t.Errorf("%s row %d: height %v, want %v", sheet, r, gh, oh)
		}
	}
	for c := 1; c <= maxCol; c++ {
		ow, _ := of.GetColWidth(sheet, cellref.Column(c))
		gw, _ := gf.GetColWidth(sheet, cellref.Column(c))
		if ow != gw {
			t.Errorf("%s column %s: width %v, want %v", sheet, cellref.Column(c), gw, ow)
		}
	}
	om, _ := of.GetMergeCells(sheet)
	gm, _ := gf.GetMergeCells(sheet)
	if fmt.Sprint(om) != fmt.Sprint(gm) {
		t.Errorf("%s: merged %v, want %v", sheet, gm, om)
	}
}

func style(t *testing.T, f *excelize.File, sheet, cell string) excelize.Style {
	t.Helper()
	i, err := f.GetCellStyle(sheet, cell)
	if err != nil {
		t.Fatal(err)
	}
	s, err := f.GetStyle(i)
	if err != nil {
		t.Fatalf("%s!%s: style %d: %v", sheet, cell, i, err)
	}
	return *s
}

// checkFills: a flagged cell shows its first mark's colour and keeps its
// number format, font and borders.
func checkFills(t *testing.T, of, gf *excelize.File, marks []Mark, themed bool) {
	t.Helper()
	done := map[string]bool{}
	for _, m := range marks {
		cell := cellref.Cell(m.Row, m.Col)
		if m.Fill == "" || done[cell] {
			continue
		}
		done[cell] = true
		gs := style(t, gf, ledger, cell)
		// excelize reports no colour at all in a book without a theme part
		// (LibreOffice, gnumeric); the openpyxl check reads it there.
		noTheme := !themed && strings.Join(gs.Fill.Color, "") == ""
		if gs.Fill.Type != "pattern" || gs.Fill.Pattern != 1 || !noTheme && (len(gs.Fill.Color) != 1 || !strings.EqualFold(gs.Fill.Color[0], m.Fill)) {
			t.Errorf("%s: fill %+v, want solid %s", cell, gs.Fill, m.Fill)
		}
		os := style(t, of, ledger, cell)
		if gs.NumFmt != os.NumFmt || !reflect.DeepEqual(gs.CustomNumFmt, os.CustomNumFmt) || !reflect.DeepEqual(gs.Font, os.Font) || !reflect.DeepEqual(gs.Border, os.Border) {
			t.Errorf("%s: format/font/border changed: %+v, want %+v", cell, gs, os)
		}
	}
}

// checkNotes: the original notes stay, the new ones are there, and a cell
// that already had a note holds both texts.
func checkNotes(t *testing.T, of, gf *excelize.File) {
	t.Helper()
	oc, err := of.GetComments(ledger)
	if err != nil {
		t.Fatal(err)
	}
	gc, err := gf.GetComments(ledger)
	if err != nil {
		t.Fatal(err)
	}
	text := map[string]string{}
	author := map[string]string{}
	for _, c := range gc {
		text[c.Cell] = noteText(c)
		author[c.Cell] = c.Author
	}
	for _, c := range oc {
		if !strings.Contains(text[c.Cell], strings.TrimSpace(strings.TrimPrefix(noteText(c), c.Author+":"))) {
			t.Errorf("original note on %s lost: have %q, want it to contain %q", c.Cell, text[c.Cell], c.Text)
		}
	}
	want := map[string][]string{
		"C5": {"原有批注：请核对", "金额与汇总表不一致"},
		"B9": {"第二条原有批注", "项目名称重复"},
		"B3": {"名称过长", "第二个问题"},
		"D2": {"日期晚于年度"}, "F10": {"备注为空"}, "H50": {"此处缺少合计"},
	}
	for cell, parts := range want {
		for _, p := range parts {
			if !strings.Contains(text[cell], p) {
				t.Errorf("note on %s = %q, want it to contain %q", cell, text[cell], p)
			}
		}
	}
	if author["D2"] != DefaultAuthor || author["B3"] != "复核员" {
		t.Errorf("authors D2 %q, B3 %q; want %q, 复核员", author["D2"], author["B3"], DefaultAuthor)
	}
	if len(gc) != len(oc)+4 {
		t.Errorf("%d notes, want %d", len(gc), len(oc)+4)
	}
}

// checkNewSheets: the donor's sheets come first, the first is active, and
// they keep their values, styles, links, filter, panes and chart.
func checkNewSheets(t *testing.T, gf *excelize.File, origCount int) {
	t.Helper()
	list := gf.GetSheetList()
	if len(list) != origCount+2 || list[0] != "审核结论" || list[1] != "问题清单" {
		t.Fatalf("sheets %v", list)
	}
	if gf.GetActiveSheetIndex() != 0 {
		t.Errorf("active sheet %d, want 0", gf.GetActiveSheetIndex())
	}
	if v, _ := gf.GetCellValue("审核结论", "A3"); v != "效益" {
		t.Errorf("审核结论!A3 = %q", v)
	}
	if v, _ := gf.GetCellValue("审核结论", "E2"); v != "87.5%" {
		t.Errorf("审核结论!E2 = %q, want 87.5%%", v)
	}
	if s := style(t, gf, "审核结论", "A1"); s.Font == nil || !s.Font.Bold {
		t.Errorf("审核结论!A1 lost its bold font: %+v", s.Font)
	}
	ok, link, _ := gf.GetCellHyperLink("问题清单", "C2")
	if !ok || link != "'"+ledger+"'!B2" {
		t.Errorf("问题清单!C2 link %v %q", ok, link)
	}
	ok, link, _ = gf.GetCellHyperLink("问题清单", "D4")
	if !ok || link != "https://example.com/规则" {
		t.Errorf("问题清单!D4 link %v %q", ok, link)
	}
	panes, err := gf.GetPanes("问题清单")
	if err != nil || !panes.Freeze || panes.YSplit != 1 {
		t.Errorf("问题清单 panes %+v %v", panes, err)
	}
	names := gf.GetDefinedName()
	found := false
	for _, n := range names {
		if n.Name == "_xlnm._FilterDatabase" && n.Scope == "问题清单" {
			found = true
		}
	}
	if !found {
		t.Errorf("no filter database name on 问题清单: %+v", names)
	}
}

// noteText is a note's whole text: excelize gives a plain note in Text and a
// rich one in Paragraph.
func noteText(c excelize.Comment) string {
	s := c.Text
	for _, r := range c.Paragraph {
		s += r.Text
	}
	return s
}

func hasPart(t testing.TB, book []byte, name string) bool {
	for _, f := range zipOf(t, book).File {
		if f.Name == name {
			return true
		}
	}
	return false
}

// TestApplyKeepsDefinedNamesAndSelection: names local to a sheet (filter,
// print area) follow their sheet when the new ones go in front, and only
// the first new sheet is selected.
func TestApplyKeepsDefinedNamesAndSelection(t *testing.T) {
	for name, orig := range sources(t) {
		t.Run(name, func(t *testing.T) {
			got := patch(t, orig, Plan{NewSheets: []string{"审核结论", "问题清单"}, Marks: map[string][]Mark{ledger: testMarks}}, ledger)
			of, gf := openBook(t, orig), openBook(t, got)
			have := map[string]bool{}
			for _, n := range gf.GetDefinedName() {
				have[n.Name+"|"+n.Scope+"|"+n.RefersTo] = true
			}
			for _, n := range of.GetDefinedName() {
				if !have[n.Name+"|"+n.Scope+"|"+n.RefersTo] {
					t.Errorf("defined name %s (scope %s, %s) lost or moved", n.Name, n.Scope, n.RefersTo)
				}
			}
			selected := 0
			for _, f := range zipOf(t, got).File {
				if !strings.HasPrefix(f.Name, "xl/worksheets/sheet") {
					continue
				}
				x := string(rawBytes(t, func() (io.Reader, error) { return f.Open() }))
				if strings.Contains(x, `tabSelected="1"`) || strings.Contains(x, `tabSelected="true"`) {
					selected++
					if !strings.Contains(x, "计算得分") && !strings.Contains(x, "<is>") {
						t.Errorf("%s is selected", f.Name)
					}
				}
			}
			if selected != 1 {
				t.Errorf("%d selected sheets, want 1", selected)
			}
		})
	}
}

func TestRewriteWorkbook(t *testing.T) {
	add := []addedSheet{{name: "新", rid: "rId9", id: 7, names: [][]byte{[]byte(`<definedName name="_xlnm._FilterDatabase" localSheetId="1" hidden="1">'新'!$A$1:$B$2</definedName>`)}}}
	tests := []struct {
		name  string
		in    string
		front bool
		want  string
	}{{
		name:  "front: ids shift, active and first sheet reset",
		in:    `<workbook xmlns:r="` + nsRel + `"><bookViews><workbookView firstSheet="1" activeTab="2"/></bookViews><sheets><sheet name="a" sheetId="1" r:id="rId1"/></sheets><definedNames><definedName name="_xlnm.Print_Area" localSheetId="0">a!$A$1</definedName></definedNames><calcPr/></workbook>`,
		front: true,
		want: `<workbook xmlns:r="` + nsRel + `"><bookViews><workbookView activeTab="0"/></bookViews><sheets><sheet name="新" sheetId="7" r:id="rId9"/><sheet name="a" sheetId="1" r:id="rId1"/></sheets>` +
			`<definedNames><definedName name="_xlnm.Print_Area" localSheetId="1">a!$A$1</definedName><definedName name="_xlnm._FilterDatabase" localSheetId="0" hidden="1">'新'!$A$1:$B$2</definedName></definedNames><calcPr/></workbook>`,
	}, {
		name: "at the end, no bookViews, no definedNames, prefixed",
		in:   `<x:workbook xmlns:x="main"><x:sheets><x:sheet name="a" sheetId="1" r:id="rId1" xmlns:r="` + nsRel + `"/></x:sheets><x:externalReferences/><x:calcPr/></x:workbook>`,
		want: `<x:workbook xmlns:x="main"><x:bookViews><x:workbookView activeTab="1"/></x:bookViews><x:sheets><x:sheet name="a" sheetId="1" r:id="rId1" xmlns:r="` + nsRel + `"/>` +
			`<x:sheet name="新" sheetId="7" xmlns:r="` + nsRel + `" r:id="rId9"/></x:sheets><x:externalReferences/>` +
			`<x:definedNames><x:definedName name="_xlnm._FilterDatabase" localSheetId="1" hidden="1">'新'!$A$1:$B$2</x:definedName></x:definedNames><x:calcPr/></x:workbook>`,
	}}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			b, err := rewriteWorkbook([]byte(tc.in), add, tc.front, 1)
			if err != nil {
				t.Fatal(err)
			}
			got := string(b)
			if got != tc.want {
				t.Errorf("got\n%s\nwant\n%s", got, tc.want)
			}
		})
	}
}
