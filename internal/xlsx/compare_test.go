package xlsx

import (
	"fmt"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/xuri/excelize/v2"
)

// fixtures are the workbooks written by other programs (testdata/make.sh).
var fixtures = []string{
	"excelize.xlsx", "excelize1904.xlsx",
	"openpyxl.xlsx", "openpyxl1904.xlsx",
	"libreoffice.xlsx", "libreoffice-excelize.xlsx",
	"gnumeric.xlsx", "gnumeric-excelize.xlsx",
}

// TestMatchesExcelize reads every fixture with both this package and
// excelize (raw cell values) and requires the same sheets, date system,
// values, types, formulas, number formats and merged ranges.
func TestMatchesExcelize(t *testing.T) {
	for _, name := range fixtures {
		t.Run(name, func(t *testing.T) {
			compareWithExcelize(t, filepath.Join("testdata", name))
		})
	}
}

// scanned is what this package read of one sheet.
type scanned struct {
	grid  [][]string
	cells map[string]Cell // by reference, Value and Formula copied
}

func scanSheet(t *testing.T, f *File, sheet string) scanned {
	t.Helper()
	s := scanned{cells: map[string]Cell{}}
	last := 0
	err := f.Rows(sheet, func(row int, cells []Cell) error {
		if row <= last {
			return fmt.Errorf("row %d after row %d", row, last)
		}
		last = row
		for len(s.grid) < row {
			s.grid = append(s.grid, nil)
		}
		line := []string{}
		for _, c := range cells {
			for len(line) < c.Col {
				line = append(line, "")
			}
			line[c.Col-1] = string(c.Value)
			ref, _ := excelize.CoordinatesToCellName(c.Col, row)
			c.Value, c.Formula = []byte(string(c.Value)), []byte(string(c.Formula))
			s.cells[ref] = c
		}
		for len(line) > 0 && line[len(line)-1] == "" {
			line = line[:len(line)-1]
		}
		s.grid[row-1] = line
		return nil
	})
	if err != nil {
		t.Fatalf("Rows(%q): %v", sheet, err)
	}
	return s
}

func compareWithExcelize(t *testing.T, path string) {
	t.Helper()
	ex, err := excelize.OpenFile(path, excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	defer ex.Close()
	f, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()

	if got, want := f.Sheets(), ex.GetSheetList(); !reflect.DeepEqual(got, want) {
		t.Errorf("Sheets() = %q, excelize %q", got, want)
	}
	props, err := ex.GetWorkbookProps()
	if err != nil {
		t.Fatal(err)
	}
	if want := props.Date1904 != nil && *props.Date1904; f.Date1904() != want {
		t.Errorf("Date1904() = %v, excelize %v", f.Date1904(), want)
	}
	for _, sheet := range f.Sheets() {
		got := scanSheet(t, f, sheet)
		want, err := ex.GetRows(sheet)
		if err != nil {
			t.Fatal(err)
		}
		if !equalGrid(trimGrid(got.grid), trimGrid(want)) {
			t.Errorf("%s: values\n got %q\nwant %q", sheet, got.grid, want)
		}
		for ref, c := range got.cells {
			compareCell(t, ex, sheet, ref, c, &f.styles)
		}
		compareMerges(t, ex, f, sheet)
	}
}

// trimGrid drops trailing empty strings and rows: GetRows keeps a
// trailing cell that exists without a value, such as a formula without a
// cached result, which Rows yields but the grid of values does not show.
func trimGrid(g [][]string) [][]string {
	for i, line := range g {
		for len(line) > 0 && line[len(line)-1] == "" {
			line = line[:len(line)-1]
		}
		g[i] = line
	}
	for len(g) > 0 && len(g[len(g)-1]) == 0 {
		g = g[:len(g)-1]
	}
	return g
}

func equalGrid(a, b [][]string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if len(a[i]) != len(b[i]) {
			return false
		}
		for j := range a[i] {
			if a[i][j] != b[i][j] {
				return false
			}
		}
	}
	return true
}

var excelizeKinds = map[excelize.CellType][]Kind{
	excelize.CellTypeUnset:        {Number},
	excelize.CellTypeNumber:       {Number},
	excelize.CellTypeBool:         {Bool},
	excelize.CellTypeError:        {Error},
	excelize.CellTypeDate:         {DateISO},
	excelize.CellTypeSharedString: {Text},
	excelize.CellTypeInlineString: {Text},
	excelize.CellTypeFormula:      {Text},
}

func compareCell(t *testing.T, ex *excelize.File, sheet, ref string, c Cell, st *styles) {
	t.Helper()
	typ, err := ex.GetCellType(sheet, ref)
	if err != nil {
		t.Fatal(err)
	}
	if kinds := excelizeKinds[typ]; !contains(kinds, c.Kind) {
		t.Errorf("%s!%s: kind %v, excelize type %v", sheet, ref, c.Kind, typ)
	}
	formula, err := ex.GetCellFormula(sheet, ref)
	if err != nil {
		t.Fatal(err)
	}
	if c.HasFormula != (formula != "") {
		t.Errorf("%s!%s: HasFormula %v, excelize formula %q", sheet, ref, c.HasFormula, formula)
	}
	if len(c.Formula) > 0 && string(c.Formula) != formula {
		t.Errorf("%s!%s: formula %q, excelize %q", sheet, ref, c.Formula, formula)
	}
	// excelize gives a cell without an s attribute its column's style
	// (gnumeric sets those); the number format is what must agree.
	style, err := ex.GetCellStyle(sheet, ref)
	if err != nil {
		t.Fatal(err)
	}
	exStyle, err := ex.GetStyle(style)
	if err != nil {
		t.Fatal(err)
	}
	id, code := st.numFmtOf(c.Style)
	wantID, wantCode := exStyle.NumFmt, ""
	if exStyle.CustomNumFmt != nil {
		wantCode = *exStyle.CustomNumFmt
	}
	if code != "" && wantCode != "" && code != wantCode || code == "" && id != wantID {
		t.Errorf("%s!%s: number format %d %q, excelize %d %q (style %d, excelize %d)", sheet, ref, id, code, wantID, wantCode, c.Style, style)
	}
}

func contains(kinds []Kind, k Kind) bool {
	for _, x := range kinds {
		if x == k {
			return true
		}
	}
	return false
}

func compareMerges(t *testing.T, ex *excelize.File, f *File, sheet string) {
	t.Helper()
	mc, err := ex.GetMergeCells(sheet)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]bool{}
	for _, m := range mc {
		want[m.GetStartAxis()+":"+m.GetEndAxis()] = true
	}
	got, err := f.Merges(sheet)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != len(want) {
		t.Errorf("%s: merges %v, excelize %v", sheet, got, want)
	}
	for _, r := range got {
		a, _ := excelize.CoordinatesToCellName(r.FirstCol, r.FirstRow)
		b, _ := excelize.CoordinatesToCellName(r.LastCol, r.LastRow)
		if !want[a+":"+b] {
			t.Errorf("%s: merge %s:%s not in excelize's %v", sheet, a, b, want)
		}
	}
}

// TestConcurrentUse reads every sheet of a fixture from several goroutines
// at once; run with -race.
func TestConcurrentUse(t *testing.T) {
	f, err := Open(filepath.Join("testdata", "excelize.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	errs := make(chan error, 8)
	for i := range 8 {
		go func() {
			sheet := f.Sheets()[i%2]
			if i%3 == 0 {
				_, err := f.Merges(sheet)
				errs <- err
				return
			}
			errs <- f.Rows(sheet, func(int, []Cell) error { return nil })
		}()
	}
	for range 8 {
		if err := <-errs; err != nil {
			t.Error(err)
		}
	}
}
