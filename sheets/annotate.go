package sheets

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"

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
// same password. The input is only read; the copy is written to a
// temporary file in the output folder and renamed into place, so a failure
// leaves neither a partial result nor a temporary file behind.
func WriteCopy(input string, r *checker.Report, opt CopyOptions) (string, error) {
	data, err := os.ReadFile(input)
	if err != nil {
		return "", fmt.Errorf("无法读取 %s：%w", input, err)
	}
	if opt.Password != "" && bytes.HasPrefix(data, oleHeader) {
		// Decrypted here so that its notes can be repaired; the copy is
		// encrypted again with the same password when it is written.
		if data, err = excelize.Decrypt(data, &excelize.Options{Password: opt.Password}); err != nil {
			return "", fmt.Errorf("无法打开 %s：密码不正确或文件已损坏", input)
		}
	}
	notes := collectNotes(r)
	if data, err = repairNotes(data, notes); err != nil {
		return "", fmt.Errorf("无法读取 %s 中的批注：%w", input, err)
	}
	f, err := excelize.OpenReader(bytes.NewReader(data), excelize.Options{Password: opt.Password})
	switch {
	case errors.Is(err, excelize.ErrWorkbookPassword):
		return "", fmt.Errorf("无法打开 %s：密码不正确", input)
	case errors.Is(err, zip.ErrFormat), errors.Is(err, excelize.ErrWorkbookFileFormat):
		return "", fmt.Errorf("无法打开 %s：不是有效的 .xlsx 文件（可能已损坏，或已加密而未提供密码）", input)
	case err != nil:
		return "", fmt.Errorf("无法打开 %s：%w", input, err)
	}
	defer f.Close()
	if err := annotate(f, r, notes); err != nil {
		return "", fmt.Errorf("无法生成 %s 的审核结果：%w", input, err)
	}
	return saveCopy(input, opt, func(w io.Writer) error {
		_, err := f.WriteTo(w)
		return err
	})
}

// annotate adds to f everything the copy holds beyond the county's own
// workbook: notes and fills on the cells the findings name, the findings
// sheet and the verdict sheet, which becomes the first and active one.
// It does not care how f was read or will be written.
func annotate(f *excelize.File, r *checker.Report, notes []*cellNote) error {
	original := f.GetSheetList()
	if err := markCells(f, notes); err != nil {
		return err
	}
	st, err := newStyles(f)
	if err != nil {
		return err
	}
	verdict := freeSheetName(f, SheetVerdict)
	if _, err := f.NewSheet(verdict); err != nil {
		return err
	}
	findings := freeSheetName(f, SheetFindings)
	if _, err := f.NewSheet(findings); err != nil {
		return err
	}
	if err := writeFindings(f, findings, r, original, st); err != nil {
		return err
	}
	if err := writeVerdict(f, verdict, findings, r, st); err != nil {
		return err
	}
	if err := moveToFront(f, original[0], verdict, findings); err != nil {
		return err
	}
	f.SetActiveSheet(0)
	return nil
}

// freeSheetName is name, or name(2), name(3) … when the workbook already
// has a sheet called that (sheet names compare case-insensitively).
func freeSheetName(f *excelize.File, name string) string {
	for n := 1; ; n++ {
		candidate := name
		if n > 1 {
			candidate = fmt.Sprintf("%s(%d)", name, n)
		}
		if idx, _ := f.GetSheetIndex(candidate); idx < 0 {
			return candidate
		}
	}
}

// moveToFront puts sheets, in order, before first. A sheet-scoped defined
// name (print area, autofilter range) is stored by sheet position, which
// excelize's MoveSheet does not adjust, so those names are taken out before
// the move and put back after it under the same sheet.
func moveToFront(f *excelize.File, first string, sheets ...string) error {
	var scoped []excelize.DefinedName
	for _, dn := range f.GetDefinedName() {
		if dn.Scope == "Workbook" {
			continue
		}
		if err := f.DeleteDefinedName(&excelize.DefinedName{Name: dn.Name, Scope: dn.Scope}); err != nil {
			return err
		}
		scoped = append(scoped, dn)
	}
	for _, s := range sheets {
		if err := f.MoveSheet(s, first); err != nil {
			return err
		}
	}
	for _, dn := range scoped {
		if err := f.SetDefinedName(&dn); err != nil {
			return err
		}
	}
	return nil
}
