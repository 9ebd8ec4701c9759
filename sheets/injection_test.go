package sheets

import (
	"path/filepath"
	"strings"
	"testing"

	"fundcheck/checker"

	"github.com/xuri/excelize/v2"
)

// TestFormulaInjectionCopy runs the formula-injection workbook end to end:
// it is checked, not rejected, and its annotated copy holds the project names
// as text, never as formulas.
func TestFormulaInjectionCopy(t *testing.T) {
	dir := t.TempDir()
	src := filepath.Join(brokenDir, "formula-injection.xlsx")
	before := digest(t, src)
	out := func() string {
		wb, err := Read(src, Options{})
		if err != nil {
			t.Fatal(err)
		}
		out, err := WriteCopy(src, checker.Check(wb), CopyOptions{OutDir: dir})
		if err != nil {
			t.Fatal(err)
		}
		return out
	}()
	if digest(t, src) != before {
		t.Errorf("%s changed", src)
	}
	checkNoInjectedFormulas(t, out)
}

// injectionMarks are parts of injectionNames that no formula of a written
// workbook may contain.
var injectionMarks = []string{"HYPERLINK", "cmd|", "SUM(A1)", "2+3"}

// checkNoInjectedFormulas checks that in the workbook at path every cell
// holding one of injectionNames is a text cell, and that no formula carries
// one of them. The summary's tests can use it too.
func checkNoInjectedFormulas(t *testing.T, path string) {
	t.Helper()
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	found := 0
	for _, sheet := range f.GetSheetList() {
		rows, err := f.GetRows(sheet)
		must(t, err)
		for r, row := range rows {
			for c := range row {
				cell, _ := excelize.CoordinatesToCellName(c+1, r+1)
				formula, err := f.GetCellFormula(sheet, cell)
				must(t, err)
				for _, m := range injectionMarks {
					if strings.Contains(formula, m) {
						t.Errorf("%s!%s is the formula %q", sheet, cell, formula)
					}
				}
				for _, n := range injectionNames {
					if row[c] != n {
						continue
					}
					found++
					typ, err := f.GetCellType(sheet, cell)
					must(t, err)
					if typ != excelize.CellTypeSharedString && typ != excelize.CellTypeInlineString {
						t.Errorf("%s!%s holds %q as cell type %d; want text", sheet, cell, n, typ)
					}
				}
			}
		}
	}
	if found < len(injectionNames) {
		t.Errorf("found %d cells holding the injection names in %s; want at least %d", found, path, len(injectionNames))
	}
}

// TestInjectionFixture checks the fixture itself: the names are text cells.
func TestInjectionFixture(t *testing.T) {
	checkNoInjectedFormulas(t, filepath.Join(brokenDir, "formula-injection.xlsx"))
}
