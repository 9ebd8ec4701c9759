package sheets

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"fundcheck/checker"

	"github.com/xuri/excelize/v2"
)

// read calls Read, skipping the test while Read is still the skeleton's stub
// (the reader is written in parallel and merged separately).
func read(t *testing.T, path string, opt Options) (wb *checker.Workbook, err error) {
	t.Helper()
	defer skipIfStub(t)
	return Read(path, opt)
}

// skipIfStub, deferred, turns the panic of a skeleton stub ("…: not
// implemented yet") into a skip; any other panic goes on.
func skipIfStub(t *testing.T) {
	if v := recover(); v != nil {
		if s, ok := v.(string); ok && strings.HasSuffix(s, "not implemented yet") {
			t.Skip("still a stub: ", s)
		}
		panic(v)
	}
}

// TestReadBroken reads every broken input: Read passes openWorkbook's
// rejection through unchanged.
func TestReadBroken(t *testing.T) {
	for _, c := range brokenCases() {
		t.Run(c.name, func(t *testing.T) {
			if c.kind == KindTooLarge && testing.Short() {
				t.Skip("in -short mode the big generated inputs are tried by TestOpenWorkbookBroken only")
			}
			path := filepath.Join(brokenDir, c.path)
			if c.setup != nil {
				path = c.setup(t, t.TempDir())
			}
			if fi, err := os.Lstat(path); err == nil && fi.Mode()&os.ModeNamedPipe != 0 {
				// Hold the pipe open for writing, so that a reader which opens
				// it before looking at what it is cannot hang the test;
				// openWorkbook itself is tried on the pipe alone by
				// TestOpenWorkbookBroken.
				w, err := os.OpenFile(path, os.O_RDWR|syscall.O_NONBLOCK, 0)
				must(t, err)
				defer w.Close()
			}
			before := digest(t, path)
			wb, err := read(t, path, Options{Password: c.password})
			if wb != nil {
				t.Fatalf("read %s; want it refused", path)
			}
			checkRejection(t, err, path, c)
			if after := digest(t, path); after != before {
				t.Errorf("%s changed", path)
			}
		})
	}
}

// TestReadMissingSheet deletes each required sheet in turn.
func TestReadMissingSheet(t *testing.T) {
	for _, sheet := range RequiredSheets {
		t.Run(sheet, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "缺表.xlsx")
			writeCorpusSample(t, path, nil, sheet)
			_, err := read(t, path, Options{})
			checkLayout(t, err, path, sheet)
		})
	}
	t.Run("committed", func(t *testing.T) {
		path := filepath.Join(brokenDir, "no-ledger-sheet.xlsx")
		_, err := read(t, path, Options{})
		checkLayout(t, err, path, SheetLedger)
	})
}

// TestReadMissingColumn removes each required header in turn: the file is
// rejected with a message naming the sheet and the column.
func TestReadMissingColumn(t *testing.T) {
	for _, tb := range []table{infoTable, noticeTable, projectTable, ledgerTable, scoreTable} {
		for i, c := range tb.columns {
			if !c.required {
				continue
			}
			t.Run(tb.sheet+"/"+c.name, func(t *testing.T) {
				path := filepath.Join(t.TempDir(), "缺列.xlsx")
				cell, _ := excelize.CoordinatesToCellName(i+1, 2)
				writeCorpusSample(t, path, func(f *excelize.File) {
					must(t, f.SetCellValue(tb.sheet, cell, "备注"))
				})
				_, err := read(t, path, Options{})
				checkLayout(t, err, path, tb.sheet, c.name)
			})
		}
	}
}

// checkLayout checks err is the reader's rejection of path naming each of
// words (a sheet, a column).
func checkLayout(t *testing.T, err error, path string, words ...string) {
	t.Helper()
	var fe *FileError
	if !errors.As(err, &fe) {
		t.Fatalf("error %v (%T); want a *FileError", err, err)
	}
	if fe.Kind != KindLayout {
		t.Errorf("kind %s; want %s", fe.Kind, KindLayout)
	}
	msg := err.Error()
	if !strings.HasPrefix(msg, path+"：") {
		t.Errorf("message %q does not start with the file's path", msg)
	}
	for _, w := range words {
		if !strings.Contains(msg, w) {
			t.Errorf("message %q does not name %q", msg, w)
		}
	}
}

// TestReadGood reads the workbooks that must be checked, not rejected.
func TestReadGood(t *testing.T) {
	for _, c := range []struct{ path, password string }{
		{"good.xlsx", ""},
		{"encrypted.xlsx", corpusPassword},
	} {
		t.Run(c.path, func(t *testing.T) {
			wb, err := read(t, filepath.Join(brokenDir, c.path), Options{Password: c.password})
			if err != nil {
				t.Fatal(err)
			}
			if got, want := len(wb.Projects), len(sampleRows[SheetProjects]); got != want {
				t.Errorf("%d projects; want %d", got, want)
			}
			if got, want := len(wb.Payments), len(sampleRows[SheetLedger]); got != want {
				t.Errorf("%d payments; want %d", got, want)
			}
		})
	}
}

// TestReadFormulaInjection reads project names that look like formulas: the
// file is checked, and the names come through as the literal text, for the
// writers to write back as text.
func TestReadFormulaInjection(t *testing.T) {
	wb, err := read(t, filepath.Join(brokenDir, "formula-injection.xlsx"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	names := map[string]bool{}
	for _, p := range wb.Projects {
		names[p.Name.V] = true
	}
	for _, n := range injectionNames {
		if !names[n] {
			t.Errorf("project %q not read as text (projects: %v)", n, names)
		}
	}
}

// TestReadLargeLedger reads a 200,000-row ledger: it is checked, every row
// is read.
func TestReadLargeLedger(t *testing.T) {
	if testing.Short() {
		t.Skip("writes and reads a 200,000-row ledger")
	}
	const n = 200_000
	path := filepath.Join(t.TempDir(), "大台账.xlsx")
	writeCorpusLedger(t, path, n)
	before := digest(t, path)
	wb, err := read(t, path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(wb.Payments) != n {
		t.Errorf("%d payments; want %d", len(wb.Payments), n)
	}
	if digest(t, path) != before {
		t.Errorf("%s changed", path)
	}
}
