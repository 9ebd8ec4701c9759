package xlsxw

import (
	"archive/zip"
	"bufio"
	"bytes"
	"cmp"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"

	"fundcheck/internal/cellref"
)

// Workbook is a set of sheets sharing one styles part.
type Workbook struct {
	// Styles is the whole styles part (xl/styles.xml); the style numbers
	// cells carry index its cellXfs.
	Styles []byte
	// Theme, when not nil, is the theme part (xl/theme/theme1.xml) the
	// styles' theme colours and fonts refer to. Excel does without, but
	// some readers (excelize) then lose every colour.
	Theme  []byte
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
	bw := bufio.NewWriterSize(nil, 64<<10)
	var err error
	part := func(name string, write func(*bufio.Writer) error) {
		if err != nil {
			return
		}
		method := zip.Deflate
		if wb.Store {
			method = zip.Store
		}
		var f io.Writer
		if f, err = zw.CreateHeader(&zip.FileHeader{Name: name, Method: method}); err != nil {
			return
		}
		bw.Reset(f)
		if err = write(bw); err == nil {
			err = bw.Flush()
		}
	}
	bytesOf := func(b []byte) func(*bufio.Writer) error {
		return func(w *bufio.Writer) error { _, err := w.Write(b); return err }
	}
	part("[Content_Types].xml", wb.contentTypes)
	part("_rels/.rels", rels([]relationship{{kind: "officeDocument", target: "xl/workbook.xml"}}))
	part("xl/workbook.xml", wb.workbook)
	sheetRels := make([]relationship, 0, len(wb.Sheets)+2)
	for i := range wb.Sheets {
		sheetRels = append(sheetRels, relationship{kind: "worksheet", target: "worksheets/sheet" + strconv.Itoa(i+1) + ".xml"})
	}
	sheetRels = append(sheetRels, relationship{kind: "styles", target: "styles.xml"})
	if wb.Theme != nil {
		sheetRels = append(sheetRels, relationship{kind: "theme", target: "theme/theme1.xml"})
	}
	part("xl/_rels/workbook.xml.rels", rels(sheetRels))
	part("xl/styles.xml", bytesOf(wb.Styles))
	if wb.Theme != nil {
		part("xl/theme/theme1.xml", bytesOf(wb.Theme))
	}
	for i, s := range wb.Sheets {
		n := strconv.Itoa(i + 1)
		var own []relationship
		if s.Chart != nil {
			own = append(own, relationship{kind: "drawing", target: "../drawings/drawing" + n + ".xml"})
		}
		part("xl/worksheets/sheet"+n+".xml", func(w *bufio.Writer) error { return s.write(w, i == 0, len(own)) })
		for _, l := range s.links {
			if l.external {
				own = append(own, relationship{kind: "hyperlink", target: l.target, external: true})
			}
		}
		if len(own) > 0 {
			part("xl/worksheets/_rels/sheet"+n+".xml.rels", rels(own))
		}
		if s.Chart != nil {
			part("xl/drawings/drawing"+n+".xml", bytesOf(s.Chart.Drawing))
			part("xl/drawings/_rels/drawing"+n+".xml.rels", rels([]relationship{{kind: "chart", target: "../charts/chart" + n + ".xml"}}))
			part("xl/charts/chart"+n+".xml", bytesOf(s.Chart.Chart))
		}
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

func (wb *Workbook) contentTypes(b *bufio.Writer) error {
	b.WriteString(xmlDecl + `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
		`<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
		`<Default Extension="xml" ContentType="application/xml"/>`)
	override := func(part, ct string) {
		b.WriteString(`<Override PartName="/` + part + `" ContentType="` + ctPart + ct + `"/>`)
	}
	override("xl/workbook.xml", "spreadsheetml.sheet.main+xml")
	override("xl/styles.xml", "spreadsheetml.styles+xml")
	if wb.Theme != nil {
		override("xl/theme/theme1.xml", "theme+xml")
	}
	for i, s := range wb.Sheets {
		n := strconv.Itoa(i + 1)
		override("xl/worksheets/sheet"+n+".xml", "spreadsheetml.worksheet+xml")
		if s.Chart != nil {
			override("xl/drawings/drawing"+n+".xml", "drawing+xml")
			override("xl/charts/chart"+n+".xml", "drawingml.chart+xml")
		}
	}
	_, err := b.WriteString(`</Types>`)
	return err
}

type relationship struct {
	kind, target string
	external     bool
}

// rels writes a relationships part; relationship i is "rId" i+1.
func rels(rs []relationship) func(*bufio.Writer) error {
	return func(b *bufio.Writer) error {
		b.WriteString(xmlDecl + `<Relationships xmlns="` + nsPkg + `">`)
		for i, r := range rs {
			b.WriteString(`<Relationship Id="rId` + strconv.Itoa(i+1) + `" Type="` + nsRel + "/" + r.kind + `" Target="`)
			plainText(b, r.target)
			if r.external {
				b.WriteString(`" TargetMode="External`)
			}
			b.WriteString(`"/>`)
		}
		_, err := b.WriteString(`</Relationships>`)
		return err
	}
}

// workbook writes the workbook part: the sheets, and the names Excel keeps
// per sheet for its print titles and filter range.
func (wb *Workbook) workbook(b *bufio.Writer) error {
	b.WriteString(xmlDecl + `<workbook xmlns="` + nsMain + `" xmlns:r="` + nsRel + `">` +
		`<bookViews><workbookView activeTab="0"/></bookViews><sheets>`)
	for i, s := range wb.Sheets {
		n := strconv.Itoa(i + 1)
		b.WriteString(`<sheet name="`)
		xstrText(b, s.Name)
		b.WriteString(`" sheetId="` + n + `" r:id="rId` + n + `"/>`)
	}
	b.WriteString(`</sheets>`)
	var names bytes.Buffer // few: two per sheet at most
	for i, s := range wb.Sheets {
		q := cellref.QuoteSheet(s.Name) + "!"
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
	_, err := b.WriteString(`</workbook>`)
	return err
}

func definedName(b writer, name string, sheet int, hidden bool, ref string) {
	b.WriteString(`<definedName name="` + name + `" localSheetId="` + strconv.Itoa(sheet) + `"`)
	if hidden {
		b.WriteString(` hidden="1"`)
	}
	b.WriteString(`>`)
	xstrText(b, ref)
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

// write writes the worksheet part, its elements in the order the schema
// requires; its relationships to files outside the workbook are numbered
// from rId(linkRel+1).
func (s *Sheet) write(b *bufio.Writer, selected bool, linkRel int) error {
	b.WriteString(xmlDecl + `<worksheet xmlns="` + nsMain + `" xmlns:r="` + nsRel + `">`)
	if s.Landscape {
		b.WriteString(`<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>`)
	}
	if s.Stream == nil {
		b.WriteString(`<dimension ref="` + s.dimension() + `"/>`)
	}
	b.WriteString(`<sheetViews><sheetView`)
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
	if slices.ContainsFunc(s.Widths, func(w float64) bool { return w > 0 }) {
		b.WriteString(`<cols>`)
		for i, w := range s.Widths {
			if w <= 0 {
				continue
			}
			n := strconv.Itoa(i + 1)
			b.WriteString(`<col min="` + n + `" max="` + n + `" width="` + formatFloat(w) + `" customWidth="1"/>`)
		}
		b.WriteString(`</cols>`)
	}
	b.WriteString(`<sheetData>`)
	last := 0
	for _, r := range s.rows {
		if err := r.check(s.Name); err != nil {
			return err
		}
		r.write(b)
		last = r.n
	}
	if s.Stream != nil {
		if err := s.stream(b, last); err != nil {
			return err
		}
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
			b.WriteString(`<hyperlink ref="` + l.ref + `"`)
			if l.external {
				linkRel++
				b.WriteString(` r:id="rId` + strconv.Itoa(linkRel) + `"`)
			} else {
				b.WriteString(` location="`)
				xstrText(b, l.location)
				b.WriteString(`"`)
			}
			if l.tooltip != "" {
				b.WriteString(` tooltip="`)
				xstrText(b, l.tooltip)
				b.WriteString(`"`)
			}
			b.WriteString(`/>`)
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
	_, err := b.WriteString(`</worksheet>`)
	return err
}

// stream writes the rows Stream makes, each as soon as the next is asked
// for, below row last.
func (s *Sheet) stream(b *bufio.Writer, last int) error {
	var r *Row
	var bad error // the first row that cannot be written; the rest are not
	put := func() {
		if bad == nil {
			bad = r.check(s.Name)
		}
		if bad == nil && r.n <= last {
			bad = fmt.Errorf("工作表“%s”的第 %d 行写在了第 %d 行之后", s.Name, r.n, last)
		}
		if bad == nil {
			r.write(b)
			last = r.n
		}
	}
	err := s.Stream(func(n int) *Row {
		if r != nil {
			put()
		}
		r = &Row{n: n}
		return r
	})
	if err != nil {
		return err
	}
	if r != nil {
		put()
	}
	return bad
}

// check says why Excel cannot hold the row, or returns nil.
func (r *Row) check(sheet string) error {
	switch {
	case r.n < 1 || r.n > MaxRow:
		return fmt.Errorf("工作表“%s”没有第 %d 行：Excel 的行号是 1 到 %d", sheet, r.n, MaxRow)
	case r.bad:
		return fmt.Errorf("工作表“%s”第 %d 行没有第 %d 列：Excel 的列号是 1 到 %d", sheet, r.n, r.badCol, MaxCol)
	}
	return nil
}

func (r *Row) write(b writer) {
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
		b.WriteString(`<c r="` + cellref.Column(i+1) + n + `"`)
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

// writer is what the parts are written to: a bufio.Writer, or a
// bytes.Buffer for what is collected before it is written.
type writer interface {
	io.Writer
	io.StringWriter
}
