package sheets

// The reader's logic (header detection, aliases, parsing, fill-down,
// subtotals) sees a workbook only through rowSource, so that the excelize
// source used now and a streaming scanner for very large ledgers can feed
// the same logic.

// cellType is what kind of value a cell holds.
type cellType uint8

const (
	cellText   cellType = iota + 1 // shared, inline or formula string; also ISO dates (t="d")
	cellNumber                     // a number, or the computed result of a formula
	cellBool                       // "1" or "0"
	cellError                      // #DIV/0!, #REF! …
)

// formatClass is what the cell's number format says about a number.
type formatClass uint8

const (
	formatOther formatClass = iota
	formatDate
	formatPercent
)

// rawCell is one non-blank cell as the file holds it. A formula whose value
// is neither cached nor computable comes with an empty value.
type rawCell struct {
	col     int // 1-based
	value   string
	typ     cellType
	format  formatClass
	formula string
}

// cellRange is a merged range, 1-based and inclusive.
type cellRange struct {
	top, left, bottom, right int
}

func (r cellRange) contains(row, col int) bool {
	return row >= r.top && row <= r.bottom && col >= r.left && col <= r.right
}

// errStopRows, returned by an eachRow callback, ends the iteration early
// without an error.
type stopRows struct{}

func (stopRows) Error() string { return "stop" }

var errStopRows error = stopRows{}

// rowSource is a readable workbook.
type rowSource interface {
	// sheetNames lists the sheets in workbook order.
	sheetNames() []string
	// date1904 reports whether date serials count from 1904-01-01.
	date1904() bool
	// merges lists the merged ranges of a sheet. The reader asks for them
	// from inside eachRow, on the first row, so that a source may open the
	// sheet's rows before anything else.
	merges(sheet string) ([]cellRange, error)
	// eachRow calls fn for every row of sheet that holds a cell, in order,
	// with its 1-based number and its cells in column order (cells inside
	// a merged range other than its top-left one are left out).
	eachRow(sheet string, fn func(row int, cells []rawCell) error) error
}
