package xlsx

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"

	"fundcheck/internal/ahead"
)

// Parts of a minimal workbook, to which tests add a sheet.
const (
	contentTypes = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>`
	packageRels = `<?xml version="1.0" encoding="UTF-8"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`
	// Targets in every form writers use: relative, absolute, with "..".
	workbookRels = `<?xml version="1.0" encoding="UTF-8"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="/xl/worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="../xl/styles.xml"/><Relationship Id="rId4" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="http://example.com/" TargetMode="External"/></Relationships>`
	workbookXML = `<?xml version="1.0" encoding="UTF-8"?>
<x:workbook xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><x:workbookPr date1904="true"/><x:sheets><x:sheet name="A&amp;B 明细" sheetId="1" r:id="rId1"/></x:sheets></x:workbook>`
	stylesXML = `<?xml version="1.0" encoding="UTF-8"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="2"><numFmt numFmtId="164" formatCode="[Red][&gt;=100]&quot;d&quot;0%;&quot;h&quot;0"/><numFmt numFmtId="165" formatCode="[$-804]yyyy&quot;年&quot;"/></numFmts><cellStyleXfs count="1"><xf numFmtId="14"/></cellStyleXfs><cellXfs count="4"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="164"/><xf numFmtId="165"/></cellXfs></styleSheet>`
	sharedStringsXML = `<?xml version="1.0" encoding="UTF-8"?>
<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="4" uniqueCount="4"><si><t>plain</t></si><si><r><rPr><b/></rPr><t xml:space="preserve">rich </t></r><r><t>text</t></r><rPh sb="0" eb="1"><t>ignored</t></rPh></si><si><t>a_x000D_b_x005F_x0041_ &lt;&#20013;&#x6587;&gt;</t></si><si/></sst>`
)

// workbook returns a minimal .xlsx holding sheet as its only worksheet.
func workbook(t testing.TB, sheet string) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, p := range []struct{ name, body string }{
		{"[Content_Types].xml", contentTypes},
		{"_rels/.rels", packageRels},
		{"xl/workbook.xml", workbookXML},
		{"xl/_rels/workbook.xml.rels", workbookRels},
		{"xl/styles.xml", stylesXML},
		{"xl/sharedStrings.xml", sharedStringsXML},
		{"xl/worksheets/sheet1.xml", sheet},
	} {
		w, err := zw.Create(p.name)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Write([]byte(p.body)); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

const sheetName = "A&B 明细"

func sheetXML(sheetData string) string {
	return `<?xml version="1.0" encoding="UTF-8"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>` + sheetData + `</sheetData></worksheet>`
}

// rowsOf reads the only sheet of data into "row:col kind class value|formula"
// lines, one per cell. It reads it twice, streamed from the zip and from
// parts inflated beforehand, and fails if the two readings differ.
func rowsOf(data []byte) ([]string, error) {
	streamed, err := rowsWith(data, nil)
	inflated, err2 := rowsWith(data, inflateAll(data))
	if !reflect.DeepEqual(streamed, inflated) || fmt.Sprint(err) != fmt.Sprint(err2) {
		return nil, fmt.Errorf("streamed: %q, %v; inflated beforehand: %q, %v", streamed, err, inflated, err2)
	}
	return streamed, err
}

func rowsWith(data []byte, inflated map[string][]byte) ([]string, error) {
	f, err := NewReader(bytes.NewReader(data), int64(len(data)), inflated)
	if err != nil {
		return nil, err
	}
	var out []string
	err = f.Rows(sheetName, func(row int, cells []Cell) error {
		for _, c := range cells {
			s := fmt.Sprintf("%d:%d %v %v %s", row, c.Col, c.Kind, c.Class, c.Value)
			if c.HasFormula {
				s += "|=" + string(c.Formula)
			}
			out = append(out, s)
		}
		return nil
	})
	return out, err
}

// inflateAll returns every part of the zip in data, inflated, by name.
func inflateAll(data []byte) map[string][]byte {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil
	}
	parts := map[string][]byte{}
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			continue
		}
		if b, err := io.ReadAll(rc); err == nil {
			parts[f.Name] = b
		}
		rc.Close()
	}
	return parts
}

func TestRowsHandmade(t *testing.T) {
	tests := []struct {
		name, data string
		want       []string
	}{
		{
			name: "no r attributes",
			data: `<row><c><v>1</v></c><c t="s"><v>0</v></c></row><row/><row><c/><c t="b"><v>1</v></c></row>`,
			want: []string{"1:1 number plain 1", "1:2 text plain plain", "3:2 bool plain 1"},
		},
		{
			name: "cells without r after cells with it",
			data: `<row r="5"><c r="C5"><v>1</v></c><c><v>2</v></c></row><row><c r="B6"><v>3</v></c></row>`,
			want: []string{"5:3 number plain 1", "5:4 number plain 2", "6:2 number plain 3"},
		},
		{
			name: "row number from the cells",
			data: `<row><c r="A9"><v>1</v></c></row>`,
			want: []string{"9:1 number plain 1"},
		},
		{
			name: "shared strings: rich text, phonetic runs, escapes, references, empty",
			data: `<row r="1"><c r="A1" t="s"><v>1</v></c><c r="B1" t="s"><v> 2 </v></c><c r="C1" t="s"><v>3</v></c></row>`,
			want: []string{"1:1 text plain rich text", "1:2 text plain a\rb_x0041_ <中文>"},
		},
		{
			name: "inline strings",
			data: `<row r="2"><c r="A2" t="inlineStr"><is><r><t>in</t></r><r><t>line</t></r><rPh><t>x</t></rPh></is></c>` +
				`<c r="B2" t="inlineStr"><is><t><![CDATA[<raw> & ]]>&amp;_x0009_</t></is></c></row>`,
			want: []string{"2:1 text plain inline", "2:2 text plain <raw> & &\t"},
		},
		{
			name: "styles and number formats",
			data: `<row r="3"><c r="A3" s="1"><v>45000</v></c><c r="B3" s="2"><v>0.5</v></c><c r="C3" s="3"><v>45000</v></c><c r="D3" s="99"><v>7</v></c></row>`,
			want: []string{"3:1 number date 45000", "3:2 number percent 0.5", "3:3 number date 45000", "3:4 number plain 7"},
		},
		{
			name: "formulas, shared and plain, with and without cached values",
			data: `<row r="4"><c r="A4"><f t="shared" ref="A4:A5" si="0">B4*2</f><v>2</v></c><c r="B4" t="str"><f>"a"&amp;"b"</f><v>ab</v></c><c r="C4"><f>SUM(A1:A3)</f></c></row>` +
				`<row r="5"><c r="A5"><f t="shared" si="0"/><v>4</v></c><c r="B5" t="e"><f>1/0</f><v>#DIV/0!</v></c><c r="C5" t="d"><v>2023-03-15T00:00:00</v></c></row>`,
			want: []string{"4:1 number plain 2|=B4*2", `4:2 text plain ab|="a"&"b"`, "4:3 number plain |=SUM(A1:A3)",
				"5:1 number plain 4|=", "5:2 error plain #DIV/0!|=1/0", "5:3 date plain 2023-03-15T00:00:00"},
		},
		{
			name: "namespace prefixes, comments, line ends",
			data: `<x:row r="7"><!-- c --><x:c r="A7" t="str"><x:v>a&#13;&#10;b` + "\r\nc\rd" + `</x:v></x:c></x:row>`,
			want: []string{"7:1 text plain a\r\nb\nc\nd"},
		},
		{
			name: "empty values are left out",
			data: `<row r="8"><c r="A8" s="1"/><c r="B8" t="s"><v>3</v></c><c r="C8" t="str"><v></v></c><c r="D8"><v/></c></row>`,
			want: nil,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := rowsOf(workbook(t, sheetXML(tt.data)))
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got\n%q\nwant\n%q", got, tt.want)
			}
		})
	}
}

func TestRowsErrors(t *testing.T) {
	tests := []struct {
		name, sheet string
		want        error
	}{
		{"shared string out of range", sheetXML(`<row r="1"><c r="A1" t="s"><v>4</v></c></row>`), ErrSyntax},
		{"bad shared string index", sheetXML(`<row r="1"><c r="A1" t="s"><v>x</v></c></row>`), ErrSyntax},
		{"bad cell reference", sheetXML(`<row r="1"><c r="1A"><v>1</v></c></row>`), ErrSyntax},
		{"row beyond the sheet", sheetXML(`<row r="1048577"><c><v>1</v></c></row>`), ErrSyntax},
		{"column beyond the sheet", sheetXML(`<row r="1"><c r="XFE1"><v>1</v></c></row>`), ErrSyntax},
		{"too many cells", sheetXML(`<row r="1">` + strings.Repeat(`<c r="A1"><v>1</v></c>`, MaxCol+1) + `</row>`), ErrTooLarge},
		{"too many columns counted", sheetXML(`<row r="1"><c r="XFD1"><v>1</v></c><c><v>2</v></c></row>`), ErrTooLarge},
		{"cell inside a cell", sheetXML(`<row r="1"><c r="A1"><c r="B1"/></c></row>`), ErrSyntax},
		{"row inside a row", sheetXML(`<row r="1"><row r="2"/></row>`), ErrSyntax},
		{"truncated", sheetXML(`<row r="1"><c r="A1"><v>1`)[:150], ErrSyntax},
		{"unterminated tag", sheetXML(`<row r="1"><c r="A1"`)[:160], ErrSyntax},
		{"huge token", sheetXML(`<row r="1"><c r="A1"><v>` + strings.Repeat("9", maxToken+1) + `</v></c></row>`), ErrTooLarge},
		{"long cell text", sheetXML(`<row r="1"><c r="A1" t="str"><v>` + strings.Repeat("9<!---->", maxCellBytes+1) + `</v></c></row>`), ErrTooLarge},
		{"bad merged range", sheetXML(``) + `<mergeCells><mergeCell ref="A1:"/></mergeCells>`, ErrSyntax},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := rowsOf(workbook(t, tt.sheet))
			if !errors.Is(err, tt.want) {
				t.Fatalf("error %v, want %v", err, tt.want)
			}
			var pe *ParseError
			if !errors.As(err, &pe) || pe.Part != "xl/worksheets/sheet1.xml" {
				t.Errorf("error %v is not a *ParseError naming the sheet part", err)
			}
		})
	}
}

func TestCallbackError(t *testing.T) {
	data := workbook(t, sheetXML(`<row r="1"><c><v>1</v></c></row><row r="2"><c><v>2</v></c></row>`))
	f, err := NewReader(bytes.NewReader(data), int64(len(data)), nil)
	if err != nil {
		t.Fatal(err)
	}
	stop := errors.New("stop")
	rows := 0
	err = f.Rows(sheetName, func(int, []Cell) error { rows++; return stop })
	if err != stop || rows != 1 {
		t.Errorf("Rows = %v after %d rows, want the callback's error after 1", err, rows)
	}
	if err := f.Rows("nope", nil); !errors.Is(err, ErrNoSheet) {
		t.Errorf("Rows of a missing sheet: %v, want ErrNoSheet", err)
	}
}

func TestMerges(t *testing.T) {
	sheet := `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="str"><v>sheetData&gt; &lt;mergeCell ref="Z1:Z9"/&gt;</v></c></row></sheetData>` +
		`<mergeCells count="3"><mergeCell ref="A2:A17"/><mergeCell ref="$C$3:B1"/><mergeCell ref="D4"/></mergeCells></worksheet>`
	want := []Range{{1, 2, 1, 17}, {2, 1, 3, 3}, {4, 4, 4, 4}}
	data := workbook(t, sheet)
	for _, rowsFirst := range []bool{false, true} {
		f, err := NewReader(bytes.NewReader(data), int64(len(data)), nil)
		if err != nil {
			t.Fatal(err)
		}
		if rowsFirst {
			if err := f.Rows(sheetName, func(int, []Cell) error { return nil }); err != nil {
				t.Fatal(err)
			}
		}
		got, err := f.Merges(sheetName)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("rows first %v: Merges = %v, want %v", rowsFirst, got, want)
		}
	}
}

func TestOpenErrors(t *testing.T) {
	noWorkbook := func() []byte {
		var buf bytes.Buffer
		zw := zip.NewWriter(&buf)
		w, _ := zw.Create("word/document.xml")
		w.Write([]byte("<document/>"))
		zw.Close()
		return buf.Bytes()
	}()
	tests := []struct {
		name string
		data []byte
		want error
	}{
		{"empty", nil, ErrNotZip},
		{"text", []byte("序号,金额\n1,2\n"), ErrNotZip},
		{"OLE2", append(append([]byte{}, oleMagic...), make([]byte, 512)...), ErrCompoundFile},
		{"other zip", noWorkbook, ErrNotWorkbook},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := NewReader(bytes.NewReader(tt.data), int64(len(tt.data)), nil)
			if !errors.Is(err, tt.want) {
				t.Errorf("error %v, want %v", err, tt.want)
			}
		})
	}
}

// TestPartLimits: a part larger than its limit is refused, whether its
// declared size says so or only its inflated bytes do.
func TestPartLimits(t *testing.T) {
	sheet := sheetXML(strings.Repeat(`<row><c><v>1</v></c></row>`, 1000))
	data := workbook(t, sheet)
	lim := defaultLimits
	lim.part = int64(len(sheet)) - 1
	f, err := newFile(bytes.NewReader(data), int64(len(data)), nil, lim)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.Rows(sheetName, func(int, []Cell) error { return nil }); !errors.Is(err, ErrTooLarge) {
		t.Errorf("declared size over the limit: %v, want ErrTooLarge", err)
	}
	// archive/zip itself refuses more bytes than declared; limitReader
	// guards the limit whatever the zip reader does.
	lr := &limitReader{r: strings.NewReader(sheet), n: 100, part: "sheet"}
	if _, err := io.ReadAll(lr); !errors.Is(err, ErrTooLarge) {
		t.Errorf("inflated size over the limit: %v, want ErrTooLarge", err)
	}
}

// TestInflatedParts: a part the caller has inflated is read from there, not
// from the zip, under the same limit.
func TestInflatedParts(t *testing.T) {
	data := workbook(t, sheetXML(`<row r="1"><c r="A1"><v>1</v></c></row>`))
	inflated := map[string][]byte{`xl\Worksheets\Sheet1.xml`: []byte(sheetXML(`<row r="1"><c r="A1"><v>2</v></c></row>`))}
	f, err := NewReader(bytes.NewReader(data), int64(len(data)), inflated)
	if err != nil {
		t.Fatal(err)
	}
	var got string
	err = f.Rows(sheetName, func(_ int, cells []Cell) error {
		got = string(cells[0].Value)
		return nil
	})
	if err != nil || got != "2" {
		t.Errorf("A1 = %q, %v; want the inflated part's 2", got, err)
	}

	lim := defaultLimits
	lim.part = int64(len(inflated[`xl\Worksheets\Sheet1.xml`])) - 1
	if f, err = newFile(bytes.NewReader(data), int64(len(data)), inflated, lim); err != nil {
		t.Fatal(err)
	}
	if err := f.Rows(sheetName, func(int, []Cell) error { return nil }); !errors.Is(err, ErrTooLarge) {
		t.Errorf("inflated part over the limit: %v, want ErrTooLarge", err)
	}
}

func TestWorkbookParts(t *testing.T) {
	data := workbook(t, sheetXML(""))
	f, err := NewReader(bytes.NewReader(data), int64(len(data)), nil)
	if err != nil {
		t.Fatal(err)
	}
	if got := f.Sheets(); !reflect.DeepEqual(got, []string{sheetName}) {
		t.Errorf("Sheets() = %q", got)
	}
	if !f.Date1904() {
		t.Error("Date1904() = false for date1904=\"true\"")
	}
	if f.sstPath != "xl/sharedStrings.xml" || f.sheets[0].part != "xl/worksheets/sheet1.xml" {
		t.Errorf("parts resolved to %q and %q", f.sstPath, f.sheets[0].part)
	}
	if len(f.styles.class) != 4 {
		t.Errorf("%d cell formats, want 4 (cellStyleXfs left out)", len(f.styles.class))
	}
}

// TestHandmadeMatchesExcelize holds the hand-made sheets that excelize
// reads too (the others are errors or quirks it reads differently) to the
// same comparison as the fixtures.
func TestHandmadeMatchesExcelize(t *testing.T) {
	sheets := []string{
		`<row><c><v>1</v></c><c t="s"><v>0</v></c></row><row/><row><c/><c t="b"><v>1</v></c></row>`,
		`<row r="5"><c r="C5"><v>1</v></c><c><v>2</v></c></row><row r="6"><c r="B6"><v>3</v></c></row>`,
		`<row r="1"><c r="A1" t="s"><v>1</v></c><c r="B1" t="s"><v>2</v></c><c r="C1" t="s"><v>3</v></c></row>`,
		`<row r="2"><c r="A2" t="inlineStr"><is><r><t>in</t></r><r><t>line</t></r><rPh><t>x</t></rPh></is></c><c r="B2" t="inlineStr"><is><t><![CDATA[<raw> & ]]>&amp;_x0009_</t></is></c></row>`,
		`<row r="3"><c r="A3" s="1"><v>45000</v></c><c r="B3" s="2"><v>0.5</v></c><c r="C3" s="3"><v>45000</v></c></row>`,
		`<x:row r="7"><x:c r="A7" t="str"><x:v>a&#13;&#10;b` + "\r\nc\rd" + `</x:v></x:c></x:row>`,
	}
	for i, s := range sheets {
		t.Run(strconv.Itoa(i), func(t *testing.T) {
			data := strings.Replace(sheetXML(s), "<worksheet ", `<worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main" `, 1)
			path := filepath.Join(t.TempDir(), "handmade.xlsx")
			if err := os.WriteFile(path, workbook(t, data), 0o644); err != nil {
				t.Fatal(err)
			}
			compareWithExcelize(t, path)
		})
	}
}

// TestMissingParts: a workbook without its styles or shared strings still
// reads (numbers plain; a shared-string cell is then an error), one
// without its relationships is not a workbook.
func TestMissingParts(t *testing.T) {
	data := workbook(t, sheetXML(`<row r="1"><c r="A1" s="1"><v>45000</v></c></row>`))
	without := func(drop string) []byte {
		zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
		if err != nil {
			t.Fatal(err)
		}
		var buf bytes.Buffer
		zw := zip.NewWriter(&buf)
		for _, zf := range zr.File {
			if zf.Name != drop {
				if err := zw.Copy(zf); err != nil {
					t.Fatal(err)
				}
			}
		}
		if err := zw.Close(); err != nil {
			t.Fatal(err)
		}
		return buf.Bytes()
	}
	got, err := rowsOf(without("xl/styles.xml"))
	if want := []string{"1:1 number plain 45000"}; err != nil || !reflect.DeepEqual(got, want) {
		t.Errorf("without styles: %q, %v; want %q", got, err, want)
	}
	if _, err := rowsOf(without("xl/sharedStrings.xml")); err != nil {
		t.Errorf("without shared strings: %v", err)
	}
	if _, err := rowsOf(without("xl/_rels/workbook.xml.rels")); !errors.Is(err, ErrNotWorkbook) {
		t.Errorf("without workbook relationships: %v, want ErrNotWorkbook", err)
	}
}

// TestBigPart reads a sheet big enough to be inflated ahead of the scanner
// (ahead.Worthwhile): streamed and in place, it gives every row, and an
// error near its end the same way.
func TestBigPart(t *testing.T) {
	const n = 100_000
	var rows strings.Builder
	for r := 1; r <= n; r++ {
		fmt.Fprintf(&rows, `<row r="%d"><c r="A%d"><v>%d</v></c></row>`, r, r, r)
	}
	if rows.Len() < ahead.Worthwhile {
		t.Fatalf("sheet of %d bytes: not past ahead.Worthwhile", rows.Len())
	}
	got, err := rowsOf(workbook(t, sheetXML(rows.String())))
	if err != nil || len(got) != n || got[n-1] != fmt.Sprintf("%d:1 number plain %d", n, n) {
		t.Errorf("%d cells, last %q, %v", len(got), got[len(got)-1:], err)
	}
	_, err = rowsOf(workbook(t, sheetXML(rows.String()+`<row r="1048577"/>`)))
	if !errors.Is(err, ErrSyntax) {
		t.Errorf("a row beyond the sheet at the end: %v, want ErrSyntax", err)
	}
}
