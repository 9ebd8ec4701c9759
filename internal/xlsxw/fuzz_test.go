package xlsxw_test

import (
	"bytes"
	"testing"
	"unicode/utf16"
	"unicode/utf8"

	"fundcheck/internal/xlsx"
	"fundcheck/internal/xlsxw"

	"github.com/xuri/excelize/v2"
)

// FuzzText writes any text into a cell, a link's tooltip and location, and
// a file link's target: the workbook must open in excelize and in
// fundcheck's reader, and the cell must read back as the text with what XML
// cannot carry replaced by U+FFFD and cut at Excel's 32,767 characters.
func FuzzText(f *testing.F) {
	for _, s := range []string{"", "阿城区", "=1+1", "_x0041_", "_x005F_x0041_", "a\r\nb\rc", " x ", "\x00\uFFFE\xff",
		"<&>\"'", "😀"} {
		f.Add(s)
	}
	st := styles(f)
	f.Fuzz(func(t *testing.T, s string) {
		sh := &xlsxw.Sheet{Name: "问题清单", AutoFilter: "A1:B2"}
		sh.Row(1).Text(1, s, 1)
		sh.Row(2).Text(2, "x", 0)
		sh.Link("A1", "'问题清单'!"+s, s)
		sh.LinkFile("B2", s)
		var buf bytes.Buffer
		if _, err := (&xlsxw.Workbook{Styles: st, Sheets: []*xlsxw.Sheet{sh}}).WriteTo(&buf); err != nil {
			t.Fatal(err)
		}
		// Each byte that is not UTF-8, and each character XML 1.0 lacks,
		// becomes one U+FFFD.
		var want []rune
		units := 0
		for i := 0; i < len(s); {
			r, size := utf8.DecodeRuneInString(s[i:])
			i += size
			if !(r == 0x9 || r == 0xA || r == 0xD || r >= 0x20 && r <= 0xD7FF || r >= 0xE000 && r <= 0xFFFD || r >= 0x10000) {
				r = utf8.RuneError
			}
			if units += len(utf16.Encode([]rune{r})); units > 32767 {
				break
			}
			want = append(want, r)
		}

		ef, err := excelize.OpenReader(bytes.NewReader(buf.Bytes()))
		if err != nil {
			t.Fatalf("excelize cannot open it: %v", err)
		}
		defer ef.Close()
		got, err := ef.GetCellValue("问题清单", "A1")
		if err != nil {
			t.Fatal(err)
		}
		if got != string(want) {
			t.Errorf("excelize reads %q, want %q", clip(got), clip(string(want)))
		}

		path := t.TempDir() + "/f.xlsx"
		if err := writeFile(path, buf.Bytes()); err != nil {
			t.Fatal(err)
		}
		own, err := xlsx.Open(path)
		if err != nil {
			t.Fatalf("fundcheck's reader cannot open it: %v", err)
		}
		defer own.Close()
		read := ""
		err = own.Rows("问题清单", func(row int, cells []xlsx.Cell) error {
			if row == 1 && len(cells) > 0 {
				read = string(cells[0].Value)
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		if read != string(want) {
			t.Errorf("fundcheck's reader reads %q, want %q", clip(read), clip(string(want)))
		}
	})
}
