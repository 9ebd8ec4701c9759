package sheets

import (
	"archive/zip"
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"fundcheck/checker"

	"github.com/shopspring/decimal"
	"github.com/xuri/excelize/v2"
)

// loNotesReport names cells of testdata/lo_notes.xlsx (see make_lo_notes.sh):
// one with LibreOffice's note, new cells on sheets with and without notes.
func loNotesReport(source string) *checker.Report {
	ref := func(sheet string, row, col int) []checker.Ref {
		return []checker.Ref{{Sheet: sheet, Row: row, Col: col}}
	}
	return &checker.Report{
		Source: source, County: "阿城区", Year: 2023, Indicators: sampleIndicators()[:3],
		Final: decimal.RequireFromString("70.5"), Grade: "C",
		Findings: []checker.Finding{
			{Code: "XM301", Severity: checker.Warning, Refs: ref(SheetProjects, 2, 1), Message: "项目名称重复"},
			{Code: "XM305", Severity: checker.Error, Refs: ref(SheetProjects, 6, 3), Message: "预算资金超过下达资金"},
			{Code: "TZ401", Severity: checker.Error, Refs: ref(SheetLedger, 2, 2), Message: "项目不在项目清单中"},
			{Code: "GS103", Severity: checker.Error, Refs: ref(SheetInfo, 3, 2), Message: "缺少数据截止日期"},
		},
	}
}

// TestWriteCopyForeignNotes annotates workbooks whose notes LibreOffice or
// gnumeric wrote; on LibreOffice's, excelize alone fails (strconv.Atoi:
// parsing "shape_0").
func TestWriteCopyForeignNotes(t *testing.T) {
	for _, name := range []string{"lo_notes.xlsx", "gn_notes.xlsx"} {
		t.Run(name, func(t *testing.T) { testForeignNotes(t, name) })
	}
}

func testForeignNotes(t *testing.T, name string) {
	dir := t.TempDir()
	in := filepath.Join(dir, name)
	fixture := filepath.Join("testdata", name)
	b, err := os.ReadFile(fixture)
	if err != nil {
		t.Fatal(err)
	}
	os.WriteFile(in, b, 0o644)
	r := loNotesReport(in)
	out, err := WriteCopy(in, r, CopyOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if sha(t, in) != sha(t, fixture) {
		t.Error("input changed")
	}
	a, c := openT(t, in), openT(t, out)
	for _, sheet := range a.GetSheetList() {
		before, _ := a.GetComments(sheet)
		after, err := c.GetComments(sheet)
		if err != nil {
			t.Fatal(err)
		}
		got := map[string]string{}
		for _, cm := range after {
			got[cm.Cell] = commentText(cm)
		}
		for _, cm := range before {
			if !strings.HasPrefix(got[cm.Cell], commentText(cm)) {
				t.Errorf("%s!%s: the workbook's note %q became %q", sheet, cm.Cell, commentText(cm), got[cm.Cell])
			}
		}
		for _, f := range r.Findings {
			if f.Refs[0].Sheet == sheet && !strings.Contains(got[f.Refs[0].Cell()], noteLine(f)) {
				t.Errorf("%s!%s: note %q lacks %q", sheet, f.Refs[0].Cell(), got[f.Refs[0].Cell()], noteLine(f))
			}
		}
	}
	checkNotesDrawn(t, out)
	want := map[string]int{SheetInfo: 1, SheetNotices: 0, SheetProjects: 3, SheetLedger: 2}
	for sheet, n := range want {
		if cs, _ := c.GetComments(sheet); len(cs) != n {
			t.Errorf("%s has %d notes, want %d", sheet, len(cs), n)
		}
	}
	if soffice := lookPath(t, "soffice"); soffice != "" {
		// LibreOffice must read every note back.
		lo := t.TempDir()
		convert(t, soffice, "xlsx", out, lo)
		back := openT(t, filepath.Join(lo, filepath.Base(out)))
		for sheet, n := range want {
			if cs, _ := back.GetComments(sheet); len(cs) != n {
				t.Errorf("LibreOffice reads %d notes on %s, want %d", len(cs), sheet, n)
			}
		}
	}
}

func lookPath(t *testing.T, name string) string {
	p, err := exec.LookPath(name)
	if err != nil {
		t.Logf("%s not installed: LibreOffice checks skipped", name)
		return ""
	}
	return p
}

func convert(t *testing.T, soffice, to, file, outDir string) {
	t.Helper()
	// A private profile: a LibreOffice the user has open would otherwise
	// swallow the request.
	cmd := exec.Command(soffice, "-env:UserInstallation=file://"+t.TempDir(), "--headless",
		"--convert-to", to, "--outdir", outDir, file)
	if msg, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("soffice --convert-to %s: %v\n%s", to, err, msg)
	}
	name := strings.TrimSuffix(filepath.Base(file), filepath.Ext(file)) + "." + to
	if _, err := os.Stat(filepath.Join(outDir, name)); err != nil {
		t.Fatalf("LibreOffice did not convert %s: %v", file, err)
	}
}

// TestCopyOpensInLibreOffice: LibreOffice prints the copy (to PDF), with
// the verdict's and the findings' text in it.
func TestCopyOpensInLibreOffice(t *testing.T) {
	soffice := lookPath(t, "soffice")
	if soffice == "" {
		t.Skip("soffice not installed")
	}
	_, out, _ := writeSample(t)
	dir := t.TempDir()
	convert(t, soffice, "pdf", out, dir)
	pdf := filepath.Join(dir, strings.TrimSuffix(filepath.Base(out), ".xlsx")+".pdf")
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext not installed")
	}
	text, err := exec.Command("pdftotext", "-l", "3", pdf, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"审核结论", "98.93", "审核意见", "计分依据", "问题清单", "XM999"} {
		if !strings.Contains(string(text), want) {
			t.Errorf("the first pages LibreOffice prints lack %q", want)
		}
	}
}

const openpyxlScript = `
import json, sys
import openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
v, f = wb.worksheets[0], wb.worksheets[1]
rows = list(v.iter_rows(values_only=True))
kv = {}
for r in rows:
    if r[0] and r[0] not in kv:
        kv[r[0]] = r[2]
out = {
    "sheets": wb.sheetnames,
    "active": wb.active.title,
    "final": kv.get("最终得分"),
    "grade": kv.get("等级"),
    "errors": kv.get("错误（条）"),
    "findings": f.max_row - 1,
    "link": f["E3"].hyperlink.location if f["E3"].hyperlink else None,
    "filter": f.auto_filter.ref,
    "freeze": f.freeze_panes,
    "types": sorted({c.data_type for row in f.iter_rows(min_row=2) for c in row[1:] if c.value is not None}),
    "note": wb["基本信息"]["B7"].comment.text if wb["基本信息"]["B7"].comment else None,
}
print(json.dumps(out, ensure_ascii=False))
`

// TestCopyOpensInOpenpyxl reads the copy's new sheets back with openpyxl.
func TestCopyOpensInOpenpyxl(t *testing.T) {
	py := "/usr/bin/python3"
	if err := exec.Command(py, "-c", "import openpyxl").Run(); err != nil {
		t.Skipf("%s with openpyxl not available: %v", py, err)
	}
	_, out, _ := writeSample(t)
	b, err := exec.Command(py, "-c", openpyxlScript, out).CombinedOutput()
	if err != nil {
		t.Fatalf("openpyxl: %v\n%s", err, b)
	}
	var got struct {
		Sheets   []string
		Active   string
		Final    float64
		Grade    string
		Errors   int
		Findings int
		Link     string
		Filter   string
		Freeze   string
		Types    []string
		Note     string
	}
	if err := json.Unmarshal(b, &got); err != nil {
		t.Fatalf("%v: %s", err, b)
	}
	if got.Sheets[0] != SheetVerdict || got.Sheets[1] != SheetFindings || got.Active != SheetVerdict {
		t.Errorf("sheets %v, active %s", got.Sheets, got.Active)
	}
	if got.Final != 98.93 || got.Grade != "A" || got.Errors != 9 || got.Findings != 17 {
		t.Errorf("openpyxl reads %+v", got)
	}
	if got.Link != "'基本信息'!B7" || strings.ReplaceAll(got.Filter, "$", "") != "A1:G18" || got.Freeze != "A2" {
		t.Errorf("link %q filter %q freeze %q", got.Link, got.Filter, got.Freeze)
	}
	if strings.Join(got.Types, "") != "ns" && strings.Join(got.Types, "") != "s" {
		t.Errorf("cell types in 问题清单: %v (formula-like text must stay text)", got.Types)
	}
	if !strings.Contains(got.Note, "ZJ201") {
		t.Errorf("note on 基本信息!B7: %q", got.Note)
	}
}

var (
	noteRow    = regexp.MustCompile(`<x:Row>\s*(\d+)\s*</x:Row>`)
	noteColumn = regexp.MustCompile(`<x:Column>\s*(\d+)\s*</x:Column>`)
	commentRef = regexp.MustCompile(`<comment ref="([A-Z]+[0-9]+)"`)
)

// checkNotesDrawn checks that on every sheet of the workbook at path each
// note has exactly one drawing (VML shape) and each note drawing a note:
// Excel shows a note through its drawing.
func checkNotesDrawn(t *testing.T, path string) {
	t.Helper()
	z, err := zip.OpenReader(path)
	if err != nil {
		t.Fatal(err)
	}
	defer z.Close()
	files := map[string]*zip.File{}
	for _, f := range z.File {
		files[f.Name] = f
	}
	sheets, err := sheetParts(files)
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range sheets {
		if s.vml == "" {
			continue
		}
		vml, _ := readPart(files[s.vml])
		comments, _ := readPart(files[s.comments])
		var drawn, noted []string
		for _, shape := range vmlShape.FindAll(vml, -1) {
			if !bytes.Contains(shape, []byte(`ObjectType="Note"`)) {
				continue
			}
			r, _ := strconv.Atoi(string(noteRow.FindSubmatch(shape)[1]))
			c, _ := strconv.Atoi(string(noteColumn.FindSubmatch(shape)[1]))
			drawn = append(drawn, checker.ColumnName(c+1)+strconv.Itoa(r+1))
		}
		for _, m := range commentRef.FindAllSubmatch(comments, -1) {
			noted = append(noted, string(m[1]))
		}
		slices.Sort(drawn)
		slices.Sort(noted)
		if !slices.Equal(drawn, noted) {
			t.Errorf("%s: notes on %v but drawings for %v", s.name, noted, drawn)
		}
	}
}

func ExampleWriteCopy() {
	dir, _ := os.MkdirTemp("", "fundcheck")
	defer os.RemoveAll(dir)
	in := filepath.Join(dir, "阿城区.xlsx")
	b, _ := os.ReadFile("testdata/lo_notes.xlsx")
	os.WriteFile(in, b, 0o644)
	report := loNotesReport(in)

	out, err := WriteCopy(in, report, CopyOptions{})
	if err != nil {
		fmt.Println(err)
		return
	}
	f, _ := excelize.OpenFile(out)
	defer f.Close()
	fmt.Println(filepath.Base(out))
	fmt.Println(f.GetSheetList())
	// Output:
	// 阿城区_审核结果.xlsx
	// [审核结论 问题清单 基本信息 资金下达 项目清单 支付台账]
}
