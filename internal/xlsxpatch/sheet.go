package xlsxpatch

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"sort"
	"strconv"

	"fundcheck/internal/cellref"
)

// tabChange says what happens to a sheet's tabSelected flag.
type tabChange int

const (
	tabKeep tabChange = iota
	tabClear
	tabSet
)

// sheetEdit is what one worksheet's streamed rewrite changes.
type sheetEdit struct {
	rows      []fillRow                     // by row number, each row's cells by column
	restyle   func(xf int, fill string) int // cell format holding xf's look plus the fill
	tab       tabChange
	legacyRID string // when set, the sheet's <legacyDrawing> points to this relationship
}

type fillRow struct {
	row   int
	cells []fillCell
}

type fillCell struct {
	col  int
	fill string
}

// afterLegacyDrawing are the CT_Worksheet children that follow legacyDrawing;
// AlternateContent is there because Excel wraps controls and oleObjects in it.
var afterLegacyDrawing = map[string]bool{"legacyDrawingHF": true, "drawingHF": true, "picture": true,
	"oleObjects": true, "controls": true, "webPublishItems": true, "tableParts": true, "extLst": true,
	"AlternateContent": true}

type colStyle struct{ min, max, xf int }

// sheetRewriter streams one worksheet part through, touching only the cells,
// rows, sheetView and legacyDrawing the edit names. Memory is bounded by the
// edit and one tag, never by the sheet.
type sheetRewriter struct {
	e   *sheetEdit
	w   *bufio.Writer
	pfx string // the root's namespace prefix, given to inserted elements
	rNS bool   // the root declares r: as the relationships namespace

	s           *scanner
	skip        bool   // copy the rest of an untouched row through without scanning it
	rowEnd      []byte // that row's end tag
	depth       int
	inViews     bool
	viewSeen    bool
	inCols      bool
	cols        []colStyle
	inData      bool
	afterData   bool
	legacyDone  bool
	skipDepth   int // >0: inside an element being dropped
	next        int // next row of e.rows to place
	rowNum      int
	rowsAdded   bool
	cur         *fillRow
	cellNext    int
	colNum      int
	rowXf       int
	rowHasStyle bool
}

func rewriteSheet(dst io.Writer, src io.Reader, e *sheetEdit) error {
	s := newScanner(src)
	rw := &sheetRewriter{e: e, w: bufio.NewWriterSize(dst, 64<<10), s: s}
	for {
		err := s.scan()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return &PartError{Offset: s.off, Err: err}
		}
		if err := rw.token(s.kind, s.tok); err != nil {
			return &PartError{Offset: s.off, Err: err}
		}
	}
	if rw.depth != 0 {
		return &PartError{Offset: s.next, Err: io.ErrUnexpectedEOF}
	}
	return rw.w.Flush()
}

func (rw *sheetRewriter) token(kind tokKind, tok []byte) error {
	if rw.skipDepth > 0 {
		switch kind {
		case tokStart:
			rw.skipDepth++
		case tokEnd:
			rw.skipDepth--
			if rw.skipDepth == 0 {
				rw.depth--
			}
		}
		return nil
	}
	switch kind {
	case tokStart, tokEmpty:
		if rw.depth == 0 && !isXMLName(tagName(tok)) {
			// Its prefix would be given to the elements inserted.
			return fmt.Errorf("%w: root element %q", errNotSheet, tagName(tok))
		}
		tok = rw.open(kind, tok)
		if tok == nil {
			return nil
		}
		if kind == tokStart {
			rw.depth++
		}
	case tokEnd:
		rw.depth--
		rw.close(tok)
	}
	if _, err := rw.w.Write(tok); err != nil {
		return err
	}
	if rw.skip {
		rw.skip = false
		ok, err := rw.s.copyThrough(rw.w, rw.rowEnd)
		if ok {
			rw.depth--
		}
		return err
	}
	return nil
}

// open handles a start or empty tag and returns what to write for it (nil: nothing).
func (rw *sheetRewriter) open(kind tokKind, tok []byte) []byte {
	name := tagName(tok)
	local := localName(name) // compared as string(local): no allocation per tag
	switch rw.depth {
	case 0:
		rw.pfx = prefixOf(name)
		if v, ok := attr(tok, "xmlns:r"); ok && string(v) == nsRel {
			rw.rNS = true
		}
	case 1:
		rw.inViews = string(local) == "sheetViews" && kind == tokStart
		rw.inCols = string(local) == "cols" && kind == tokStart
		if rw.afterData && rw.e.legacyRID != "" && !rw.legacyDone && afterLegacyDrawing[string(local)] {
			rw.writeLegacy()
		}
		switch string(local) {
		case "sheetData":
			if kind == tokEmpty {
				rw.afterData = true
				if rw.next >= len(rw.e.rows) {
					return tok
				}
				rw.write("<" + string(name) + ">")
				rw.flushRows(maxRow + 1)
				return []byte("</" + string(name) + ">")
			}
			rw.inData = true
		case "legacyDrawing":
			if rw.e.legacyRID != "" {
				rw.writeLegacy()
				if kind == tokStart {
					rw.skipDepth = 1
					rw.depth++
				}
				return nil
			}
		}
	case 2:
		switch {
		case rw.inViews && string(local) == "sheetView":
			return rw.view(tok)
		case rw.inCols && string(local) == "col":
			rw.noteCol(tok)
		case rw.inData && string(local) == "row":
			return rw.row(kind, tok)
		}
	case 3:
		if rw.inData && rw.cur != nil && string(local) == "c" {
			return rw.cell(tok)
		}
	}
	return tok
}

func (rw *sheetRewriter) close(tok []byte) {
	local := localName(tagName(tok))
	switch rw.depth {
	case 0:
		if rw.e.legacyRID != "" && !rw.legacyDone {
			rw.writeLegacy()
		}
	case 1:
		if string(local) == "sheetData" && rw.inData {
			rw.flushRows(maxRow + 1)
			rw.inData, rw.afterData = false, true
		}
		rw.inViews, rw.inCols = false, false
	case 2:
		if rw.inData && rw.cur != nil && string(local) == "row" {
			rw.flushCells(maxCol + 1)
			rw.cur = nil
		}
	}
}

func (rw *sheetRewriter) write(s string) { rw.w.WriteString(s) }

func (rw *sheetRewriter) writeLegacy() {
	rw.legacyDone = true
	ns := ""
	if !rw.rNS {
		ns = ` xmlns:r="` + nsRel + `"`
	}
	rw.write("<" + rw.pfx + "legacyDrawing" + ns + ` r:id="` + rw.e.legacyRID + `"/>`)
}

func (rw *sheetRewriter) view(tok []byte) []byte {
	first := !rw.viewSeen
	rw.viewSeen = true
	switch rw.e.tab {
	case tabClear:
		return removeAttr(tok, "tabSelected")
	case tabSet:
		if first {
			return setAttr(tok, "tabSelected", "1")
		}
		return removeAttr(tok, "tabSelected")
	}
	return tok
}

func (rw *sheetRewriter) noteCol(tok []byte) {
	lo, err1 := strconv.Atoi(string(attrOr(tok, "min", "")))
	hi, err2 := strconv.Atoi(string(attrOr(tok, "max", "")))
	xf, err3 := strconv.Atoi(string(attrOr(tok, "style", "0")))
	if err1 == nil && err2 == nil && err3 == nil && xf > 0 {
		rw.cols = append(rw.cols, colStyle{lo, hi, xf})
	}
}

func (rw *sheetRewriter) row(kind tokKind, tok []byte) []byte {
	n := rw.rowNum + 1
	v, hasR := attr(tok, "r")
	if r, ok := parseRow(v); hasR && ok {
		n = r
	}
	rw.flushRows(n)
	if !hasR && rw.rowsAdded {
		tok = setAttr(tok, "r", strconv.Itoa(n))
	}
	rw.rowNum = n
	rw.cur = nil
	if rw.next >= len(rw.e.rows) || rw.e.rows[rw.next].row != n {
		if kind == tokStart {
			rw.skip = true
			rw.rowEnd = append(append(append(rw.rowEnd[:0], "</"...), tagName(tok)...), '>')
		}
		return tok
	}
	rw.cur = &rw.e.rows[rw.next]
	rw.next++
	rw.cellNext, rw.colNum = 0, 0
	rw.rowXf, rw.rowHasStyle = 0, false
	if isTrue(attrOr(tok, "customFormat", "")) {
		if xf, err := strconv.Atoi(string(attrOr(tok, "s", ""))); err == nil {
			rw.rowXf, rw.rowHasStyle = xf, true
		}
	}
	if kind == tokEmpty {
		rw.w.Write(tok[:len(tok)-2])
		rw.write(">")
		rw.flushCells(maxCol + 1)
		rw.cur = nil
		return []byte("</" + string(tagName(tok)) + ">")
	}
	return tok
}

func (rw *sheetRewriter) cell(tok []byte) []byte {
	n := rw.colNum + 1
	v, hasR := attr(tok, "r")
	if _, c, ok := parseRef(v); hasR && ok {
		n = c
	}
	rw.flushCells(n)
	if !hasR {
		tok = setAttr(tok, "r", cellref.Cell(rw.rowNum, n))
	}
	rw.colNum = n
	cells := rw.cur.cells
	if rw.cellNext < len(cells) && cells[rw.cellNext].col == n {
		var err error
		// A cell without s takes its row's or column's format, as for an
		// inserted cell: gnumeric leaves s out on cells of a styled column,
		// and excelize reads them that way.
		xf := rw.defaultXf(n)
		if v, ok := attr(tok, "s"); ok {
			if xf, err = strconv.Atoi(string(v)); err != nil || xf < 0 {
				xf = 0
			}
		}
		tok = setAttr(tok, "s", strconv.Itoa(rw.e.restyle(xf, cells[rw.cellNext].fill)))
		rw.cellNext++
	}
	return tok
}

// flushRows writes the marked rows numbered below limit that the sheet lacks.
func (rw *sheetRewriter) flushRows(limit int) {
	for rw.next < len(rw.e.rows) && rw.e.rows[rw.next].row < limit {
		fr := &rw.e.rows[rw.next]
		rw.next++
		if fr.row <= rw.rowNum {
			continue // rows out of order in the file: never write a row twice
		}
		rw.rowsAdded = true
		rw.write("<" + rw.pfx + `row r="` + strconv.Itoa(fr.row) + `">`)
		rw.cur, rw.cellNext, rw.colNum, rw.rowNum = fr, 0, 0, fr.row
		rw.rowXf, rw.rowHasStyle = 0, false
		rw.flushCells(maxCol + 1)
		rw.cur = nil
		rw.write("</" + rw.pfx + "row>")
	}
}

// flushCells writes the marked cells of the current row left of column limit
// that the row lacks, styled as the row or column would have shown them.
func (rw *sheetRewriter) flushCells(limit int) {
	cells := rw.cur.cells
	for rw.cellNext < len(cells) && cells[rw.cellNext].col < limit {
		c := cells[rw.cellNext]
		rw.cellNext++
		if c.col <= rw.colNum {
			continue
		}
		xf := rw.defaultXf(c.col)
		rw.write("<" + rw.pfx + `c r="` + cellref.Cell(rw.rowNum, c.col) + `" s="` +
			strconv.Itoa(rw.e.restyle(xf, c.fill)) + `"/>`)
	}
}

// defaultXf is the format of a cell of the current row that has none.
func (rw *sheetRewriter) defaultXf(col int) int {
	if rw.rowHasStyle {
		return rw.rowXf
	}
	return rw.colXf(col)
}

func (rw *sheetRewriter) colXf(col int) int {
	i := sort.Search(len(rw.cols), func(i int) bool { return rw.cols[i].max >= col })
	if i < len(rw.cols) && rw.cols[i].min <= col {
		return rw.cols[i].xf
	}
	return 0
}

// peekTabSelected reads a worksheet only up to its sheetData and reports
// whether one of its views is selected.
func peekTabSelected(src io.Reader) (bool, error) {
	s := newScanner(src)
	depth := 0
	for {
		err := s.scan()
		if errors.Is(err, io.EOF) {
			return false, nil
		}
		if err != nil {
			return false, &PartError{Offset: s.off, Err: err}
		}
		switch s.kind {
		case tokStart, tokEmpty:
			local := string(localName(tagName(s.tok)))
			if depth == 1 && local == "sheetData" {
				return false, nil
			}
			if depth == 2 && local == "sheetView" && isTrue(attrOr(s.tok, "tabSelected", "")) {
				return true, nil
			}
			if s.kind == tokStart {
				depth++
			}
		case tokEnd:
			depth--
		}
	}
}
