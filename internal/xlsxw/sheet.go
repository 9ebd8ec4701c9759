package xlsxw

import (
	"cmp"
	"slices"
	"strconv"

	"fundcheck/internal/cellref"
)

// Sheet is one worksheet: its layout and print settings, filled row by row.
type Sheet struct {
	Name string
	// Widths are the column widths from column A, in Excel's character
	// units; 0 leaves a column at the default width.
	Widths []float64

	// FrozenRows rows at the top stay in view when scrolling.
	FrozenRows int
	// PrintTitles is the row repeated at the top of every printed page; 0
	// for none.
	PrintTitles int
	// AutoFilter is the range that gets filter buttons ("A1:G9"), or "".
	AutoFilter string
	// Landscape prints the sheet on landscape A4, as wide as one page.
	Landscape bool
	// Chart, when not nil, is drawn on the sheet.
	Chart *Chart
	// Stream, when not nil, makes the rows below those made with Row as the
	// sheet is written: each row it asks next for is written out when it
	// asks for the following one (or returns), and then dropped, so a sheet
	// of any length takes the memory of one row (and of its links, which
	// are written after the rows). Row numbers must increase. A streamed
	// sheet has no dimension element: its extent is not known before its
	// rows are written.
	Stream func(next func(n int) *Row) error

	rows   []*Row
	merges []string
	links  []link
}

// Chart is a chart part and the drawing part that places it on a sheet. The
// drawing must refer to the chart as relationship "rId1".
type Chart struct {
	Drawing, Chart []byte
}

// link is a hyperlink: to a place in the workbook (location) or, when
// external, to a file or address outside it (target).
type link struct {
	ref, location, target, tooltip string
	external                       bool
}

// Excel's limits: rows and columns of a sheet, and links on one sheet (with
// more, Excel drops every link of the sheet when it repairs the file).
const (
	MaxRow   = 1 << 20
	MaxCol   = 1 << 14
	MaxLinks = 65530
)

// Row is one row of a sheet.
type Row struct {
	n      int
	Height float64 // in points; 0 leaves Excel's default
	cells  []cell
	bad    bool // a column out of Excel's range was written to: badCol
	badCol int
}

type cellKind uint8

const (
	kindBlank cellKind = iota
	kindText
	kindNumber
)

type cell struct {
	set   bool
	kind  cellKind
	style int
	v     string
}

// Row returns row n (from 1), starting it if it has not been asked for.
// Rows are usually filled from top to bottom, which costs nothing extra.
func (s *Sheet) Row(n int) *Row {
	if k := len(s.rows); k == 0 || s.rows[k-1].n < n {
		s.rows = append(s.rows, &Row{n: n})
		return s.rows[k]
	}
	i, found := slices.BinarySearchFunc(s.rows, n, func(r *Row, n int) int { return cmp.Compare(r.n, n) })
	if !found {
		s.rows = slices.Insert(s.rows, i, &Row{n: n})
	}
	return s.rows[i]
}

// at returns the cell of column col (from 1), growing the row to it. A
// column out of Excel's range gets a cell that is not written, and the
// workbook is not written either.
func (r *Row) at(col int) *cell {
	if col < 1 || col > MaxCol {
		r.bad, r.badCol = true, col
		return &cell{}
	}
	for len(r.cells) < col {
		r.cells = append(r.cells, cell{})
	}
	c := &r.cells[col-1]
	c.set = true
	return c
}

// Text puts v in column col as text, with cell format style; empty text
// leaves a styled blank, as Excel does.
func (r *Row) Text(col int, v string, style int) {
	kind := kindText
	if v == "" {
		kind = kindBlank
	}
	*r.at(col) = cell{set: true, kind: kind, style: style, v: v}
}

// Number puts the number v, written as XML wants it ("98.93", "-1.2E-5"),
// in column col with cell format style.
func (r *Row) Number(col int, v string, style int) {
	*r.at(col) = cell{set: true, kind: kindNumber, style: style, v: v}
}

// Int puts the integer v in column col with cell format style.
func (r *Row) Int(col int, v int, style int) {
	r.Number(col, strconv.Itoa(v), style)
}

// Style gives the cells of columns from … to the cell format style, keeping
// their values; cells not yet written become styled blanks.
func (r *Row) Style(from, to int, style int) {
	for col := from; col <= to; col++ {
		r.at(col).style = style
	}
}

// Merge merges the cells from … to ("A1", "H1") into one.
func (s *Sheet) Merge(from, to string) {
	s.merges = append(s.merges, from+":"+to)
}

// Link makes the cell ref a link to location in the workbook ("'项目清单'!B4"),
// with tooltip shown on hover. A sheet keeps its first MaxLinks links; the
// others are dropped, as are links to nowhere.
func (s *Sheet) Link(ref, location, tooltip string) {
	s.addLink(link{ref: ref, location: location, tooltip: tooltip})
}

// LinkFile makes the cell ref a link to the file at path, relative to the
// workbook's folder ("结果/阿城区 2023_审核结果.xlsx") or absolute, with
// forward slashes; it is written as a URI (fileURI). It counts towards
// MaxLinks.
func (s *Sheet) LinkFile(ref, path string) {
	s.addLink(link{ref: ref, target: fileURI(path), external: true})
}

func (s *Sheet) addLink(l link) {
	if len(s.links) < MaxLinks && l.location+l.target != "" {
		s.links = append(s.links, l)
	}
}

// dimension is the range the sheet's cells span, "A1" when it has none.
func (s *Sheet) dimension() string {
	if len(s.rows) == 0 {
		return "A1"
	}
	top, bottom, width := 0, 0, 0
	for _, r := range s.rows {
		if len(r.cells) == 0 {
			continue
		}
		if top == 0 {
			top = r.n
		}
		bottom = r.n
		width = max(width, len(r.cells))
	}
	if top == 0 {
		return "A1"
	}
	return "A" + strconv.Itoa(top) + ":" + cellref.Column(width) + strconv.Itoa(bottom)
}

// N is the row's number, from 1.
func (r *Row) N() int { return r.n }
