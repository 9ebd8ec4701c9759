package xlsxw_test

import (
	"archive/zip"
	"bytes"
	"errors"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"
	"unicode/utf16"

	"fundcheck/internal/cellref"
	"fundcheck/internal/xlsx"
	"fundcheck/internal/xlsxw"

	"github.com/xuri/excelize/v2"
)

// styles is a styles part with two cell formats besides the default: bold,
// and two decimals. Made by excelize, as the annotated copy's are.
func styles(t testing.TB) []byte {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	if _, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}}); err != nil {
		t.Fatal(err)
	}
	two := "0.00"
	if _, err := f.NewStyle(&excelize.Style{CustomNumFmt: &two}); err != nil {
		t.Fatal(err)
	}
	buf, err := f.WriteToBuffer()
	if err != nil {
		t.Fatal(err)
	}
	return zipPart(t, buf.Bytes(), "xl/styles.xml")
}

func zipPart(t testing.TB, pkg []byte, name string) []byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(pkg), int64(len(pkg)))
	if err != nil {
		t.Fatal(err)
	}
	rc, err := zr.Open(name)
	if err != nil {
		t.Fatal(err)
	}
	defer rc.Close()
	b, err := io.ReadAll(rc)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// save writes wb to a file and returns its path.
func save(t *testing.T, wb *xlsxw.Workbook) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "w.xlsx")
	var buf bytes.Buffer
	n, err := wb.WriteTo(&buf)
	if err != nil {
		t.Fatal(err)
	}
	if n != int64(buf.Len()) {
		t.Errorf("WriteTo says %d bytes, wrote %d", n, buf.Len())
	}
	if err := writeFile(path, buf.Bytes()); err != nil {
		t.Fatal(err)
	}
	return path
}

func writeFile(path string, b []byte) error { return os.WriteFile(path, b, 0o644) }

func open(t *testing.T, path string) *excelize.File {
	t.Helper()
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	return f
}

// TestText: whatever a cell's text holds comes back as the same text, from
// excelize and from fundcheck's own reader, never as a formula; what XML
// cannot carry becomes U+FFFD, and text past Excel's limit is cut.
func TestText(t *testing.T) {
	long := strings.Repeat("长", 40000)
	emoji := strings.Repeat("a", 32766) + "😀" // the emoji would be units 32767 and 32768
	cases := []struct{ in, want string }{
		{"阿城区", "阿城区"},
		{`=HYPERLINK("http://x","点我")`, `=HYPERLINK("http://x","点我")`},
		{"+cmd|' /C calc'!A0", "+cmd|' /C calc'!A0"},
		{"@SUM(1)", "@SUM(1)"},
		{"<b>&amp;\"'</b>", "<b>&amp;\"'</b>"},
		{"_x0041_ and _x005F_ and _x12_", "_x0041_ and _x005F_ and _x12_"},
		{"a\x01b\x00c\uFFFEd", "a\uFFFDb\uFFFDc\uFFFDd"},
		{"bad \xff utf-8", "bad \uFFFD utf-8"},
		{"  indented\t", "  indented\t"},
		{"line 1\r\nline 2\rline 3\n", "line 1\r\nline 2\rline 3\n"},
		{long, strings.Repeat("长", 32767)},
		{emoji, strings.Repeat("a", 32766)},
	}
	sh := &xlsxw.Sheet{Name: "文本"}
	for i, c := range cases {
		sh.Row(i+1).Text(1, c.in, 0)
	}
	path := save(t, &xlsxw.Workbook{Styles: styles(t), Sheets: []*xlsxw.Sheet{sh}})

	f := open(t, path)
	own, err := xlsx.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer own.Close()
	read := map[int]string{}
	err = own.Rows("文本", func(row int, cells []xlsx.Cell) error {
		read[row] = string(cells[0].Value)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	for i, c := range cases {
		cell := cellref.Cell(i+1, 1)
		got, _ := f.GetCellValue("文本", cell)
		// XML turns a carriage return into a line feed unless escaped;
		// excelize reads the escaped one back as written.
		if got != c.want {
			t.Errorf("%s: excelize reads %q…, want %q…", cell, clip(got), clip(c.want))
		}
		if n := len(utf16.Encode([]rune(got))); n > 32767 {
			t.Errorf("%s: %d UTF-16 units, more than a cell holds", cell, n)
		}
		if fo, _ := f.GetCellFormula("文本", cell); fo != "" {
			t.Errorf("%s: became formula %q", cell, fo)
		}
		if typ, _ := f.GetCellType("文本", cell); typ != excelize.CellTypeInlineString {
			t.Errorf("%s: type %v, want inline text", cell, typ)
		}
		if read[i+1] != c.want {
			t.Errorf("%s: fundcheck's reader reads %q…, want %q…", cell, clip(read[i+1]), clip(c.want))
		}
	}
}

func clip(s string) string {
	if r := []rune(s); len(r) > 40 {
		return string(r[:40])
	}
	return s
}

// TestLayout writes every feature of a sheet and reads each back.
func TestLayout(t *testing.T) {
	first := &xlsxw.Sheet{Name: "审核'结论", Widths: []float64{6, 34.5}, PrintTitles: 3, Landscape: true}
	r := first.Row(1)
	r.Text(1, "标题", 1)
	r.Height = 28
	first.Merge("A1", "C1")
	first.Row(3).Int(1, 2023, 0)
	first.Row(3).Number(2, "-1.21", 2)
	first.Row(3).Style(3, 4, 1)
	first.Row(2).Text(2, "后补的第2行", 0)  // out of order: goes between 1 and 3
	first.Row(3).Number(1, "98.93", 2) // the same row again: replaces A3

	second := &xlsxw.Sheet{Name: "问题清单", Widths: []float64{6, 8, 9}, FrozenRows: 1, PrintTitles: 1, AutoFilter: "A1:C3"}
	second.Row(1).Text(1, "序号", 1)
	second.Row(2).Text(3, "B3", 0)
	second.Link("C2", "'审核''结论'!B3", "转到 审核'结论!B3")

	path := save(t, &xlsxw.Workbook{Styles: styles(t), Sheets: []*xlsxw.Sheet{first, second}})
	f := open(t, path)
	if got := f.GetSheetList(); !reflect.DeepEqual(got, []string{"审核'结论", "问题清单"}) || f.GetActiveSheetIndex() != 0 {
		t.Fatalf("sheets %v, active %d", got, f.GetActiveSheetIndex())
	}
	rows, _ := f.GetRows("审核'结论", excelize.Options{RawCellValue: true})
	if want := [][]string{{"标题"}, {"", "后补的第2行"}, {"98.93", "-1.21"}}; !reflect.DeepEqual(rows, want) {
		t.Errorf("rows %q, want %q", rows, want)
	}
	if typ, _ := f.GetCellType("审核'结论", "B3"); typ != excelize.CellTypeUnset && typ != excelize.CellTypeNumber {
		t.Errorf("B3 type %v, want a number", typ)
	}
	for cell, want := range map[string]int{"A1": 1, "B3": 2, "C3": 1, "D3": 1, "A2": 0} {
		if got, _ := f.GetCellStyle("审核'结论", cell); got != want {
			t.Errorf("%s style %d, want %d", cell, got, want)
		}
	}
	if ht, _ := f.GetRowHeight("审核'结论", 1); ht != 28 {
		t.Errorf("row 1 height %v", ht)
	}
	if w, _ := f.GetColWidth("审核'结论", "B"); w != 34.5 {
		t.Errorf("column B width %v", w)
	}
	if m, _ := f.GetMergeCells("审核'结论"); len(m) != 1 || m[0].GetStartAxis() != "A1" || m[0].GetEndAxis() != "C1" {
		t.Errorf("merges %v", m)
	}
	if pl, _ := f.GetPageLayout("审核'结论"); pl.Size == nil || *pl.Size != 9 || pl.Orientation == nil || *pl.Orientation != "landscape" ||
		pl.FitToWidth == nil || *pl.FitToWidth != 1 || pl.FitToHeight == nil || *pl.FitToHeight != 0 {
		t.Errorf("page layout %+v", pl)
	}
	if ok, link, _ := f.GetCellHyperLink("问题清单", "C2"); !ok || link != "'审核''结论'!B3" {
		t.Errorf("link %v %q", ok, link)
	}
	if p, _ := f.GetPanes("问题清单"); !p.Freeze || p.YSplit != 1 || p.TopLeftCell != "A2" {
		t.Errorf("panes %+v", p)
	}
	names := map[string]string{}
	for _, d := range f.GetDefinedName() {
		names[d.Scope+" "+d.Name] = d.RefersTo
	}
	want := map[string]string{
		"审核'结论 _xlnm.Print_Titles":   "'审核''结论'!$3:$3",
		"问题清单 _xlnm.Print_Titles":    "'问题清单'!$1:$1",
		"问题清单 _xlnm._FilterDatabase": "'问题清单'!$A$1:$C$3",
	}
	if !reflect.DeepEqual(names, want) {
		t.Errorf("defined names %v, want %v", names, want)
	}
	x := part(t, path, "xl/worksheets/sheet2.xml")
	for _, s := range []string{`<dimension ref="A1:C2"/>`, `<autoFilter ref="A1:C3"/>`} {
		if !strings.Contains(x, s) {
			t.Errorf("sheet2.xml lacks %s", s)
		}
	}
}

func part(t *testing.T, path, name string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(zipPart(t, b, name))
}

// TestOpensElsewhere: openpyxl loads the workbook with its values and
// LibreOffice converts it without complaint.
func TestOpensElsewhere(t *testing.T) {
	sh := &xlsxw.Sheet{Name: "审核结论", Widths: []float64{10}, FrozenRows: 1, PrintTitles: 1, AutoFilter: "A1:B2", Landscape: true}
	sh.Row(1).Text(1, "指标", 1)
	sh.Row(1).Text(2, "得分", 1)
	sh.Row(2).Text(1, "=1+1", 0)
	sh.Row(2).Number(2, "3.79", 2)
	sh.Merge("A3", "B3")
	sh.Link("A2", "'审核结论'!B2", "转到 B2")
	path := save(t, &xlsxw.Workbook{Styles: styles(t), Sheets: []*xlsxw.Sheet{sh}})

	const py = "/usr/bin/python3"
	if err := exec.Command(py, "-c", "import openpyxl").Run(); err != nil {
		t.Logf("openpyxl not available: %v", err)
	} else {
		out, err := exec.Command(py, "-c", `
import sys, openpyxl
ws = openpyxl.load_workbook(sys.argv[1])["审核结论"]
print(repr(ws["A2"].value), ws["A2"].data_type, ws["B2"].value, ws["B2"].number_format, ws.freeze_panes, ws.auto_filter.ref)
`, path).CombinedOutput()
		if err != nil {
			t.Fatalf("openpyxl: %v\n%s", err, out)
		}
		if got, want := strings.TrimSpace(string(out)), "'=1+1' s 3.79 0.00 A2 A1:B2"; got != want {
			t.Errorf("openpyxl reads %s, want %s", got, want)
		}
	}
	soffice, err := exec.LookPath("soffice")
	if err != nil {
		t.Skip("LibreOffice (soffice) is not installed")
	}
	dir := t.TempDir()
	cmd := exec.Command(soffice, "-env:UserInstallation=file://"+filepath.Join(dir, "profile"),
		"--headless", "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76", "--outdir", dir, path)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("soffice: %v\n%s", err, out)
	}
	csv, err := os.ReadFile(filepath.Join(dir, "w.csv"))
	if err != nil {
		t.Fatal(err)
	}
	if got, want := strings.TrimSpace(string(csv)), "指标,得分\n=1+1,3.79"; !strings.HasPrefix(got, want) {
		t.Errorf("LibreOffice reads %q, want %q", got, want)
	}
}

// TestStream: rows made while the sheet is written come out in order below
// the rows made before, with their links; a row out of order, or an error
// of Stream, fails the write.
func TestStream(t *testing.T) {
	const rows = 20000
	sh := &xlsxw.Sheet{Name: "汇总", FrozenRows: 1}
	sh.Row(1).Text(1, "地区", 1)
	sh.Stream = func(next func(int) *xlsxw.Row) error {
		for n := 2; n <= rows; n++ {
			r := next(n)
			r.Text(1, "县"+strconv.Itoa(n), 0)
			r.Number(2, strconv.Itoa(n)+".5", 2)
			if n%1000 == 0 {
				target := "结果/县 " + strconv.Itoa(n) + "&_审核结果.xlsx"
				r.Text(3, target, 0)
				sh.LinkFile(cellref.Cell(n, 3), target)
			}
		}
		return nil
	}
	sh.Link("A1", "'汇总'!A2", "")
	path := save(t, &xlsxw.Workbook{Styles: styles(t), Sheets: []*xlsxw.Sheet{sh}})
	f := open(t, path)
	got, err := f.GetRows("汇总")
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != rows || got[0][0] != "地区" || got[rows-1][0] != "县"+strconv.Itoa(rows) || got[1][1] != "2.50" {
		t.Fatalf("%d rows, first %q, second %q, last %q", len(got), got[0], got[1], got[len(got)-1])
	}
	for n := 1000; n <= rows; n += 1000 {
		cell := cellref.Cell(n, 3)
		if ok, link, _ := f.GetCellHyperLink("汇总", cell); !ok || link != "结果/县%20"+strconv.Itoa(n)+"&_审核结果.xlsx" {
			t.Errorf("%s links to %v %q", cell, ok, link)
		}
	}
	if ok, link, _ := f.GetCellHyperLink("汇总", "A1"); !ok || link != "'汇总'!A2" {
		t.Errorf("A1 links to %v %q", ok, link)
	}

	for name, stream := range map[string]func(func(int) *xlsxw.Row) error{
		"row again": func(next func(int) *xlsxw.Row) error { next(1); return nil },
		"backwards": func(next func(int) *xlsxw.Row) error { next(5); next(3); return nil },
		"error":     func(func(int) *xlsxw.Row) error { return errors.New("读取临时文件失败") },
	} {
		sh := &xlsxw.Sheet{Name: "汇总", Stream: stream}
		sh.Row(1).Text(1, "地区", 0)
		if _, err := (&xlsxw.Workbook{Styles: styles(t), Sheets: []*xlsxw.Sheet{sh}}).WriteTo(io.Discard); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
}

// TestTheme: with the theme part the styles refer to, excelize reads the
// colours back; some county scripts use it.
func TestTheme(t *testing.T) {
	f := excelize.NewFile()
	id, err := f.NewStyle(&excelize.Style{Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"DDEBF7"}}})
	if err != nil {
		t.Fatal(err)
	}
	buf, err := f.WriteToBuffer()
	if err != nil {
		t.Fatal(err)
	}
	sh := &xlsxw.Sheet{Name: "汇总"}
	sh.Row(1).Text(1, "地区", id)
	path := save(t, &xlsxw.Workbook{Styles: zipPart(t, buf.Bytes(), "xl/styles.xml"),
		Theme: zipPart(t, buf.Bytes(), "xl/theme/theme1.xml"), Sheets: []*xlsxw.Sheet{sh}})
	g := open(t, path)
	st, err := g.GetStyle(id)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(st.Fill.Color, []string{"DDEBF7"}) {
		t.Errorf("fill %v, want DDEBF7", st.Fill.Color)
	}
}

// TestLimits: a row or column Excel has not fails the write, whether made
// with Row or streamed, with an error and no panic; links past Excel's
// limit, and links to nowhere, are dropped.
func TestLimits(t *testing.T) {
	st := styles(t)
	for name, fill := range map[string]func(*xlsxw.Sheet){
		"row 0":                func(s *xlsxw.Sheet) { s.Row(0).Text(1, "x", 0) },
		"row past the last":    func(s *xlsxw.Sheet) { s.Row(xlsxw.MaxRow+1).Text(1, "x", 0) },
		"column 0":             func(s *xlsxw.Sheet) { s.Row(1).Text(0, "x", 0) },
		"column past the last": func(s *xlsxw.Sheet) { s.Row(1).Style(xlsxw.MaxCol, xlsxw.MaxCol+1, 0) },
		"streamed past the last": func(s *xlsxw.Sheet) {
			s.Stream = func(next func(int) *xlsxw.Row) error { next(xlsxw.MaxRow+1).Int(1, 1, 0); return nil }
		},
	} {
		sh := &xlsxw.Sheet{Name: "工作表"}
		fill(sh)
		if _, err := (&xlsxw.Workbook{Styles: st, Sheets: []*xlsxw.Sheet{sh}}).WriteTo(io.Discard); err == nil || !strings.Contains(err.Error(), "Excel 的") {
			t.Errorf("%s: error %v", name, err)
		}
	}

	sh := &xlsxw.Sheet{Name: "问题清单"}
	sh.Row(1).Text(1, "x", 0)
	sh.Link("A1", "", "无处可去")
	sh.LinkFile("A1", "")
	for i := range xlsxw.MaxLinks + 10 {
		if i%2 == 0 {
			sh.Link(cellref.Cell(i+1, 2), "'问题清单'!A1", "")
		} else {
			sh.LinkFile(cellref.Cell(i+1, 2), "结果/"+strconv.Itoa(i)+".xlsx")
		}
	}
	path := save(t, &xlsxw.Workbook{Styles: st, Sheets: []*xlsxw.Sheet{sh}})
	x := part(t, path, "xl/worksheets/sheet1.xml")
	if n := strings.Count(x, "<hyperlink "); n != xlsxw.MaxLinks {
		t.Errorf("%d links written, want %d", n, xlsxw.MaxLinks)
	}
	if strings.Contains(x, `location=""`) {
		t.Error("a link to nowhere was written")
	}
	if n := strings.Count(part(t, path, "xl/worksheets/_rels/sheet1.xml.rels"), `TargetMode="External"`); n != xlsxw.MaxLinks/2 {
		t.Errorf("%d file links, want %d", n, xlsxw.MaxLinks/2)
	}
}
