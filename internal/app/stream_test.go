package app

import (
	"encoding/json"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"fundcheck/sheets"

	"github.com/xuri/excelize/v2"
)

// TestCheckArgumentErrorsComeLast: files are handed on as they finish, but
// the JSON document and the summary list them in the order of the
// arguments, and an argument that names no workbook after them.
func TestCheckArgumentErrorsComeLast(t *testing.T) {
	dir := t.TempDir()
	names := []string{"b.xlsx", "a.xlsx", "err.xlsx", "c.xlsx", "bad.xlsx"}
	county(t, dir, names...)
	args := []string{"check", "--json", "--jobs", "3"}
	var want []string
	for _, n := range names {
		args = append(args, filepath.Join(dir, n))
		want = append(want, filepath.Join(dir, n))
	}
	missing := filepath.Join(dir, "没有.xlsx")
	args = append(args, missing)
	want = append(want, missing)

	env, stdout, stderr, _ := testEnv("", false)
	if code := runCLI(t, env, args...); code != 2 {
		t.Errorf("exit %d, want 2\n%s", code, stderr)
	}
	var doc struct{ Files []struct{ Input string } }
	if err := json.Unmarshal(stdout.Bytes(), &doc); err != nil {
		t.Fatalf("%v\n%s", err, stdout)
	}
	var got []string
	for _, f := range doc.Files {
		got = append(got, f.Input)
	}
	if !slices.Equal(got, want) {
		t.Errorf("JSON files\n got %q\nwant %q", got, want)
	}

	f, err := excelize.OpenFile(filepath.Join(dir, "审核汇总_20231115-093000.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, _ := f.GetRows(sheets.SheetSummary)
	// Equal scores in argument order, unreadable files last.
	w := []string{"b", "a", "err", "c", "bad", "没有"}
	var counties []string
	for _, r := range rows[1:min(len(rows), len(w)+1)] {
		counties = append(counties, r[0])
	}
	if !slices.Equal(counties, w) {
		t.Errorf("汇总 rows %q, want %q", counties, w)
	}
}

// TestCheckSummaryFails: a summary that cannot be written is said on stderr
// and fails the run, and the rest of the output is as usual.
func TestCheckSummaryFails(t *testing.T) {
	for _, asJSON := range []bool{false, true} {
		dir := t.TempDir()
		county(t, dir, "a.xlsx", "b.xlsx")
		// The summary's findings go to a temporary folder that is not there.
		t.Setenv("TMPDIR", filepath.Join(dir, "没有"))
		t.Setenv("TMP", filepath.Join(dir, "没有"))
		args := []string{dir}
		if asJSON {
			args = []string{"--json", dir}
		}
		env, stdout, stderr, _ := testEnv("", false)
		if code := runCLI(t, env, args...); code != 2 {
			t.Errorf("json %v: exit %d, want 2", asJSON, code)
		}
		if !strings.Contains(stderr.String(), "汇总未写出：") {
			t.Errorf("json %v: stderr %q", asJSON, stderr)
		}
		if strings.Contains(stdout.String()+stderr.String(), "汇总 →") {
			t.Errorf("json %v: a summary is named though none was written", asJSON)
		}
		if asJSON && !json.Valid(stdout.Bytes()) {
			t.Errorf("stdout is not the JSON document:\n%s", stdout)
		}
		if !asJSON && !strings.Contains(stdout.String(), "共 2 个文件：2 个审核完成") {
			t.Errorf("no closing line:\n%s", stdout)
		}
	}
}
