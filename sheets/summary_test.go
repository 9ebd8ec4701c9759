package sheets

import (
	"errors"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"fundcheck/checker"

	"github.com/shopspring/decimal"
	"github.com/xuri/excelize/v2"
)

func summaryReport(county, base, adj, final, grade string, self string, findings ...checker.Finding) *checker.Report {
	d := decimal.RequireFromString
	r := &checker.Report{County: county, City: "哈尔滨市", Year: 2023,
		Base: d(base), Adjustment: d(adj), Final: d(final), Grade: grade, Findings: findings}
	if self != "" {
		r.SelfTotal = checker.Value[decimal.Decimal]{V: d(self), Set: true}
	}
	return r
}

func summaryEntries(dir string) []SummaryEntry {
	warn := checker.Finding{Code: "DF501", Severity: checker.Warning,
		Refs: []checker.Ref{{Sheet: SheetScores, Row: 4, Col: 4}}, Message: "自评 5 分，复核 3.79 分"}
	bad := checker.Finding{Code: "ZJ201", Severity: checker.Error, Message: "=HYPERLINK(\"x\")"}
	return []SummaryEntry{
		{Input: filepath.Join(dir, "宾县.xlsx"), Output: filepath.Join(dir, "宾县_审核结果.xlsx"),
			Report: summaryReport("宾县", "70.5", "2", "72.5", "C", "", bad, warn)},
		{Input: filepath.Join(dir, "坏.xlsx"), Err: &FileError{Path: "坏.xlsx", Problems: []string{"缺少工作表“支付台账”"}}},
		{Input: filepath.Join(dir, "阿城区.xlsx"), Output: filepath.Join(dir, "结果", "阿城区_审核结果.xlsx"),
			Report: summaryReport("阿城区", "84.42", "3", "98.934", "A", "89.34", warn)},
		{Input: filepath.Join(dir, "只读.xlsx"), Err: errors.New("写入审核结果失败：权限不足"),
			Report: summaryReport("=1+1", "55", "-1", "54", "D", "60")},
	}
}

func TestWriteSummary(t *testing.T) {
	dir := t.TempDir()
	path := SummaryPath(dir, time.Date(2023, 11, 15, 9, 30, 0, 0, time.UTC))
	if filepath.Base(path) != "审核汇总_20231115-093000.xlsx" {
		t.Errorf("SummaryPath = %s", path)
	}
	if err := WriteSummary(path, summaryEntries(dir)); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if got := f.GetSheetList(); !slices.Equal(got, []string{SheetSummary, SheetAllProblem}) {
		t.Errorf("sheets %v", got)
	}
	rows, err := f.GetRows(SheetSummary)
	if err != nil {
		t.Fatal(err)
	}
	want := [][]string{
		{"地区", "所属市", "年度", "复核总分", "折算得分", "等级", "自评总分", "差异（自评−复核加减分后）", "错误数", "警告数", "结果文件"},
		{"阿城区", "哈尔滨市", "2023", "84.42", "98.93", "A", "89.34", "1.92", "0", "1", "结果/阿城区_审核结果.xlsx"},
		{"宾县", "哈尔滨市", "2023", "70.50", "72.50", "C", "", "", "1", "1", "宾县_审核结果.xlsx"},
		{"=1+1", "哈尔滨市", "2023", "55.00", "54.00", "D", "60.00", "6.00", "0", "0", "未写出结果文件：写入审核结果失败：权限不足"},
		{"坏", "", "", "", "", "", "", "", "", "", "无法检查：缺少工作表“支付台账”"},
	}
	for i, w := range want {
		got := rows[i][:min(len(rows[i]), len(w))]
		for len(got) < len(w) {
			got = append(got, "")
		}
		if !slices.Equal(got, w) {
			t.Errorf("汇总 row %d\n got %q\nwant %q", i+1, got, w)
		}
	}
	if formula, _ := f.GetCellFormula(SheetSummary, "A4"); formula != "" {
		t.Errorf("county name became formula %q", formula)
	}
	if v, _ := f.GetCellValue(SheetSummary, "E2", excelize.Options{RawCellValue: true}); v != "98.93" {
		t.Errorf("E2 raw %q, want the number 98.93", v)
	}
	if typ, _ := f.GetCellType(SheetSummary, "E2"); typ != excelize.CellTypeUnset && typ != excelize.CellTypeNumber {
		t.Errorf("E2 type %v, want a number", typ)
	}
	if ok, link, _ := f.GetCellHyperLink(SheetSummary, "K2"); !ok || link != "结果/阿城区_审核结果.xlsx" {
		t.Errorf("K2 link %v %q", ok, link)
	}
	counts := map[string]string{}
	for _, r := range rows[1:6] {
		if len(r) >= 14 {
			counts[r[12]] = r[13]
		}
	}
	for g, n := range map[string]string{"A": "1", "B": "0", "C": "1", "D": "1"} {
		if counts[g] != n {
			t.Errorf("grade %s count %q, want %s", g, counts[g], n)
		}
	}
	problems, _ := f.GetRows(SheetAllProblem)
	wantProblems := [][]string{
		{"地区", "文件", "级别", "代码", "工作表", "单元格", "问题"},
		{"阿城区", "阿城区.xlsx", "警告", "DF501", "自评打分", "D4", "自评 5 分，复核 3.79 分"},
		{"宾县", "宾县.xlsx", "错误", "ZJ201", "", "", "=HYPERLINK(\"x\")"},
		{"宾县", "宾县.xlsx", "警告", "DF501", "自评打分", "D4", "自评 5 分，复核 3.79 分"},
		{"坏", "坏.xlsx", "错误", "", "", "", "无法检查：缺少工作表“支付台账”"},
	}
	if len(problems) != len(wantProblems) {
		t.Fatalf("问题汇总 has %d rows, want %d: %q", len(problems), len(wantProblems), problems)
	}
	for i, w := range wantProblems {
		got := problems[i]
		for len(got) < len(w) {
			got = append(got, "")
		}
		if !slices.Equal(got, w) {
			t.Errorf("问题汇总 row %d\n got %q\nwant %q", i+1, got, w)
		}
	}
	if formula, _ := f.GetCellFormula(SheetAllProblem, "G3"); formula != "" {
		t.Errorf("message became formula %q", formula)
	}
	for _, sheet := range []string{SheetSummary, SheetAllProblem} {
		panes, err := f.GetPanes(sheet)
		if err != nil || !panes.Freeze || panes.YSplit != 1 {
			t.Errorf("%s: header not frozen: %+v %v", sheet, panes, err)
		}
	}
	raw := unzipPart(t, path, "xl/workbook.xml")
	if !strings.Contains(raw, "_xlnm._FilterDatabase") {
		t.Error("问题汇总 has no auto-filter")
	}
	chart := unzipPart(t, path, "xl/charts/chart1.xml")
	if !strings.Contains(chart, `<varyColors val="0">`) || !strings.Contains(chart, "<barChart>") {
		t.Errorf("chart is not a single-colour bar chart:\n%.600s", chart)
	}
	if !strings.Contains(chart, "&#39;汇总&#39;!$N$9:$N$13") {
		t.Error("chart does not plot the score bands")
	}
	left, _ := filepath.Glob(filepath.Join(dir, ".*"))
	if len(left) != 0 {
		t.Errorf("temporary files left: %v", left)
	}
}

func TestWriteSummaryNeverOverwrites(t *testing.T) {
	dir := t.TempDir()
	at := time.Date(2023, 11, 15, 9, 30, 0, 0, time.UTC)
	first := SummaryPath(dir, at)
	if err := os.WriteFile(first, []byte("mine"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := WriteSummary(first, summaryEntries(dir)); err == nil || !strings.Contains(err.Error(), "不会覆盖") {
		t.Errorf("overwrote an existing file: %v", err)
	}
	if b, _ := os.ReadFile(first); string(b) != "mine" {
		t.Error("existing file changed")
	}
	if second := SummaryPath(dir, at); filepath.Base(second) != "审核汇总_20231115-093000(2).xlsx" {
		t.Errorf("second SummaryPath = %s", second)
	}
}

func TestWriteSummaryUnwritableFolder(t *testing.T) {
	err := WriteSummary(filepath.Join(t.TempDir(), "没有这个文件夹", "审核汇总_x.xlsx"), summaryEntries("."))
	if err == nil || !strings.Contains(err.Error(), "无法在文件夹") {
		t.Errorf("error %v", err)
	}
}

// TestSummaryOpensInOtherPrograms checks that openpyxl reads the numbers and
// the link as written.
func TestSummaryOpensInOtherPrograms(t *testing.T) {
	py := "/usr/bin/python3"
	if _, err := os.Stat(py); err != nil {
		t.Skip("no /usr/bin/python3 with openpyxl")
	}
	dir := t.TempDir()
	path := filepath.Join(dir, "审核汇总_t.xlsx")
	if err := WriteSummary(path, summaryEntries(dir)); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(py, "-c", `
import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
ws = wb["汇总"]
print(repr(ws["E2"].value), ws["K2"].hyperlink.target, ws.freeze_panes, wb["问题汇总"].auto_filter.ref, len(ws._charts))
`, path).CombinedOutput()
	if err != nil {
		if strings.Contains(string(out), "No module named") {
			t.Skip("openpyxl missing")
		}
		t.Fatalf("%v\n%s", err, out)
	}
	if got := strings.TrimSpace(string(out)); got != "98.93 结果/阿城区_审核结果.xlsx A2 A1:G5 1" {
		t.Errorf("openpyxl sees %q", got)
	}
}

func unzipPart(t *testing.T, path, part string) string {
	t.Helper()
	out, err := exec.Command("unzip", "-p", path, part).Output()
	if err != nil {
		t.Skipf("unzip: %v", err)
	}
	return string(out)
}

// TestSummaryLinksInLibreOffice: a result whose folder and file name hold a
// space, '#' and '%' is linked from 汇总 so that LibreOffice follows the link
// to that very file (its HTML export shows where the link goes).
func TestSummaryLinksInLibreOffice(t *testing.T) {
	soffice := lookPath(t, "soffice")
	if soffice == "" {
		t.Skip("soffice not installed")
	}
	dir := t.TempDir()
	output := filepath.Join(dir, "县区 资料", "阿城区 #2 100%_审核结果.xlsx")
	path := filepath.Join(dir, "审核汇总_t.xlsx")
	entries := []SummaryEntry{{Input: filepath.Join(dir, "阿城区.xlsx"), Output: output,
		Report: summaryReport("阿城区", "84.42", "3", "98.934", "A", "89.34")}}
	if err := WriteSummary(path, entries); err != nil {
		t.Fatal(err)
	}
	html := t.TempDir()
	convert(t, soffice, "html", path, html)
	page, err := os.ReadFile(filepath.Join(html, "审核汇总_t.html"))
	if err != nil {
		t.Fatal(err)
	}
	var hrefs []string
	for _, m := range regexp.MustCompile(`href="(file:[^"]*)"`).FindAllStringSubmatch(string(page), -1) {
		u, err := url.Parse(m[1])
		if err != nil {
			t.Fatalf("LibreOffice links to %q: %v", m[1], err)
		}
		hrefs = append(hrefs, u.Path)
		if u.Path == output && u.Fragment == "" {
			return
		}
	}
	t.Errorf("LibreOffice's links go to %q, want %q", hrefs, output)
}
