package sheets

import "fundcheck/checker"

// CopyOptions says where the annotated copy goes.
type CopyOptions struct {
	OutDir    string // default: beside the input
	Overwrite bool   // replace an existing result instead of numbering a new one
	Password  string // for an encrypted input
}

// WriteCopy writes input's annotated copy (<name>_审核结果.xlsx) holding every
// original sheet plus the verdict and findings of r, and returns its path.
func WriteCopy(input string, r *checker.Report, opt CopyOptions) (string, error) {
	panic("sheets.WriteCopy: not implemented yet")
}
