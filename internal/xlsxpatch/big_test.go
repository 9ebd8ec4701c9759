package xlsxpatch

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"testing"

	"fundcheck/internal/ahead"
	"fundcheck/internal/xlsx"

	"github.com/xuri/excelize/v2"
)

// bigBook is a workbook whose only sheet, 台账, holds rows numbered 1 to n
// in column A: with n of 100,000 the sheet part is past ahead.Worthwhile,
// so it is inflated, rewritten and deflated side by side.
func bigBook(t *testing.T, n int) []byte {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	if err := f.SetSheetName("Sheet1", "台账"); err != nil {
		t.Fatal(err)
	}
	var small bytes.Buffer
	if err := f.Write(&small); err != nil {
		t.Fatal(err)
	}
	var sheet strings.Builder
	sheet.WriteString(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` +
		`<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>`)
	for r := 1; r <= n; r++ {
		fmt.Fprintf(&sheet, `<row r="%d"><c r="A%d"><v>%d</v></c></row>`, r, r, r)
	}
	sheet.WriteString(`</sheetData></worksheet>`)
	if sheet.Len() < ahead.Worthwhile {
		t.Fatalf("sheet of %d bytes: not past ahead.Worthwhile", sheet.Len())
	}
	return withPart(t, small.Bytes(), "xl/worksheets/sheet1.xml", sheet.String())
}

// TestBigSheet patches a sheet big enough to be rewritten side by side:
// every value is still there, the marked cells got a style, and the notes
// are written.
func TestBigSheet(t *testing.T) {
	const n = 100_000
	orig := bigBook(t, n)
	marked := []int{1, 2, 50_000, n}
	var marks []Mark
	for _, r := range marked {
		marks = append(marks, Mark{Row: r, Col: 1, Fill: "FFC7CE", Note: "第" + strconv.Itoa(r) + "行"})
	}
	var out bytes.Buffer
	plan := Plan{NewSheets: []string{"审核结论"}, Marks: map[string][]Mark{"台账": marks}}
	if err := Apply(&out, zipOf(t, orig), zipOf(t, donorBook(t, "台账")), plan); err != nil {
		t.Fatal(err)
	}

	f, err := xlsx.NewReader(bytes.NewReader(out.Bytes()), int64(out.Len()), nil)
	if err != nil {
		t.Fatal(err)
	}
	next := 1
	err = f.Rows("台账", func(row int, cells []xlsx.Cell) error {
		if row != next || len(cells) != 1 || string(cells[0].Value) != strconv.Itoa(row) {
			return fmt.Errorf("row %d (want %d): %+v", row, next, cells)
		}
		next++
		return nil
	})
	if err != nil || next != n+1 {
		t.Fatalf("read back %d rows: %v", next-1, err)
	}

	sheet := string(mustPart(t, out.Bytes(), "xl/worksheets/sheet1.xml"))
	for _, r := range marked {
		if !strings.Contains(sheet, fmt.Sprintf(`<c r="A%d" s="`, r)) {
			t.Errorf("A%d has no style", r)
		}
	}
	if strings.Count(sheet, ` s="`) != len(marked) {
		t.Errorf("%d styled cells, want %d", strings.Count(sheet, ` s="`), len(marked))
	}
	var notes string
	for _, zf := range zipOf(t, out.Bytes()).File {
		if strings.HasPrefix(zf.Name, "xl/comments") {
			notes = string(mustPart(t, out.Bytes(), zf.Name))
		}
	}
	if strings.Count(notes, "<comment ") != len(marked) {
		t.Errorf("notes part %q: want %d notes", notes, len(marked))
	}
}

// full is a destination that fails once it has taken limit bytes.
type full struct {
	bytes.Buffer
	limit int
}

var errFull = errors.New("disk full")

func (f *full) Write(p []byte) (int, error) {
	if f.Len()+len(p) > f.limit {
		return 0, errFull
	}
	return f.Buffer.Write(p)
}

// TestBigSheetErrors: a damaged big sheet and a destination that fails half
// way both end in an error, whichever goroutine meets it.
func TestBigSheetErrors(t *testing.T) {
	orig := bigBook(t, 100_000)
	donor := zipOf(t, donorBook(t, "台账"))
	plan := Plan{NewSheets: []string{"审核结论"}, Marks: map[string][]Mark{"台账": {{Row: 3, Col: 1, Fill: "FFC7CE"}}}}

	if err := Apply(&full{limit: 20 << 10}, zipOf(t, orig), donor, plan); !errors.Is(err, errFull) {
		t.Errorf("destination full: %v, want %v", err, errFull)
	}

	// Damage the sheet's compressed bytes half way: inflating it fails.
	zr := zipOf(t, orig)
	var sheet *zip.File
	for _, zf := range zr.File {
		if zf.Name == "xl/worksheets/sheet1.xml" {
			sheet = zf
		}
	}
	off, err := sheet.DataOffset()
	if err != nil {
		t.Fatal(err)
	}
	damaged := bytes.Clone(orig)
	mid := off + int64(sheet.CompressedSize64/2)
	for i := mid; i < mid+64; i++ {
		damaged[i] ^= 0x5A
	}
	err = Apply(&bytes.Buffer{}, zipOf(t, damaged), donor, plan)
	var pe *PartError
	if !errors.As(err, &pe) || pe.Part != "xl/worksheets/sheet1.xml" {
		t.Errorf("damaged sheet: %v, want a *PartError naming xl/worksheets/sheet1.xml", err)
	}
}
