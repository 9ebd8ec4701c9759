package sheets

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"strings"
	"sync"

	"fundcheck/checker"
	"fundcheck/internal/xlsxpatch"
	"fundcheck/internal/xlsxw"

	"github.com/xuri/excelize/v2"
)

// writeCopyPatched is WriteCopy's tail through writeCopyStream, for the
// package of input opened in zr (decrypted, for an encrypted input), with
// the parts in inflated already inflated: the copy is streamed into the
// temporary file, or, when opt.Password is set, encrypted with it first.
func writeCopyPatched(input string, zr *zip.Reader, inflated map[string][]byte, r *checker.Report, opt CopyOptions) (string, error) {
	if opt.Password == "" {
		return saveCopy(input, opt, func(w io.Writer) error { return writeCopyStream(w, zr, inflated, r) })
	}
	var buf bytes.Buffer
	if err := writeCopyStream(&buf, zr, inflated, r); err != nil {
		return "", fmt.Errorf("无法生成 %s 的审核结果：%w", input, err)
	}
	out, err := excelize.Encrypt(buf.Bytes(), &excelize.Options{Password: opt.Password})
	if err != nil {
		return "", fmt.Errorf("无法加密 %s 的审核结果：%w", input, err)
	}
	return saveCopy(input, opt, func(w io.Writer) error {
		_, err := w.Write(out)
		return err
	})
}

// writeCopyStream writes the annotated copy of the workbook in zr (an
// unencrypted package) to w without loading its sheets: the verdict and
// findings sheets are written into a small workbook of their own, the donor,
// and xlsxpatch transplants them into a byte-for-byte copy of the original,
// where it also puts the notes and fills on the cells the findings name.
func writeCopyStream(w io.Writer, zr *zip.Reader, inflated map[string][]byte, r *checker.Report) error {
	original, err := xlsxpatch.SheetNames(zr)
	if err != nil {
		return err
	}
	donor, added, err := buildDonor(original, r)
	if err != nil {
		return err
	}
	dz, err := zip.NewReader(bytes.NewReader(donor), int64(len(donor)))
	if err != nil {
		return err
	}
	return xlsxpatch.Apply(w, zr, dz, xlsxpatch.Plan{NewSheets: added, Marks: noteMarks(collectNotes(r), original), Inflated: inflated})
}

// buildDonor writes the verdict and findings sheets into a new workbook and
// returns it with their names, chosen clear of the original's sheet names.
// The parts are stored, not compressed: xlsxpatch reads them at once and
// compresses them into the copy.
func buildDonor(original []string, r *checker.Report) ([]byte, []string, error) {
	st, err := donorStyles()
	if err != nil {
		return nil, nil, err
	}
	verdict := freeSheetName(original, SheetVerdict)
	findings := freeSheetName(original, SheetFindings)
	vs, err := verdictSheet(verdict, findings, r, st.ids)
	if err != nil {
		return nil, nil, err
	}
	wb := xlsxw.Workbook{Styles: st.part, Store: true,
		Sheets: []*xlsxw.Sheet{vs, findingsSheet(findings, r, original, st.ids)}}
	var buf bytes.Buffer
	if _, err := wb.WriteTo(&buf); err != nil {
		return nil, nil, err
	}
	return buf.Bytes(), []string{verdict, findings}, nil
}

// donorStyles are made once, by excelize.
var donorStyles = sync.OnceValues(func() (styleSheet[styles], error) { return excelizeStyles(newStyles) })

// noteMarks turns the notes on cells of existing sheets into patch marks,
// each holding all the findings of its cell, coloured by the worst.
func noteMarks(notes []*cellNote, original []string) map[string][]xlsxpatch.Mark {
	marks := map[string][]xlsxpatch.Mark{}
	for _, n := range notes {
		sheet := ""
		for _, s := range original {
			if strings.EqualFold(s, n.sheet) {
				sheet = s
				break
			}
		}
		if sheet == "" {
			continue
		}
		m := xlsxpatch.Mark{Row: n.row, Col: n.col, Fill: severityFill[n.worst], Author: NoteAuthor,
			Note: NoteAuthor + "：\n" + strings.Join(n.lines, "\n")}
		m.Width, m.Height = noteSize(m.Note)
		marks[sheet] = append(marks[sheet], m)
	}
	return marks
}
