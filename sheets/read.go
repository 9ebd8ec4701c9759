package sheets

import "fundcheck/checker"

// Options controls how a workbook is opened.
type Options struct {
	// Password opens an encrypted workbook.
	Password string
}

// Read reads the county workbook at path into the checker's model. A file
// that cannot be checked at all (not a readable .xlsx, or a required sheet or
// column missing) gives a *FileError; everything else that cannot be read
// becomes a finding in wb.Problems and reading goes on.
func Read(path string, opt Options) (*checker.Workbook, error) {
	panic("sheets.Read: not implemented yet")
}
