package sheets

import (
	"fmt"
	"path/filepath"
	"reflect"
	"testing"

	"fundcheck/checker"
)

// TestSourcesAgree reads workbooks with the excelize source and with the
// streaming one: the models and the reasons for rejection must be the
// same. The workbooks are every fixture in testdata (excelize, openpyxl,
// LibreOffice, gnumeric) and a generated county workbook with formulas
// that hold no cached result, merges and number formats.
func TestSourcesAgree(t *testing.T) {
	paths, err := filepath.Glob(filepath.Join("testdata", "*.xlsx"))
	if err != nil || len(paths) == 0 {
		t.Fatalf("no fixtures: %v", err)
	}
	paths = append(paths, countyWorkbook(t, t.TempDir(), 50, 2000))
	read := 0
	for _, path := range paths {
		t.Run(filepath.Base(path), func(t *testing.T) {
			want, wantProblems := readWith(t, path, "excelize")
			got, gotProblems := readWith(t, path, "xlsx")
			if !reflect.DeepEqual(gotProblems, wantProblems) {
				t.Errorf("problems:\n got %q\nwant %q", gotProblems, wantProblems)
			}
			if !reflect.DeepEqual(got, want) {
				t.Errorf("models differ:\n got %+v\nwant %+v", got, want)
			}
			if len(want.Payments) > 0 {
				read++
			}
		})
	}
	if read < 2 {
		t.Errorf("only %d workbooks gave payments: the comparison says little", read)
	}
}

// readWith reads the workbook at path through the named source.
func readWith(tb testing.TB, path, source string) (*checker.Workbook, []string) {
	tb.Helper()
	src, done, err := openSourceNamed(path, source)
	if err != nil {
		tb.Fatal(err)
	}
	defer done()
	wb, problems, err := readSource(src, filepath.Base(path))
	if err != nil {
		tb.Fatal(err)
	}
	return wb, problems
}

func openSourceNamed(path, source string) (rowSource, func(), error) {
	if source == "excelize" {
		f, err := openWorkbook(path, Options{})
		if err != nil {
			return nil, nil, err
		}
		return newExcelizeSource(f), func() { f.Close() }, nil
	}
	s, err := openXLSXSource(path, Options{})
	if err != nil {
		return nil, nil, err
	}
	return s, func() { s.Close() }, nil
}

// BenchmarkSources reads workbooks into the model with each source: the
// LibreOffice fixture, a county workbook written by excelize (50 projects,
// 2,000 payments; its formulas hold no cached result, so the streaming
// source opens it with excelize as well to compute them) and a ledger of
// 100,000 payments.
func BenchmarkSources(b *testing.B) {
	lo, _ := readWith(b, filepath.Join("testdata", "report_lo.xlsx"), "excelize")
	books := []struct {
		name     string
		path     string
		payments int
	}{
		{"libreoffice", filepath.Join("testdata", "report_lo.xlsx"), len(lo.Payments)},
		{"county", countyWorkbook(b, b.TempDir(), 50, 2000), 2000},
		{"ledger100k", writeLedger(b, 100000), 100000},
	}
	for _, book := range books {
		for _, source := range []string{"xlsx", "excelize"} {
			b.Run(fmt.Sprintf("%s/%s", book.name, source), func(b *testing.B) {
				for b.Loop() {
					wb, problems := readWith(b, book.path, source)
					if len(problems) > 0 || len(wb.Payments) != book.payments {
						b.Fatalf("%d payments, problems %q", len(wb.Payments), problems)
					}
				}
			})
		}
	}
}
