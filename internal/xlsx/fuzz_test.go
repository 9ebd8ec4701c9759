package xlsx

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"path/filepath"
	"strings"
	"testing"
)

// FuzzScanSheet feeds arbitrary bytes to the worksheet scanner and to the
// merged-range scan: they may fail but must not panic, what they yield must
// stay within the sheet's limits, and scanning the bytes in place gives
// what scanning them as a stream gives. Seeds: testdata/fuzz/FuzzScanSheet
// and the sheets of the fixtures.
func FuzzScanSheet(f *testing.F) {
	for _, name := range fixtures {
		for _, part := range sheetParts(f, filepath.Join("testdata", name)) {
			f.Add(part)
		}
	}
	sst := &sharedStrings{data: []byte("abc"), ends: []uint32{1, 3}}
	st := &styles{numFmt: []int{0, 14, 9}, class: []NumClass{Plain, Date, Percent}}
	f.Fuzz(func(t *testing.T, data []byte) {
		scan := func(tokenize func() *tokenizer) string {
			var out strings.Builder
			sc := &sheetScanner{tok: tokenize(), sst: sst, styles: st}
			sc.fn = func(row int, cells []Cell) error {
				if row < 1 || row > MaxRow || len(cells) == 0 || len(cells) > MaxCol {
					t.Fatalf("row %d with %d cells", row, len(cells))
				}
				for _, c := range cells {
					if c.Col < 1 || c.Col > MaxCol || len(c.Value) > maxCellBytes {
						t.Fatalf("row %d: cell in column %d, %d bytes", row, c.Col, len(c.Value))
					}
					fmt.Fprintf(&out, "%d,%d %v %q %q %v;", row, c.Col, c.Kind, c.Value, c.Formula, c.Class)
				}
				return nil
			}
			fmt.Fprintf(&out, "error %v;", sc.run())
			for _, r := range sc.merges {
				checkRange(t, r)
			}
			merges, err := scanMerges(tokenize())
			for _, r := range merges {
				checkRange(t, r)
			}
			fmt.Fprintf(&out, "merges %v %v", merges, err)
			return out.String()
		}
		stream := scan(func() *tokenizer { return newTokenizer(bytes.NewReader(data)) })
		if inPlace := scan(func() *tokenizer { return newTokenizerBytes(data) }); inPlace != stream {
			t.Fatalf("in place:\n%s\nas a stream:\n%s", inPlace, stream)
		}
	})
}

func checkRange(t *testing.T, r Range) {
	if r.FirstCol < 1 || r.FirstCol > r.LastCol || r.LastCol > MaxCol || r.FirstRow < 1 || r.FirstRow > r.LastRow || r.LastRow > MaxRow {
		t.Fatalf("invalid merged range %+v", r)
	}
}

// sheetParts returns the worksheet parts of the workbook at path.
func sheetParts(tb testing.TB, path string) [][]byte {
	zr, err := zip.OpenReader(path)
	if err != nil {
		tb.Fatal(err)
	}
	defer zr.Close()
	var parts [][]byte
	for _, zf := range zr.File {
		if !strings.HasPrefix(zf.Name, "xl/worksheets/") || !strings.HasSuffix(zf.Name, ".xml") {
			continue
		}
		rc, err := zf.Open()
		if err != nil {
			tb.Fatal(err)
		}
		b, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			tb.Fatal(err)
		}
		parts = append(parts, b)
	}
	return parts
}

// FuzzOpen feeds arbitrary bytes to the whole reader as a file: workbook,
// relationships, styles, shared strings and every sheet.
func FuzzOpen(f *testing.F) {
	f.Add(workbook(f, sheetXML(`<row r="1"><c r="A1" t="s"><v>1</v></c></row>`)))
	f.Fuzz(func(t *testing.T, data []byte) {
		wb, err := NewReader(bytes.NewReader(data), int64(len(data)), nil)
		if err != nil {
			return
		}
		for _, s := range wb.Sheets() {
			wb.Rows(s, func(int, []Cell) error { return nil })
			wb.Merges(s)
		}
	})
}
