package sheets

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"testing"

	"fundcheck/checker"

	"github.com/xuri/excelize/v2"
)

// TestWriteCopyStreamMatchesWriteCopy: the patched copy holds what
// WriteCopy's excelize copy holds, sheet by sheet and cell by cell: values,
// formulas, styles (fills included), merges, widths, notes, links, names.
func TestWriteCopyStreamMatchesWriteCopy(t *testing.T) {
	cases := []struct {
		name   string
		input  func(dir string) string
		report func(string) *checker.Report
	}{
		{"county", func(dir string) string { return countyWorkbook(t, dir, 12, 40) }, sampleReport},
		{"lo_notes", func(dir string) string { return copyFixture(t, dir, "lo_notes.xlsx") }, loNotesReport},
		{"gn_notes", func(dir string) string { return copyFixture(t, dir, "gn_notes.xlsx") }, loNotesReport},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			in := tc.input(t.TempDir())
			r := tc.report(in)
			out, err := WriteCopy(in, r, CopyOptions{})
			if err != nil {
				t.Fatal(err)
			}
			data, err := os.ReadFile(in)
			if err != nil {
				t.Fatal(err)
			}
			var buf bytes.Buffer
			if err := writeCopyStream(&buf, data, r); err != nil {
				t.Fatal(err)
			}
			want := openT(t, out)
			got, err := excelize.OpenReader(&buf, excelize.Options{RawCellValue: true})
			if err != nil {
				t.Fatal(err)
			}
			defer got.Close()
			sameBook(t, openT(t, in), want, got)
		})
	}
}

func copyFixture(t *testing.T, dir, name string) string {
	b, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, b, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// sameBook compares got with want; on the original's sheets a cell's style
// is compared with the original's, all but the fill, which is compared
// with want's: excelize's clone of a style may spell its font differently.
func sameBook(t *testing.T, orig, want, got *excelize.File) {
	t.Helper()
	isOrig := map[string]bool{}
	for _, s := range orig.GetSheetList() {
		isOrig[s] = true
	}
	if w, g := want.GetSheetList(), got.GetSheetList(); !slices.Equal(w, g) {
		t.Fatalf("sheets %v, want %v", g, w)
	}
	if w, g := want.GetActiveSheetIndex(), got.GetActiveSheetIndex(); w != g {
		t.Errorf("active sheet %d, want %d", g, w)
	}
	for _, sheet := range want.GetSheetList() {
		rows, _ := want.GetRows(sheet, excelize.Options{RawCellValue: true})
		grows, _ := got.GetRows(sheet, excelize.Options{RawCellValue: true})
		width := 1
		for _, r := range append(rows, grows...) {
			width = max(width, len(r))
		}
		for r := 1; r <= max(len(rows), len(grows)); r++ {
			for c := 1; c <= width; c++ {
				cell, _ := excelize.CoordinatesToCellName(c, r)
				wv, _ := want.GetCellValue(sheet, cell)
				gv, _ := got.GetCellValue(sheet, cell)
				wf, _ := want.GetCellFormula(sheet, cell)
				gf, _ := got.GetCellFormula(sheet, cell)
				if wv != gv || wf != gf {
					t.Errorf("%s!%s: %q =%s, want %q =%s", sheet, cell, gv, gf, wv, wf)
				}
				ws, gs := styleOf(t, want, sheet, cell), styleOf(t, got, sheet, cell)
				if isOrig[sheet] {
					if !reflect.DeepEqual(ws.Fill, gs.Fill) {
						t.Errorf("%s!%s: fill %+v, want %+v", sheet, cell, gs.Fill, ws.Fill)
					}
					ws = styleOf(t, orig, sheet, cell)
					ws.Fill, gs.Fill = excelize.Fill{}, excelize.Fill{}
				}
				if !reflect.DeepEqual(ws, gs) {
					t.Errorf("%s!%s: style %+v, want %+v", sheet, cell, gs, ws)
				}
				wl, wt, _ := want.GetCellHyperLink(sheet, cell)
				gl, gt, _ := got.GetCellHyperLink(sheet, cell)
				if wl != gl || wt != gt {
					t.Errorf("%s!%s: link %v %q, want %v %q", sheet, cell, gl, gt, wl, wt)
				}
			}
		}
		for c := 1; c <= width; c++ {
			col, _ := excelize.ColumnNumberToName(c)
			ww, _ := want.GetColWidth(sheet, col)
			gw, _ := got.GetColWidth(sheet, col)
			if ww != gw {
				t.Errorf("%s column %s: width %v, want %v", sheet, col, gw, ww)
			}
		}
		wm, _ := want.GetMergeCells(sheet)
		gm, _ := got.GetMergeCells(sheet)
		if fmt.Sprint(wm) != fmt.Sprint(gm) {
			t.Errorf("%s: merges %v, want %v", sheet, gm, wm)
		}
		if w, g := notesOf(t, want, sheet), notesOf(t, got, sheet); !reflect.DeepEqual(w, g) {
			t.Errorf("%s: notes\n%v\nwant\n%v", sheet, g, w)
		}
		wp, _ := want.GetPanes(sheet)
		gp, _ := got.GetPanes(sheet)
		if wp.Freeze != gp.Freeze || wp.XSplit != gp.XSplit || wp.YSplit != gp.YSplit {
			t.Errorf("%s: panes %+v, want %+v", sheet, gp, wp)
		}
	}
	names := func(f *excelize.File) []string {
		var out []string
		for _, n := range f.GetDefinedName() {
			out = append(out, n.Name+"|"+n.Scope+"|"+n.RefersTo)
		}
		slices.Sort(out)
		return out
	}
	if w, g := names(want), names(got); !slices.Equal(w, g) {
		t.Errorf("defined names %v, want %v", g, w)
	}
}

// notesOf maps each noted cell to its author and whole text.
func notesOf(t *testing.T, f *excelize.File, sheet string) map[string]string {
	cs, err := f.GetComments(sheet)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	for _, c := range cs {
		out[c.Cell] = c.Author + ": " + commentText(c)
	}
	return out
}

// BenchmarkWriteCopyStream is BenchmarkWriteCopy's county through the patcher.
func BenchmarkWriteCopyStream(b *testing.B) {
	in := countyWorkbook(b, b.TempDir(), 50, 2000)
	r := sampleReport(in)
	for row := 100; len(r.Findings) < 30; row += 97 {
		r.Findings = append(r.Findings, checker.Finding{Code: "TZ404", Severity: checker.Warning,
			Refs: []checker.Ref{{Sheet: SheetLedger, Row: row, Col: 1}}, Message: "支付日期晚于数据截止日期"})
	}
	data, err := os.ReadFile(in)
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		var buf bytes.Buffer
		if err := writeCopyStream(&buf, data, r); err != nil {
			b.Fatal(err)
		}
	}
}

// TestWriteCopyPatched writes the copy of a plain and of an encrypted input
// the way WriteCopy would after the switch: in place, and encrypted again.
func TestWriteCopyPatched(t *testing.T) {
	dir := t.TempDir()
	plain := countyWorkbook(t, dir, 3, 5)
	r := sampleReport(plain)
	data, err := os.ReadFile(plain)
	if err != nil {
		t.Fatal(err)
	}
	out, err := writeCopyPatched(plain, data, r, CopyOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if want := filepath.Join(dir, "阿城区2023_审核结果.xlsx"); out != want {
		t.Errorf("copy at %s, want %s", out, want)
	}
	if got := openT(t, out).GetSheetList()[0]; got != SheetVerdict {
		t.Errorf("first sheet %s", got)
	}
	enc, err := writeCopyPatched(plain, data, r, CopyOptions{Password: "县财政"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := excelize.OpenFile(enc); err == nil {
		t.Error("the encrypted copy opens without its password")
	}
	b, err := excelize.OpenFile(enc, excelize.Options{Password: "县财政"})
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	if cs, _ := b.GetComments(SheetInfo); len(cs) != 2 {
		t.Errorf("基本信息 has %d notes, want 2", len(cs))
	}
}
