package xlsx

import "slices"

// Kind is the type of a cell's value, from its t attribute.
type Kind uint8

const (
	Number  Kind = iota // a number: t="n" or no t
	Text                // a string: shared (t="s"), inline (t="inlineStr") or a formula's (t="str")
	Bool                // a boolean: Value is "0" or "1"
	Error               // an error value such as "#DIV/0!"
	DateISO             // t="d": Value is an ISO 8601 date and time
)

func (k Kind) String() string {
	switch k {
	case Text:
		return "text"
	case Bool:
		return "bool"
	case Error:
		return "error"
	case DateISO:
		return "date"
	}
	return "number"
}

// Cell is one cell with a value or a formula. Value and Formula are only
// valid during the Rows callback that yields them: copy what you keep.
type Cell struct {
	Col        int    // 1-based column
	Kind       Kind   // the type of Value
	Value      []byte // the value as stored (raw): shared strings looked up, references decoded; empty for a formula without a cached result
	Formula    []byte // the formula text without "="; empty for a cell sharing another cell's formula
	HasFormula bool
	Style      int      // index of the cell's format (its s attribute)
	Class      NumClass // what the cell's number format makes of a number
}

// Range is a rectangle of cells, such as a merged range; all 1-based,
// inclusive.
type Range struct {
	FirstCol, FirstRow, LastCol, LastRow int
}

// Per-row bounds, on top of the tokenizer's bound on each token.
const (
	maxCellBytes = 4 * 32767 * 2 // Excel's longest text in UTF-8, twice over
	maxRowBytes  = 64 << 20
)

// Rows calls fn for every row of the named sheet that has at least one cell
// with a value or formula, in the order stored (ascending for any sane
// writer), with the row's 1-based number and its cells in stored order.
// Empty cells are left out. The cells slice is reused: it and the byte
// slices in it are only valid during the call. If fn returns an error Rows
// stops and returns it as is; reading errors are *ParseError.
//
// Rows also collects the sheet's merged ranges, which are stored after the
// cells, so that Merges costs nothing after it.
func (f *File) Rows(sheet string, fn func(row int, cells []Cell) error) error {
	name, err := f.sheetPart(sheet)
	if err != nil {
		return err
	}
	sst, err := f.sharedStrings()
	if err != nil {
		return err
	}
	p, err := f.open(name, f.lim.part)
	if err != nil {
		return err
	}
	defer p.Close()
	sc := &sheetScanner{tok: p.tokenizer(), sst: sst, styles: &f.styles, fn: fn}
	if err := sc.run(); err != nil {
		if sc.userErr {
			return err
		}
		return &ParseError{Part: name, Offset: sc.tok.offset, Row: sc.row, Err: err}
	}
	f.mu.Lock()
	f.merges[name] = sc.merges
	f.mu.Unlock()
	return nil
}

// Merges returns the merged ranges of the named sheet. After Rows of the
// same sheet it returns what Rows collected; otherwise it reads the sheet
// part, skipping over the cells without tokenizing them: about the cost of
// inflating the part.
func (f *File) Merges(sheet string) ([]Range, error) {
	name, err := f.sheetPart(sheet)
	if err != nil {
		return nil, err
	}
	f.mu.Lock()
	m, ok := f.merges[name]
	f.mu.Unlock()
	if ok {
		return slices.Clone(m), nil
	}
	p, err := f.open(name, f.lim.part)
	if err != nil {
		return nil, err
	}
	defer p.Close()
	t := p.tokenizer()
	merges, err := scanMerges(t)
	if err != nil {
		return nil, &ParseError{Part: name, Offset: t.offset, Err: err}
	}
	f.mu.Lock()
	f.merges[name] = merges
	f.mu.Unlock()
	return slices.Clone(merges), nil
}

// scanMerges reads the merged ranges of a worksheet, skipping the cells
// by searching for the end of sheetData in the raw bytes. Were a cell's text
// to hold "sheetData>" the search stops early there and tokenizing goes on
// from inside the cells: harmless, as merges are only taken from tags.
func scanMerges(t *tokenizer) ([]Range, error) {
	var merges []Range
	for {
		k, err := t.next()
		if err != nil || k == tokEOF {
			return merges, err
		}
		if k != tokStart {
			continue
		}
		switch string(t.name) {
		case "sheetData":
			if !t.selfClosing {
				if _, err := t.skipPast([]byte("sheetData>")); err != nil {
					return nil, err
				}
			}
		case "mergeCell":
			if err := appendMerge(&merges, t); err != nil {
				return nil, err
			}
		}
	}
}

func appendMerge(merges *[]Range, t *tokenizer) error {
	ref := t.attr("ref")
	r, ok := parseRange(ref)
	if !ok {
		return syntaxError("invalid merged range %q", ref)
	}
	*merges = append(*merges, r)
	return nil
}

// sheetScanner turns the tokens of a worksheet into rows of cells.
type sheetScanner struct {
	tok    *tokenizer
	sst    *sharedStrings
	styles *styles
	fn     func(int, []Cell) error

	inSheetData, inRow, inCell, inIS bool
	capture                          *span      // the value or formula being read, if any
	item                             stringItem // the inline string being read, if inIS
	scratch                          []byte

	row, col  int
	rowSet    bool // the row number is known from an r attribute
	cells     []Cell
	spans     []cellSpans // where the values and formulas of cells are in arena
	cur       cellSpans   // of the cell being read
	cellStart int         // where in arena the cell being read starts
	shared    bool        // the cell being read is a shared string
	arena     []byte      // values and formulas of the current row
	merges    []Range
	userErr   bool
}

// span is a part of the row arena; start < 0 when absent.
type span struct{ start, end int }

type cellSpans struct{ value, formula span }

func (sc *sheetScanner) run() error {
	t := sc.tok
	for {
		k, err := t.next()
		if err != nil {
			return err
		}
		switch k {
		case tokEOF:
			if sc.inSheetData {
				return syntaxError("sheet data ends unexpectedly")
			}
			return nil
		case tokStart:
			err = sc.start()
		case tokEnd:
			err = sc.end()
		case tokText, tokCDATA:
			err = sc.text()
		}
		if err != nil {
			return err
		}
	}
}

// text adds character data to the value or formula being read, if any.
func (sc *sheetScanner) text() error {
	t := sc.tok
	switch {
	case sc.inIS:
		sc.arena = sc.item.feed(t, sc.arena)
	case sc.capture == nil:
		return nil
	case t.kind == tokCDATA:
		sc.arena = appendCDATA(sc.arena, t.text)
	default:
		sc.arena = appendText(sc.arena, t.text)
	}
	if len(sc.arena)-sc.cellStart > maxCellBytes {
		return tooLarge("cell text longer than %d bytes", maxCellBytes)
	}
	if len(sc.arena) > maxRowBytes {
		return tooLarge("row text longer than %d bytes", maxRowBytes)
	}
	return nil
}

func (sc *sheetScanner) start() error {
	t := sc.tok
	if sc.inIS {
		sc.arena = sc.item.feed(t, sc.arena)
		return nil
	}
	switch string(t.name) {
	case "sheetData":
		sc.inSheetData = !t.selfClosing
	case "row":
		if sc.inRow {
			return syntaxError("row inside a row")
		}
		if sc.inSheetData {
			if err := sc.startRow(); err != nil {
				return err
			}
			if t.selfClosing {
				return sc.endRow()
			}
		}
	case "c":
		if sc.inCell {
			return syntaxError("cell inside a cell")
		}
		if sc.inRow {
			if err := sc.startCell(); err != nil {
				return err
			}
			if t.selfClosing {
				return sc.endCell()
			}
		}
	case "v", "f":
		if !sc.inCell {
			return nil
		}
		s := &sc.cur.value
		if t.name[0] == 'f' {
			s = &sc.cur.formula
		}
		*s = span{len(sc.arena), len(sc.arena)}
		if !t.selfClosing {
			sc.capture = s
		}
	case "is":
		if sc.inCell && !t.selfClosing {
			sc.inIS, sc.item = true, stringItem{}
			sc.cur.value = span{len(sc.arena), len(sc.arena)}
		}
	case "mergeCell":
		return appendMerge(&sc.merges, t)
	}
	return nil
}

func (sc *sheetScanner) end() error {
	t := sc.tok
	if sc.inIS {
		if string(t.name) == "is" {
			sc.inIS, sc.capture = false, nil
			sc.arena = unescapeTail(sc.arena, sc.cur.value.start, &sc.scratch)
			sc.cur.value.end = len(sc.arena)
			return nil
		}
		sc.arena = sc.item.feed(t, sc.arena)
		return nil
	}
	switch string(t.name) {
	case "v", "f":
		if sc.capture != nil {
			sc.capture.end = len(sc.arena)
			sc.capture = nil
		}
	case "c":
		if sc.inCell {
			return sc.endCell()
		}
	case "row":
		if sc.inRow {
			return sc.endRow()
		}
	case "sheetData":
		sc.inSheetData = false
	}
	return nil
}

func (sc *sheetScanner) startRow() error {
	sc.inRow, sc.rowSet, sc.col = true, false, 0
	sc.cells, sc.spans, sc.arena = sc.cells[:0], sc.spans[:0], sc.arena[:0]
	if r := sc.tok.attr("r"); r != nil {
		n, ok := parseIndex(r, MaxRow)
		if !ok || n == 0 {
			return syntaxError("invalid row number %q", r)
		}
		sc.row, sc.rowSet = n, true
		return nil
	}
	if sc.row >= MaxRow {
		return tooLarge("more than %d rows", MaxRow)
	}
	sc.row++
	return nil
}

func (sc *sheetScanner) startCell() error {
	t := sc.tok
	sc.inCell, sc.capture, sc.cellStart = true, nil, len(sc.arena)
	sc.cur = cellSpans{span{-1, -1}, span{-1, -1}}
	if ref := t.attr("r"); ref != nil {
		col, row, ok := parseRef(ref)
		if !ok || col == 0 {
			return syntaxError("invalid cell reference %q", ref)
		}
		sc.col = col
		if row > 0 && !sc.rowSet {
			sc.row, sc.rowSet = row, true
		}
	} else {
		sc.col++
	}
	if sc.col > MaxCol {
		return tooLarge("more than %d columns", MaxCol)
	}
	if len(sc.cells) >= MaxCol {
		return tooLarge("more than %d cells in a row", MaxCol)
	}
	style := 0
	if s := t.attr("s"); s != nil {
		n, ok := parseIndex(s, maxStyles)
		if !ok {
			return syntaxError("invalid style index %q", s)
		}
		style = n
	}
	kind, typ := Number, t.attr("t")
	sc.shared = string(typ) == "s"
	switch string(typ) {
	case "s", "str", "inlineStr":
		kind = Text
	case "b":
		kind = Bool
	case "e":
		kind = Error
	case "d":
		kind = DateISO
	}
	sc.cells = append(sc.cells, Cell{Col: sc.col, Kind: kind, Style: style, Class: sc.styles.classOf(style)})
	return nil
}

// endCell completes the current cell, dropping it if it has neither value
// nor formula; shared strings are looked up here.
func (sc *sheetScanner) endCell() error {
	sc.inCell, sc.inIS, sc.capture = false, false, nil
	c := &sc.cells[len(sc.cells)-1]
	c.HasFormula = sc.cur.formula.start >= 0
	if sc.shared && sc.cur.value.start >= 0 {
		raw := sc.arena[sc.cur.value.start:sc.cur.value.end]
		i, ok := parseIndex(raw, 1<<31)
		if !ok {
			return syntaxError("invalid shared string index %q", raw)
		}
		s, ok := sc.sst.get(i)
		if !ok {
			return syntaxError("shared string index %d out of range (%d strings)", i, len(sc.sst.ends))
		}
		c.Value = s
		sc.cur.value = span{-1, -1}
	}
	if !c.HasFormula && len(c.Value) == 0 && sc.cur.value.start == sc.cur.value.end {
		sc.cells = sc.cells[:len(sc.cells)-1]
		return nil
	}
	sc.spans = append(sc.spans, sc.cur)
	return nil
}

// endRow hands the row to the callback, resolving the arena spans now that
// the arena no longer moves.
func (sc *sheetScanner) endRow() error {
	sc.inRow = false
	if sc.inCell {
		return syntaxError("row ends inside a cell")
	}
	if len(sc.cells) == 0 {
		return nil
	}
	for i := range sc.cells {
		sp := sc.spans[i]
		if sp.value.start >= 0 {
			sc.cells[i].Value = sc.arena[sp.value.start:sp.value.end:sp.value.end]
		}
		if sp.formula.start >= 0 {
			sc.cells[i].Formula = sc.arena[sp.formula.start:sp.formula.end:sp.formula.end]
		}
	}
	if err := sc.fn(sc.row, sc.cells); err != nil {
		sc.userErr = true
		return err
	}
	return nil
}
