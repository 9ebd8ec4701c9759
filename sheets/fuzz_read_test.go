package sheets

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/shopspring/decimal"
)

// FuzzParseNumber: whatever parseNumber accepts as a plain number reads back
// as the same number once written out.
func FuzzParseNumber(f *testing.F) {
	for _, s := range []string{"406", "406.00", "4,950.68", "４０６", "406万元", "62.27%", "-3", "+1.5e3", ".5",
		"1,2,3", "１，２３４．５", "－３", "1 000", "", " ", "%", "万元", "e5", "1e9999"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n, ok := parseNumber(s)
		if !ok || n.pct || n.unit != "" {
			return
		}
		// Written back in its shortest exponent form; a number whose shortest
		// form is longer than any cell holds is rightly refused.
		digits, exp := n.v.Coefficient().String(), int(n.v.Exponent())
		for len(digits) > 1 && strings.HasSuffix(digits, "0") {
			digits, exp = digits[:len(digits)-1], exp+1
		}
		text := digits + "e" + strconv.Itoa(exp)
		if len(text) > maxNumberLen {
			return
		}
		back, ok := parseNumber(text)
		if !ok || !back.v.Equal(n.v) {
			t.Fatalf("parseNumber(%q) = %s, which reads back as %s, %v", s, n.v, back.v, ok)
		}
	})
}

// FuzzParseNumericCell: an accepted numeric cell has at most 15 significant
// digits.
func FuzzParseNumericCell(f *testing.F) {
	for _, s := range []string{"3699.98999999999999999", "81.68000000000001", "3.5E-2", "-0", "1E+308", "123456789012345678", "9.99999999999999999"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, raw string) {
		d, ok := parseNumericCell(raw)
		if !ok {
			return
		}
		digits := strings.TrimRight(d.Coefficient().String(), "0")
		digits = strings.TrimPrefix(digits, "-")
		if len(digits) > 15 {
			t.Fatalf("parseNumericCell(%q) = %s: %d significant digits", raw, d, len(digits))
		}
	})
}

// FuzzParseDateText: an accepted date is a real calendar day at midnight
// UTC, and its ISO form reads back as the same day.
func FuzzParseDateText(f *testing.F) {
	for _, s := range []string{"2023-02-07", "2023/2/7", "2023.2.7", "2023年2月7日", "20230207", "２０２３－０２－０７",
		"2023-02-30", "2023-13-01", "0000-01-01", "2023-02-07 10:00", "2023年 2月 7号", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, ok := parseDateText(s)
		if !ok {
			return
		}
		if d.Location() != time.UTC || d.Hour() != 0 || d.Minute() != 0 || d.Second() != 0 || d.Nanosecond() != 0 {
			t.Fatalf("parseDateText(%q) = %v; want midnight UTC", s, d)
		}
		iso := d.Format("2006-01-02")
		back, ok := parseDateText(iso)
		if !ok || !back.Equal(d) {
			t.Fatalf("parseDateText(%q) = %s, which reads back as %v, %v", s, iso, back, ok)
		}
	})
}

// FuzzSerialToDate: any serial either gives a date in 1900–9999 or is refused.
func FuzzSerialToDate(f *testing.F) {
	for _, s := range []string{"1", "59", "60", "61", "45000.75", "2957003", "2957004", "2958465", "2958466", "-1", "0"} {
		f.Add(s, false)
		f.Add(s, true)
	}
	f.Fuzz(func(t *testing.T, s string, date1904 bool) {
		serial, err := decimal.NewFromString(s)
		if err != nil {
			return
		}
		d, ok := serialToDate(serial, date1904)
		if ok && (d.Year() < 1899 || d.Year() > 9999) {
			t.Fatalf("serialToDate(%s, %v) = %v", s, date1904, d)
		}
	})
}

// FuzzNumberToDate: the whole-number shortcut of numberToDate reads every
// numeric cell as the decimal route does.
func FuzzNumberToDate(f *testing.F) {
	for _, s := range []string{"45000", "45000.75", "20230207", "20231345", "19000101", "99991231", "100000000",
		"-1", "0", "60", "+45000", "045000", " 45000", "9223372036854775808", "4.5E4", "2958465"} {
		f.Add(s, false)
		f.Add(s, true)
	}
	f.Fuzz(func(t *testing.T, raw string, date1904 bool) {
		got, gotOK := numberToDate(raw, date1904)
		var want time.Time
		wantOK := false
		if d, ok := parseNumericCell(raw); ok {
			if want, wantOK = denseDate(d); !wantOK {
				want, wantOK = serialToDate(d, date1904)
			}
		}
		if gotOK != wantOK || !got.Equal(want) {
			t.Fatalf("numberToDate(%q, %v) = %v, %v; the decimal route gives %v, %v", raw, date1904, got, gotOK, want, wantOK)
		}
	})
}

// FuzzMatchHeaders: every matched column is a distinct cell whose header is
// the column's name or one of its aliases.
func FuzzMatchHeaders(f *testing.F) {
	f.Add("支付日期", "支付金额（万元）", "项目名称", "凭证号")
	f.Add("日期", "金额(元)", "名称", "凭证编号")
	f.Add("项目编号", "编号", " 项目\n名称 ", "预算资金（万元）（元）")
	f.Add("", "（万元）", "(", "）")
	f.Fuzz(func(t *testing.T, a, b, c, d string) {
		var cells []rawCell
		for i, v := range []string{a, b, c, d} {
			cells = append(cells, rawCell{col: i + 1, value: v, typ: cellText})
		}
		for _, tb := range []table{infoTable, noticeTable, projectTable, ledgerTable, scoreTable, paramTable} {
			col, _ := matchHeaders(tb, cells)
			used := map[int]bool{}
			for ci, cc := range col {
				if cc == 0 {
					continue
				}
				if cc < 1 || cc > len(cells) || used[cc] {
					t.Fatalf("%s: column %s matched to cell %d (used %v)", tb.sheet, tb.columns[ci].name, cc, used)
				}
				used[cc] = true
				name, _ := normalizeHeader(cells[cc-1].value)
				c := tb.columns[ci]
				if name != c.name && !slices.Contains(c.aliases, name) {
					t.Fatalf("%s: column %s matched to header %q", tb.sheet, c.name, cells[cc-1].value)
				}
			}
		}
	})
}

// FuzzRead reads the sample workbook with one part's XML mutated: a
// workbook, or a *FileError naming the file; never a panic.
func FuzzRead(f *testing.F) {
	addPartSeeds(f)
	dir := f.TempDir()
	f.Fuzz(func(t *testing.T, part uint8, content []byte) {
		path := filepath.Join(dir, "模糊.xlsx")
		must(t, os.WriteFile(path, workbookWithPart(t, part, content), 0o644))
		wb, err := Read(path, Options{})
		if err == nil {
			if wb == nil {
				t.Fatal("no workbook and no error")
			}
			return
		}
		var fe *FileError
		if !errors.As(err, &fe) || fe.Path != path || len(fe.Problems) == 0 {
			t.Fatalf("error %#v; want a *FileError about %s", err, path)
		}
		// Read and the parsers it calls turn a panic into a rejection: a bug
		// all the same.
		var p *errPanic
		if errors.As(err, &p) {
			t.Fatalf("a panic was recovered: %v", p)
		}
	})
}
