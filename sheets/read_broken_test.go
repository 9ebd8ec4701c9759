package sheets

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/xuri/excelize/v2"
)

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
			holdPipe(t, path)
			before := digest(t, path)
			wb, err := Read(path, Options{Password: c.password})
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

// layoutCase is a workbook the reader refuses for its layout, and the
// words (a sheet, a column) its refusal must name.
type layoutCase struct {
	name  string
	write func(t testing.TB, path string)
	words []string
}

// layoutCases deletes each required sheet in turn, then each required
// header.
func layoutCases() []layoutCase {
	var cs []layoutCase
	for _, sheet := range RequiredSheets {
		cs = append(cs, layoutCase{"no sheet " + sheet, func(t testing.TB, path string) {
			writeCorpusSample(t, path, nil, sheet)
		}, []string{sheet}})
	}
	cs = append(cs, layoutCase{"no sheet, committed", func(t testing.TB, path string) {
		copyCorpus(t, "no-ledger-sheet.xlsx", path)
	}, []string{SheetLedger}})
	for _, tb := range []table{infoTable, noticeTable, projectTable, ledgerTable, scoreTable} {
		for i, c := range tb.columns {
			if !c.required {
				continue
			}
			cs = append(cs, layoutCase{"no column " + tb.sheet + " " + c.name, func(t testing.TB, path string) {
				cell, _ := excelize.CoordinatesToCellName(i+1, 2)
				writeCorpusSample(t, path, func(f *excelize.File) {
					must(t, f.SetCellValue(tb.sheet, cell, "备注"))
				})
			}, []string{tb.sheet, c.name}})
		}
	}
	return cs
}

// TestReadMissingLayout: a workbook without a required sheet or header is
// rejected with a message naming the sheet and the column.
func TestReadMissingLayout(t *testing.T) {
	for _, c := range layoutCases() {
		t.Run(c.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "缺表.xlsx")
			c.write(t, path)
			_, err := Read(path, Options{})
			checkLayout(t, err, path, c.words...)
		})
	}
}

// copyCorpus copies the corpus file name to path, for a test that needs the
// input in a folder of its own.
func copyCorpus(t testing.TB, name, path string) {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(brokenDir, name))
	must(t, err)
	must(t, os.WriteFile(path, b, 0o644))
}

// holdPipe holds path open for writing till the test ends if it is a named
// pipe, so that a reader which opens it before looking at what it is cannot
// hang the test; openWorkbook itself is tried on the pipe alone by
// TestOpenWorkbookBroken.
func holdPipe(t *testing.T, path string) {
	t.Helper()
	if fi, err := os.Lstat(path); err != nil || fi.Mode()&os.ModeNamedPipe == 0 {
		return
	}
	w, err := os.OpenFile(path, os.O_RDWR|syscall.O_NONBLOCK, 0)
	must(t, err)
	t.Cleanup(func() { w.Close() })
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
			wb, err := Read(filepath.Join(brokenDir, c.path), Options{Password: c.password})
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
	wb, err := Read(filepath.Join(brokenDir, "formula-injection.xlsx"), Options{})
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
	wb, err := Read(path, Options{})
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

// TestComputeTooLarge: a workbook that holds a formula without its result
// and a sheet of more rows than excelize can compute within memory is
// refused with a message that names the cell, instead of being opened with
// excelize.
func TestComputeTooLarge(t *testing.T) {
	if testing.Short() {
		t.Skip("writes a sheet of 200,001 rows")
	}
	path := filepath.Join(t.TempDir(), "公式.xlsx")
	writeSheetRows(t, path, SheetLedger, maxComputedRows+1, func(w io.Writer, r int) {
		if r == 1 {
			io.WriteString(w, `<row r="1"><c r="B1"><f>1+1</f></c></row>`)
			return
		}
		fmt.Fprintf(w, `<row r="%d"><c r="A%d"><v>%d</v></c></row>`, r, r, r)
	})
	_, err := Read(path, Options{})
	var fe *FileError
	if !errors.As(err, &fe) || fe.Kind != KindTooLarge ||
		!strings.Contains(fe.Error(), "工作表“支付台账”的 B1 是没有保存计算结果的公式") ||
		!strings.Contains(fe.Error(), "200001 行") {
		t.Errorf("got %v, want the refusal of computing B1", err)
	}
}
