package app

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fundcheck/batch"
	"fundcheck/checker"
	"fundcheck/internal/sample"
	"fundcheck/sheets"

	"github.com/xuri/excelize/v2"
)

func realEnv() (Env, *bytes.Buffer, *bytes.Buffer) {
	var out, errOut bytes.Buffer
	return Env{
		Stdin: strings.NewReader(""), Stdout: &out, Stderr: &errOut,
		ExeDir: ".", Now: time.Now, Checker: batch.Default(),
		WriteTemplate: sheets.WriteTemplate, Version: "test",
	}, &out, &errOut
}

type jsonFile struct {
	Input      string      `json:"input"`
	Output     *string     `json:"output"`
	Error      *string     `json:"error"`
	County     *string     `json:"county"`
	Base       json.Number `json:"base"`
	Final      json.Number `json:"final"`
	Grade      *string     `json:"grade"`
	Indicators []struct {
		No int `json:"no"`
	} `json:"indicators"`
	Findings []struct {
		Severity string `json:"severity"`
	} `json:"findings"`
}

func (f jsonFile) count(severity string) int {
	n := 0
	for _, fd := range f.Findings {
		if fd.Severity == severity {
			n++
		}
	}
	return n
}

// TestProvinceFolder runs a province's folder: 52 generated county workbooks
// in city folders, and three broken files.
func TestProvinceFolder(t *testing.T) {
	dir := t.TempDir()
	province := filepath.Join(dir, "全省 2023")
	cities := []string{"哈尔滨市", "齐齐哈尔市", "牡丹江市", "佳木斯市"}
	var good, clean []string
	for i := range 52 {
		city := cities[i%len(cities)]
		name := fmt.Sprintf("第%02d县", i+1)
		p := filepath.Join(province, city, name+".xlsx")
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := sheets.WriteWorkbook(p, provinceCounty(i, name), ""); err != nil {
			t.Fatal(err)
		}
		good = append(good, p)
		if i%4 != 1 {
			clean = append(clean, p)
		}
	}
	broken := map[string]string{
		"文本改名.xlsx": "这不是工作簿",
		"空文件.xlsx":  "",
	}
	for name, content := range broken {
		if err := os.WriteFile(filepath.Join(province, name), []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	missing := filepath.Join(province, "缺表县.xlsx")
	writeWithout(t, missing, sheets.SheetLedger)
	brokenPaths := []string{filepath.Join(province, "文本改名.xlsx"), filepath.Join(province, "空文件.xlsx"), missing}

	// As a reviewer runs it: copies beside the inputs, lines on the console.
	env, stdout, stderr := realEnv()
	if code := Run([]string{"fundcheck", "--jobs", "2", province}, env); code != batch.ExitFailed {
		t.Errorf("exit %d, want 2 (broken files)\n%s", code, stderr)
	}
	console := stdout.String()
	for _, p := range good {
		copy := strings.TrimSuffix(p, ".xlsx") + "_审核结果.xlsx"
		if _, err := os.Stat(copy); err != nil {
			t.Errorf("no copy for %s: %v", p, err)
		}
	}
	for _, p := range brokenPaths {
		if !strings.Contains(console, p+"：") {
			t.Errorf("console does not list %s with its error:\n%s", p, console)
		}
		if _, err := os.Stat(strings.TrimSuffix(p, ".xlsx") + "_审核结果.xlsx"); err == nil {
			t.Errorf("a copy was written for broken %s", p)
		}
	}
	if n := strings.Count(console, "→ "); n != len(good)+1 { // +1: the summary line
		t.Errorf("%d lines with a copy, want %d", n, len(good))
	}

	// As a script runs it: JSON, copies and summary in --out.
	out := filepath.Join(dir, "结果")
	env, stdout, stderr = realEnv()
	if code := Run([]string{"fundcheck", "check", "--json", "--out", out, province}, env); code != batch.ExitFailed {
		t.Errorf("--json exit %d, want 2\n%s", code, stderr)
	}
	var doc struct{ Files []jsonFile }
	dec := json.NewDecoder(stdout)
	dec.UseNumber()
	if err := dec.Decode(&doc); err != nil {
		t.Fatalf("JSON: %v", err)
	}
	if len(doc.Files) != len(good)+len(brokenPaths) {
		t.Fatalf("%d files in JSON, want %d", len(doc.Files), len(good)+len(brokenPaths))
	}
	byInput := map[string]jsonFile{}
	anyError := false
	for _, f := range doc.Files {
		byInput[f.Input] = f
		if f.Error == nil {
			anyError = anyError || f.count("error") > 0
			if f.Output == nil {
				t.Errorf("%s: no output", f.Input)
			} else if _, err := os.Stat(*f.Output); err != nil || filepath.Dir(*f.Output) != out {
				t.Errorf("%s: copy %s not in --out: %v", f.Input, *f.Output, err)
			}
			if len(f.Indicators) != 17 {
				t.Errorf("%s: %d indicators", f.Input, len(f.Indicators))
			}
		}
	}
	for _, p := range brokenPaths {
		if f, ok := byInput[p]; !ok || f.Error == nil || f.Output != nil {
			t.Errorf("%s: JSON %+v, want an error and no output", p, f)
		}
	}
	summaries, _ := filepath.Glob(filepath.Join(out, "审核汇总_*.xlsx"))
	if len(summaries) != 1 {
		t.Fatalf("summaries in --out: %v", summaries)
	}
	checkSummary(t, summaries[0], doc.Files)

	if !anyError {
		t.Error("no county has an error finding: the exit status 1 is not tested")
	}

	// Only readable files: 1 when some has an error finding, else 0.
	for _, run := range []struct {
		files []string
		want  int
	}{{good, batch.ExitFindings}, {clean, batch.ExitOK}} {
		env, stdout, _ = realEnv()
		out := filepath.Join(t.TempDir(), "结果")
		if code := Run(append([]string{"fundcheck", "--out", out}, run.files...), env); code != run.want {
			t.Errorf("%d files: exit %d, want %d\n%s", len(run.files), code, run.want, stdout)
		}
	}
}

// provinceCounty is the i-th county of the province: consistent synthetic
// counties, half of them with self-scores that agree with the checker, some
// slow to place their funds (lower scores), and every fourth with a project
// outside the project library (an error finding).
func provinceCounty(i int, name string) *checker.Workbook {
	wb := sample.County(int64(i), sample.CountyOptions{Name: name, Projects: 6, Poverty: i%3 == 0})
	for j := range wb.Notices {
		if a := &wb.Notices[j].Approved; a.Set {
			a.V = a.V.AddDate(0, 0, 8*(i%5))
		}
	}
	if i%2 == 0 {
		wb = sample.WithSelfScores(wb)
	}
	if i%4 == 1 {
		wb.Projects[0].InLibrary = checker.Flag{V: false, Set: true}
	}
	return wb
}

// checkSummary compares the summary's rows with the JSON of the same run.
func checkSummary(t *testing.T, path string, files []jsonFile) {
	t.Helper()
	f, err := excelize.OpenFile(path, excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.GetRows(sheets.SheetSummary)
	if err != nil {
		t.Fatal(err)
	}
	byCounty := map[string]jsonFile{}
	var failed []jsonFile
	for _, jf := range files {
		if jf.County != nil {
			byCounty[*jf.County] = jf
		} else {
			failed = append(failed, jf)
		}
	}
	seen := 0
	for i, row := range rows[1:] {
		if len(row) < 11 {
			row = append(row, make([]string, 11-len(row))...)
		}
		jf, ok := byCounty[row[0]]
		if !ok {
			if i < len(byCounty) {
				t.Errorf("row %d %q: unreadable files must come last", i+2, row[0])
			}
			if !strings.HasPrefix(row[10], "无法检查：") {
				t.Errorf("row %d: %q has no error", i+2, row)
			}
			continue
		}
		seen++
		got := strings.Join([]string{row[3], row[4], row[5], row[8], row[9]}, " ")
		want := fmt.Sprintf("%s %s %s %d %d", jf.Base, jf.Final, *jf.Grade, jf.count("error"), jf.count("warning"))
		if got != want {
			t.Errorf("summary row %s: %s, JSON says %s", row[0], got, want)
		}
	}
	if seen != len(byCounty) {
		t.Errorf("summary has %d counties, JSON %d", seen, len(byCounty))
	}
	for _, jf := range failed {
		found := false
		for _, row := range rows {
			found = found || len(row) >= 11 && row[10] == "无法检查："+*jf.Error
		}
		if !found {
			t.Errorf("summary lacks %s with its error %q", jf.Input, *jf.Error)
		}
	}
}

// writeWithout writes a consistent county workbook and deletes one sheet.
func writeWithout(t *testing.T, path, sheet string) {
	t.Helper()
	if err := sheets.WriteWorkbook(path, sample.County(99, sample.CountyOptions{Name: "缺表县", Projects: 5}), ""); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := f.DeleteSheet(sheet); err != nil {
		t.Fatal(err)
	}
	if err := f.Save(); err != nil {
		t.Fatal(err)
	}
}
