package xlsx

import (
	"errors"
	"fmt"
)

// Sentinel errors, distinguishable with errors.Is. Errors from a part's
// content come wrapped in a *ParseError.
var (
	// ErrNotZip: the file is not a zip archive at all.
	ErrNotZip = errors.New("xlsx: not a zip archive")
	// ErrCompoundFile: the file is an OLE2 compound document, i.e. an
	// encrypted (password-protected) .xlsx or a legacy .xls.
	ErrCompoundFile = errors.New("xlsx: OLE2 compound file (encrypted workbook or legacy .xls)")
	// ErrNotWorkbook: a zip archive without the parts of a workbook.
	ErrNotWorkbook = errors.New("xlsx: not an xlsx workbook")
	// ErrNoSheet: no sheet of that name.
	ErrNoSheet = errors.New("xlsx: no such sheet")
	// ErrTooLarge: a part, row, cell or token exceeds its limit.
	ErrTooLarge = errors.New("xlsx: too large")
	// ErrSyntax: malformed XML or an invalid value (cell reference, index).
	ErrSyntax = errors.New("xlsx: malformed content")
)

// ParseError says where in which part reading failed. Offset is the byte
// offset in the inflated part; Row is the sheet row being read (0 if none).
type ParseError struct {
	Part   string
	Offset int64
	Row    int
	Err    error
}

func (e *ParseError) Error() string {
	if e.Row > 0 {
		return fmt.Sprintf("%s: row %d, byte %d: %v", e.Part, e.Row, e.Offset, e.Err)
	}
	return fmt.Sprintf("%s: byte %d: %v", e.Part, e.Offset, e.Err)
}

func (e *ParseError) Unwrap() error { return e.Err }

// syntaxError is an ErrSyntax with a detail.
func syntaxError(format string, args ...any) error {
	return fmt.Errorf("%w: "+format, append([]any{ErrSyntax}, args...)...)
}

// tooLarge is an ErrTooLarge with a detail.
func tooLarge(format string, args ...any) error {
	return fmt.Errorf("%w: "+format, append([]any{ErrTooLarge}, args...)...)
}
