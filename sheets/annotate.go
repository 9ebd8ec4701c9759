package sheets

import (
	"fmt"
	"slices"
	"strings"

	"fundcheck/checker"
)

// CopyOptions says where the annotated copy goes.
type CopyOptions struct {
	OutDir    string // default: beside the input
	Overwrite bool   // replace an existing result instead of numbering a new one
	Password  string // for an encrypted input
}

// The sheets the copy adds. A workbook that already has a sheet of that name
// (a result checked again) gets 审核结论(2) and so on.
const (
	SheetVerdict  = "审核结论"
	SheetFindings = "问题清单"
)

// WriteCopy writes input's annotated copy (<name>_审核结果.xlsx, see
// CopyPath) holding every original sheet plus the verdict and findings of r,
// and returns its path. An encrypted input gives a copy encrypted with the
// same password (opt.Password; it is not used on an input that is not
// encrypted). The input is only read; the copy is written to a temporary
// file in the output folder and renamed into place, so a failure leaves
// neither a partial result nor a temporary file behind. It opens input as
// Open does; a Book already open writes the same copy without opening the
// file again.
func WriteCopy(input string, r *checker.Report, opt CopyOptions) (string, error) {
	b, err := Open(input, Options{Password: opt.Password})
	if err != nil {
		return "", fmt.Errorf("无法打开 %w", err)
	}
	defer b.Close()
	return b.WriteCopy(r, opt)
}

// freeSheetName is name, or name(2), name(3) … when taken already holds a
// sheet called that (sheet names compare case-insensitively).
func freeSheetName(taken []string, name string) string {
	for n := 1; ; n++ {
		candidate := name
		if n > 1 {
			candidate = fmt.Sprintf("%s(%d)", name, n)
		}
		if !slices.ContainsFunc(taken, func(s string) bool { return strings.EqualFold(s, candidate) }) {
			return candidate
		}
	}
}
