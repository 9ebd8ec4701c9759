package xlsxw

import (
	"archive/zip"
	"bytes"
	"cmp"
	"io"
	"strconv"
	"strings"

	"fundcheck/internal/xlsx"
)

// Workbook is a set of sheets sharing one styles part.
type Workbook struct {
	// Styles is the whole styles part (xl/styles.xml); the style numbers
	// cells carry index its cellXfs.
	Styles []byte
	Sheets []*Sheet
	// Store leaves the parts uncompressed: for a workbook that is read back
	// at once (and compressed again) rather than kept.
	Store bool
}

const (
	nsMain  = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
	nsRel   = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
	nsPkg   = "http://schemas.openxmlformats.org/package/2006/relationships"
	ctPart  = "application/vnd.openxmlformats-officedocument."
	xmlDecl = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n"
)

// WriteTo writes the workbook to w as an .xlsx package, the first sheet
// selected.
func (wb *Workbook) WriteTo(w io.Writer) (int64, error) {
	cw := &countWriter{w: w}
	zw := zip.NewWriter(cw)
	var b bytes.Buffer
	put := func(name string) error {
		method := zip.Deflate
		if wb.Store {
			method = zip.Store
		}
		f, err := zw.CreateHeader(&zip.FileHeader{Name: name, Method: method})
		if err != nil {
			return err
		}
		_, err = f.Write(b.Bytes())
		b.Reset()
		return err
	}
	var err error
	do := func(name string, write func(*bytes.Buffer)) {
		if err == nil {
			write(&b)
			err = put(name)
		}
	}
	do("[Content_Types].xml", wb.contentTypes)
	do("_rels/.rels", func(b *bytes.Buffer) {
		rels(b, []relationship{{"officeDocument", "xl/workbook.xml"}})
	})
	do("xl/workbook.xml", wb.workbook)
	do("xl/_rels/workbook.xml.rels", func(b *bytes.Buffer) {
		rs := make([]relationship, 0, len(wb.Sheets)+1)
		for i := range wb.Sheets {
			rs = append(rs, relationship{"worksheet", "worksheets/sheet" + strconv.Itoa(i+1) + ".xml"})
		}
		rels(b, append(rs, relationship{"styles", "styles.xml"}))
	})
	do("xl/styles.xml", func(b *bytes.Buffer) { b.Write(wb.Styles) })
	for i, s := range wb.Sheets {
		n := strconv.Itoa(i + 1)
		do("xl/worksheets/sheet"+n+".xml", func(b *bytes.Buffer) { s.write(b, i == 0) })
		if s.Chart == nil {
			continue
		}
		do("xl/worksheets/_rels/sheet"+n+".xml.rels", func(b *bytes.Buffer) {
			rels(b, []relationship{{"drawing", "../drawings/drawing" + n + ".xml"}})
		})
		do("xl/drawings/drawing"+n+".xml", func(b *bytes.Buffer) { b.Write(s.Chart.Drawing) })
		do("xl/drawings/_rels/drawing"+n+".xml.rels", func(b *bytes.Buffer) {
			rels(b, []relationship{{"chart", "../charts/chart" + n + ".xml"}})
		})
		do("xl/charts/chart"+n+".xml", func(b *bytes.Buffer) { b.Write(s.Chart.Chart) })
	}
	if err == nil {
		err = zw.Close()
	}
	return cw.n, err
}

type countWriter struct {
	w io.Writer
	n int64
}

func (c *countWriter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	c.n += int64(n)
	return n, err
}

func (wb *Workbook) contentTypes(b *bytes.Buffer) {
	b.WriteString(xmlDecl + `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
		`<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
		`<Default Extension="xml" ContentType="application/xml"/>`)
	override := func(part, ct string) {
		b.WriteString(`<Override PartName="/` + part + `" ContentType="` + ctPart + ct + `"/>`)
	}
	override("xl/workbook.xml", "spreadsheetml.sheet.main+xml")
	override("xl/styles.xml", "spreadsheetml.styles+xml")
	for i, s := range wb.Sheets {
		n := strconv.Itoa(i + 1)
		override("xl/worksheets/sheet"+n+".xml", "spreadsheetml.worksheet+xml")
		if s.Chart != nil {
			override("xl/drawings/drawing"+n+".xml", "drawing+xml")
			override("xl/charts/chart"+n+".xml", "drawingml.chart+xml")
		}
	}
	b.WriteString(`</Types>`)
}

type relationship struct{ kind, target string }

func rels(b *bytes.Buffer, rs []relationship) {
	b.WriteString(xmlDecl + `<Relationships xmlns="` + nsPkg + `">`)
	for i, r := range rs {
		b.WriteString(`<Relationship Id="rId` + strconv.Itoa(i+1) + `" Type="` + nsRel + "/" + r.kind +
			`" Target="` + r.target + `"/>`)
	}
	b.WriteString(`</Relationships>`)
}

// workbook writes the workbook part: the sheets, and the names Excel keeps
// per sheet for its print titles and filter range.
func (wb *Workbook) workbook(b *bytes.Buffer) {
	b.WriteString(xmlDecl + `<workbook xmlns="` + nsMain + `" xmlns:r="` + nsRel + `">` +
		`<bookViews><workbookView activeTab="0"/></bookViews><sheets>`)
	for i, s := range wb.Sheets {
		n := strconv.Itoa(i + 1)
		b.WriteString(`<sheet name="`)
		attrText(b, s.Name)
		b.WriteString(`" sheetId="` + n + `" r:id="rId` + n + `"/>`)
	}
	b.WriteString(`</sheets>`)
	var names bytes.Buffer
	for i, s := range wb.Sheets {
		q := quoteSheet(s.Name) + "!"
		if s.AutoFilter != "" {
			from, to, _ := strings.Cut(s.AutoFilter, ":")
			definedName(&names, "_xlnm._FilterDatabase", i, true, q+absolute(from)+":"+absolute(cmp.Or(to, from)))
		}
		if s.PrintTitles > 0 {
			r := "$" + strconv.Itoa(s.PrintTitles)
			definedName(&names, "_xlnm.Print_Titles", i, false, q+r+":"+r)
		}
	}
	if names.Len() > 0 {
		b.WriteString(`<definedNames>`)
		b.Write(names.Bytes())
		b.WriteString(`</definedNames>`)
	}
	b.WriteString(`</workbook>`)
}

func definedName(b *bytes.Buffer, name string, sheet int, hidden bool, ref string) {
	b.WriteString(`<definedName name="` + name + `" localSheetId="` + strconv.Itoa(sheet) + `"`)
	if hidden {
		b.WriteString(` hidden="1"`)
	}
	b.WriteString(`>`)
	charData(b, ref)
	b.WriteString(`</definedName>`)
}

// absolute turns "A1" into "$A$1".
func absolute(ref string) string {
	i := strings.IndexFunc(ref, func(r rune) bool { return r >= '0' && r <= '9' })
	if i <= 0 {
		return ref
	}
	return "$" + ref[:i] + "$" + ref[i:]
}

// quoteSheet quotes a sheet name for a reference, as Excel does for any
// name that is not plain ASCII letters and digits.
func quoteSheet(name string) string {
	return "'" + strings.ReplaceAll(name, "'", "''") + "'"
}

// write writes the worksheet part, its elements in the order the schema
// requires.
func (s *Sheet) write(b *bytes.Buffer, selected bool) {
	b.WriteString(xmlDecl + `<worksheet xmlns="` + nsMain + `" xmlns:r="` + nsRel + `">`)
	if s.Landscape {
		b.WriteString(`<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>`)
	}
	b.WriteString(`<dimension ref="` + s.dimension() + `"/><sheetViews><sheetView`)
	if selected {
		b.WriteString(` tabSelected="1"`)
	}
	b.WriteString(` workbookViewId="0">`)
	if s.FrozenRows > 0 {
		top := "A" + strconv.Itoa(s.FrozenRows+1)
		b.WriteString(`<pane ySplit="` + strconv.Itoa(s.FrozenRows) + `" topLeftCell="` + top +
			`" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="` + top +
			`" sqref="` + top + `"/>`)
	}
	b.WriteString(`</sheetView></sheetViews><sheetFormatPr defaultRowHeight="15"/>`)
	if len(s.Widths) > 0 {
		b.WriteString(`<cols>`)
		for i, w := range s.Widths {
			n := strconv.Itoa(i + 1)
			b.WriteString(`<col min="` + n + `" max="` + n + `" width="` + formatFloat(w) + `" customWidth="1"/>`)
		}
		b.WriteString(`</cols>`)
	}
	b.WriteString(`<sheetData>`)
	for _, r := range s.rows {
		r.write(b)
	}
	b.WriteString(`</sheetData>`)
	if s.AutoFilter != "" {
		b.WriteString(`<autoFilter ref="` + s.AutoFilter + `"/>`)
	}
	if len(s.merges) > 0 {
		b.WriteString(`<mergeCells count="` + strconv.Itoa(len(s.merges)) + `">`)
		for _, m := range s.merges {
			b.WriteString(`<mergeCell ref="` + m + `"/>`)
		}
		b.WriteString(`</mergeCells>`)
	}
	if len(s.links) > 0 {
		b.WriteString(`<hyperlinks>`)
		for _, l := range s.links {
			b.WriteString(`<hyperlink ref="` + l.ref + `" location="`)
			attrText(b, l.location)
			b.WriteString(`" tooltip="`)
			attrText(b, l.tooltip)
			b.WriteString(`"/>`)
		}
		b.WriteString(`</hyperlinks>`)
	}
	b.WriteString(`<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>`)
	if s.Landscape {
		b.WriteString(`<pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"/>`)
	}
	if s.Chart != nil {
		b.WriteString(`<drawing r:id="rId1"/>`)
	}
	b.WriteString(`</worksheet>`)
}

func (r *Row) write(b *bytes.Buffer) {
	n := strconv.Itoa(r.n)
	b.WriteString(`<row r="` + n + `"`)
	if r.Height > 0 {
		b.WriteString(` ht="` + formatFloat(r.Height) + `" customHeight="1"`)
	}
	b.WriteString(`>`)
	for i, c := range r.cells {
		if !c.set {
			continue
		}
		b.WriteString(`<c r="` + xlsx.ColumnName(i+1) + n + `"`)
		if c.style != 0 {
			b.WriteString(` s="` + strconv.Itoa(c.style) + `"`)
		}
		switch c.kind {
		case kindBlank:
			b.WriteString(`/>`)
		case kindNumber:
			b.WriteString(`><v>` + c.v + `</v></c>`)
		case kindText:
			b.WriteString(` t="inlineStr"><is><t`)
			if preserve(c.v) {
				b.WriteString(` xml:space="preserve"`)
			}
			b.WriteString(`>`)
			cellText(b, c.v)
			b.WriteString(`</t></is></c>`)
		}
	}
	b.WriteString(`</row>`)
}

func formatFloat(f float64) string { return strconv.FormatFloat(f, 'f', -1, 64) }
