package sheets

import (
	"archive/zip"
	"bytes"
	"fmt"
	"os"
	"slices"
	"strings"

	"fundcheck/checker"

	"github.com/xuri/excelize/v2"
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

// oleHeader starts an encrypted .xlsx (and a legacy .xls).
var oleHeader = []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}

// WriteCopy writes input's annotated copy (<name>_审核结果.xlsx, see
// CopyPath) holding every original sheet plus the verdict and findings of r,
// and returns its path. An encrypted input gives a copy encrypted with the
// same password (opt.Password; it is not used on an input that is not
// encrypted). The input is only read; the copy is written to a temporary
// file in the output folder and renamed into place, so a failure leaves
// neither a partial result nor a temporary file behind. A Book writes the
// same copy without reading the file again.
func WriteCopy(input string, r *checker.Report, opt CopyOptions) (string, error) {
	data, err := os.ReadFile(input)
	if err != nil {
		return "", fmt.Errorf("无法读取 %s：%w", input, err)
	}
	encrypted := opt.Password != "" && bytes.HasPrefix(data, oleHeader)
	if encrypted {
		// The copy is patched in the clear and encrypted again with the
		// same password when it is written.
		if data, err = excelize.Decrypt(data, &excelize.Options{Password: opt.Password}); err != nil {
			return "", fmt.Errorf("无法打开 %s：密码不正确或文件已损坏", input)
		}
	} else {
		opt.Password = ""
	}
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return "", fmt.Errorf("无法打开 %s：不是有效的 .xlsx 文件（可能已损坏，或已加密而未提供密码）", input)
	}
	return writeCopyPatched(input, zr, nil, r, opt)
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
