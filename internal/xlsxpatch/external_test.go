package xlsxpatch

import (
	"bytes"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// TestUntouchedPartsKeepTheirBytes compares the compressed bytes of every
// part the plan does not change.
func TestUntouchedPartsKeepTheirBytes(t *testing.T) {
	for name, orig := range sources(t) {
		t.Run(name, func(t *testing.T) {
			got := patch(t, orig, Plan{NewSheets: []string{"审核结论", "问题清单"}, Marks: map[string][]Mark{ledger: testMarks}}, ledger)
			gz := zipOf(t, got)
			out := map[string][]byte{}
			for _, f := range gz.File {
				out[f.Name] = rawBytes(t, f.OpenRaw)
			}
			changed := 0
			for _, f := range zipOf(t, orig).File {
				g, ok := out[f.Name]
				if !ok {
					if !isNotesPart(f.Name) {
						t.Errorf("%s: missing from the result", f.Name)
					}
					continue
				}
				if !bytes.Equal(g, rawBytes(t, f.OpenRaw)) {
					changed++
					if !mayChange(f.Name) {
						t.Errorf("%s: compressed bytes differ", f.Name)
					}
				}
			}
			if changed == 0 {
				t.Error("no part changed at all")
			}
		})
	}
}

// isNotesPart: the ledger's notes and their drawing are replaced by merged ones.
func isNotesPart(name string) bool {
	return strings.Contains(name, "comment") || strings.HasSuffix(name, ".vml")
}

// mayChange lists the parts this plan has to rewrite: the package's content
// types, the workbook, its relationships and styles, and the sheets (with
// their relationships and notes) that get fills, notes or lose the tab selection.
func mayChange(name string) bool {
	switch {
	case name == "[Content_Types].xml", name == "xl/workbook.xml", name == "xl/_rels/workbook.xml.rels",
		name == "xl/styles.xml", strings.HasPrefix(name, "xl/worksheets/"), isNotesPart(name):
		return true
	}
	return false
}

func rawBytes(t testing.TB, open func() (io.Reader, error)) []byte {
	t.Helper()
	r, err := open()
	if err != nil {
		t.Fatal(err)
	}
	b, err := io.ReadAll(r)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestExcelizeCanAnnotateTheResult: excelize reopens the result and adds a
// note to the sheet whose notes were merged (LibreOffice's "shape_0" ids
// would make it fail) and to a new sheet, then saves.
func TestExcelizeCanAnnotateTheResult(t *testing.T) {
	for name, orig := range sources(t) {
		t.Run(name, func(t *testing.T) {
			got := patch(t, orig, Plan{NewSheets: []string{"审核结论", "问题清单"}, Marks: map[string][]Mark{ledger: testMarks}}, ledger)
			f := openBook(t, got)
			for _, sheet := range []string{ledger, "问题清单"} {
				if err := f.AddComment(sheet, excelize.Comment{Cell: "A30", Author: "x", Text: "再加一条"}); err != nil {
					t.Fatalf("%s: AddComment: %v", sheet, err)
				}
			}
			var buf bytes.Buffer
			if err := f.Write(&buf); err != nil {
				t.Fatal(err)
			}
			g := openBook(t, buf.Bytes())
			cs, err := g.GetComments(ledger)
			if err != nil {
				t.Fatal(err)
			}
			found := false
			for _, c := range cs {
				found = found || c.Cell == "A30" && strings.Contains(noteText(c), "再加一条")
			}
			if !found || len(cs) < 7 {
				t.Errorf("notes after AddComment: %+v", cs)
			}
		})
	}
}

const openpyxlCheck = `
import sys
from openpyxl import load_workbook
wb = load_workbook(sys.argv[1])
assert wb.sheetnames[:2] == ["审核结论", "问题清单"], wb.sheetnames
assert wb.active.title == "审核结论", wb.active.title
led = wb["资金明细"]
for cell, text in [("C5", "金额与汇总表不一致"), ("C5", "原有批注"), ("B9", "项目名称重复"), ("F10", "备注为空"), ("H50", "此处缺少合计")]:
    c = led[cell].comment
    assert c is not None and text in c.text, (cell, c and c.text)
assert led["D2"].comment.author == "fundcheck", led["D2"].comment.author
for cell, rgb in [("C5", "FFFFC7CE"), ("B3", "FFFFEB9C"), ("F10", "FFFFEB9C"), ("H50", "FFFFC7CE")]:
    f = led[cell].fill
    assert f.fill_type == "solid" and f.fgColor.rgb == rgb, (cell, f.fill_type, f.fgColor.rgb)
assert led["C5"].number_format == "#,##0.00", led["C5"].number_format
assert led["C5"].font.b, "C5 lost bold"
assert led["C43"].value == "=SUM(C2:C41)", led["C43"].value
links = wb["问题清单"]
assert links["C2"].hyperlink.location == "'资金明细'!B2", links["C2"].hyperlink.location
assert links["A3"].value == "E001", links["A3"].value
assert links.freeze_panes == "A2", links.freeze_panes
verdict = wb["审核结论"]
assert verdict["A4"].value == "满意度" and verdict["E2"].number_format == "0.0%", (verdict["A4"].value, verdict["E2"].number_format)
assert len(verdict._charts) == 1, verdict._charts
print("ok")
`

// TestOpenpyxlReadsTheResult opens every patched fixture with openpyxl.
func TestOpenpyxlReadsTheResult(t *testing.T) {
	py := "/usr/bin/python3"
	if _, err := os.Stat(py); err != nil {
		t.Skip("no /usr/bin/python3")
	}
	if exec.Command(py, "-c", "import openpyxl").Run() != nil {
		t.Skip("openpyxl not installed for /usr/bin/python3")
	}
	dir := t.TempDir()
	for name, orig := range sources(t) {
		t.Run(name, func(t *testing.T) {
			got := patch(t, orig, Plan{NewSheets: []string{"审核结论", "问题清单"}, Marks: map[string][]Mark{ledger: testMarks}}, ledger)
			p := filepath.Join(dir, name+".xlsx")
			if err := os.WriteFile(p, got, 0o644); err != nil {
				t.Fatal(err)
			}
			out, err := exec.Command(py, "-c", openpyxlCheck, p).CombinedOutput()
			if err != nil || !strings.Contains(string(out), "ok") {
				t.Errorf("openpyxl: %v\n%s", err, out)
			}
		})
	}
}

// TestLibreOfficeOpensTheResult converts patched books to PDF and checks the
// new sheets, the notes' cells and the chart's title come through.
func TestLibreOfficeOpensTheResult(t *testing.T) {
	soffice, err := exec.LookPath("soffice")
	if err != nil {
		t.Skip("LibreOffice (soffice) not installed")
	}
	if testing.Short() {
		t.Skip("LibreOffice conversion is slow")
	}
	pdftotext, _ := exec.LookPath("pdftotext")
	dir := t.TempDir()
	for _, name := range []string{"excelize", "libreoffice"} {
		orig := sources(t)[name]
		got := patch(t, orig, Plan{NewSheets: []string{"审核结论", "问题清单"}, Marks: map[string][]Mark{ledger: testMarks}}, ledger)
		p := filepath.Join(dir, name+".xlsx")
		if err := os.WriteFile(p, got, 0o644); err != nil {
			t.Fatal(err)
		}
		cmd := exec.Command(soffice, "--headless", "-env:UserInstallation=file://"+filepath.Join(dir, "profile"),
			"--convert-to", "pdf", "--outdir", dir, p)
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("%s: soffice: %v\n%s", name, err, out)
		}
		pdf := filepath.Join(dir, name+".pdf")
		if _, err := os.Stat(pdf); err != nil {
			t.Fatalf("%s: LibreOffice wrote no PDF: %v", name, err)
		}
		if pdftotext == "" {
			continue
		}
		out, err := exec.Command(pdftotext, "-layout", pdf, "-").Output()
		if err != nil {
			t.Fatal(err)
		}
		text := string(out)
		wants := []string{"计算得分与自评得分", "满意度", "E002", "项目40", "1,500.00"}
		if name == "libreoffice" { // excelize writes no cached formula values and no merged text here
			wants = append(wants, "50,250.00", "合并单元格")
		}
		for _, want := range wants {
			if !strings.Contains(text, want) {
				t.Errorf("%s: PDF lacks %q", name, want)
			}
		}
		if i, j := strings.Index(text, "满意度"), strings.Index(text, "项目40"); i > j {
			t.Errorf("%s: the verdict sheet does not come first", name)
		}
	}
}

// TestEmptyPlanCopiesEverything: with nothing to do, the result is the
// original part for part, in order, compressed bytes and all.
func TestEmptyPlanCopiesEverything(t *testing.T) {
	for name, orig := range sources(t) {
		t.Run(name, func(t *testing.T) {
			var out bytes.Buffer
			if err := Apply(&out, zipOf(t, orig), nil, Plan{}); err != nil {
				t.Fatal(err)
			}
			of, gf := zipOf(t, orig).File, zipOf(t, out.Bytes()).File
			if len(of) != len(gf) {
				t.Fatalf("%d parts, want %d", len(gf), len(of))
			}
			for i := range of {
				if of[i].Name != gf[i].Name || !bytes.Equal(rawBytes(t, of[i].OpenRaw), rawBytes(t, gf[i].OpenRaw)) || of[i].CRC32 != gf[i].CRC32 {
					t.Errorf("part %d: %s differs from %s", i, gf[i].Name, of[i].Name)
				}
			}
		})
	}
}
