package sheets

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"fundcheck/checker"

	"github.com/xuri/excelize/v2"
)

// sheetRows is every row of both sheets of the summary at path.
func sheetRows(t *testing.T, path string) map[string][][]string {
	t.Helper()
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	out := map[string][][]string{}
	for _, s := range []string{SheetSummary, SheetAllProblem} {
		if out[s], err = f.GetRows(s); err != nil {
			t.Fatal(err)
		}
	}
	return out
}

// TestSummaryAddedInAnyOrder adds the entries as a batch finishes them, in
// shuffled orders, and wants WriteSummary's workbook: equal scores and
// unreadable files in the order of the entries, not of the calls.
func TestSummaryAddedInAnyOrder(t *testing.T) {
	dir := t.TempDir()
	entries := summaryEntries(dir)
	// Ties: a second 72.5 and a second unreadable file.
	entries = append(entries,
		SummaryEntry{Input: filepath.Join(dir, "尚志市.xlsx"), Report: summaryReport("尚志市", "70.5", "2", "72.5", "C", "")},
		SummaryEntry{Input: filepath.Join(dir, "坏2.xlsx"), Err: errors.New("不是工作簿")})
	want := filepath.Join(dir, "want.xlsx")
	if err := WriteSummary(want, entries); err != nil {
		t.Fatal(err)
	}
	wantRows := sheetRows(t, want)
	r := rand.New(rand.NewPCG(1, 2))
	for n := range 5 {
		order := r.Perm(len(entries))
		s := NewSummary()
		for _, i := range order {
			if err := s.Add(i, entries[i]); err != nil {
				t.Fatal(err)
			}
		}
		got := filepath.Join(dir, fmt.Sprintf("got%d.xlsx", n))
		if err := s.Save(got); err != nil {
			t.Fatal(err)
		}
		for sheet, rows := range sheetRows(t, got) {
			if !slices.EqualFunc(rows, wantRows[sheet], slices.Equal) {
				t.Errorf("added in order %v: %s\n got %q\nwant %q", order, sheet, rows, wantRows[sheet])
			}
		}
	}
}

// spillDir points the temporary folder at a new empty folder and returns it.
func spillDir(t *testing.T) string {
	dir := t.TempDir()
	t.Setenv("TMPDIR", dir)
	t.Setenv("TMP", dir) // Windows
	return dir
}

func assertEmpty(t *testing.T, dir, when string) {
	t.Helper()
	left, _ := os.ReadDir(dir)
	if len(left) != 0 {
		t.Errorf("%s: temporary files left: %v", when, left)
	}
}

func TestSummaryRemovesItsTemporaryFile(t *testing.T) {
	out := t.TempDir()
	add := func() *Summary {
		s := NewSummary()
		for i, e := range summaryEntries(out) {
			if err := s.Add(i, e); err != nil {
				t.Fatal(err)
			}
		}
		return s
	}

	tmp := spillDir(t)
	s := add()
	if left, _ := os.ReadDir(tmp); len(left) != 1 {
		t.Fatalf("findings not spilled to a temporary file: %v", left)
	}
	if err := s.Save(filepath.Join(out, "a.xlsx")); err != nil {
		t.Fatal(err)
	}
	assertEmpty(t, tmp, "after Save")
	if err := s.Add(9, summaryEntries(out)[0]); err == nil {
		t.Error("Add after Save succeeded")
	}
	assertEmpty(t, tmp, "after Add to a saved summary")

	if err := add().Save(filepath.Join(out, "没有这个文件夹", "b.xlsx")); err == nil {
		t.Error("Save into a missing folder succeeded")
	}
	assertEmpty(t, tmp, "after a failed Save")

	if err := add().Save(filepath.Join(out, "a.xlsx")); err == nil || !strings.Contains(err.Error(), "不会覆盖") {
		t.Errorf("Save over an existing file: %v", err)
	}
	assertEmpty(t, tmp, "after Save refused an existing file")

	if err := add().Close(); err != nil {
		t.Fatal(err)
	}
	assertEmpty(t, tmp, "after Close without Save")
}

func TestSummaryTemporaryFileFails(t *testing.T) {
	missing := filepath.Join(t.TempDir(), "没有")
	t.Setenv("TMPDIR", missing)
	t.Setenv("TMP", missing)
	s := NewSummary()
	if err := s.Add(0, summaryEntries(".")[0]); err == nil {
		t.Error("Add without a temporary folder succeeded")
	}
	path := filepath.Join(t.TempDir(), "汇总.xlsx")
	if err := s.Save(path); err == nil || !strings.Contains(err.Error(), "生成汇总失败：无法创建临时文件") {
		t.Errorf("Save = %v", err)
	}
	if _, err := os.Stat(path); err == nil {
		t.Error("a summary was written without its findings")
	}
}

// TestSummaryManyFindings spills 2,000 files of 50 findings each and wants
// them back whole and in the summary's order: best final score first, equal
// scores in the order of the entries, each file's findings in its own order.
func TestSummaryManyFindings(t *testing.T) {
	const files, each = 2000, 50
	tmp := spillDir(t)
	s := NewSummary()
	final := func(i int) string { return strconv.Itoa(60 + i%40) } // 50 files per score
	order := rand.New(rand.NewPCG(3, 4)).Perm(files)
	for _, i := range order {
		var fs []checker.Finding
		for k := range each {
			fs = append(fs, checker.Finding{Code: "TZ405", Severity: checker.Warning,
				Refs:    []checker.Ref{{Sheet: SheetLedger, Row: k + 2, Col: 3}},
				Message: fmt.Sprintf("第%d县第%d条", i, k)})
		}
		name := fmt.Sprintf("县%04d", i)
		e := SummaryEntry{Input: name + ".xlsx", Report: summaryReport(name, "70", "0", final(i), "C", "", fs...)}
		if err := s.Add(i, e); err != nil {
			t.Fatal(err)
		}
	}
	path := filepath.Join(t.TempDir(), "汇总.xlsx")
	if err := s.Save(path); err != nil {
		t.Fatal(err)
	}
	assertEmpty(t, tmp, "after Save")
	want := make([]int, files)
	for i := range want {
		want[i] = i
	}
	slices.SortStableFunc(want, func(a, b int) int { return strings.Compare(final(b), final(a)) })
	rows := sheetRows(t, path)[SheetAllProblem]
	if len(rows) != 1+files*each {
		t.Fatalf("问题汇总 has %d rows, want %d", len(rows), 1+files*each)
	}
	for n, i := range want {
		for k := range each {
			row := rows[1+n*each+k]
			county := fmt.Sprintf("县%04d", i)
			w := []string{county, county + ".xlsx", "警告", "TZ405", SheetLedger, "C" + strconv.Itoa(k+2), fmt.Sprintf("第%d县第%d条", i, k)}
			if !slices.Equal(row, w) {
				t.Fatalf("问题汇总 row %d\n got %q\nwant %q", 2+n*each+k, row, w)
			}
		}
	}
}

// TestSummaryColumnsInOrder: the stream writer writes the column widths as
// the sheet keeps them, and Excel wants them in ascending order.
func TestSummaryColumnsInOrder(t *testing.T) {
	path := filepath.Join(t.TempDir(), "汇总.xlsx")
	if err := WriteSummary(path, summaryEntries(".")); err != nil {
		t.Fatal(err)
	}
	raw := unzipPart(t, path, "xl/worksheets/sheet2.xml")
	last := 0
	for _, m := range regexp.MustCompile(`<col min="(\d+)"`).FindAllStringSubmatch(raw, -1) {
		n, _ := strconv.Atoi(m[1])
		if n <= last {
			t.Fatalf("column %d after column %d:\n%.600s", n, last, raw)
		}
		last = n
	}
	if last != len(problemHeader) {
		t.Errorf("widths up to column %d, want %d", last, len(problemHeader))
	}
}
