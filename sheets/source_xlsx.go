package sheets

import (
	"fmt"
	"maps"
	"slices"

	"fundcheck/checker"
	"fundcheck/internal/xlsx"

	"github.com/xuri/excelize/v2"
)

// xlsxSource reads a workbook with the streaming scanner of internal/xlsx:
// a million-row ledger in seconds and little memory, where excelize takes
// minutes and gigabytes. The one thing it cannot do is compute a formula
// the file holds no result for (workbooks written by excelize or
// openpyxl): for such cells it opens the workbook with excelize as well,
// on first need, and takes excelize's answer, so that both sources give
// the same cells.
type xlsxSource struct {
	f    *xlsx.File
	path string
	opt  Options
	pkg  checked
	done func() error    // releases the checked package
	rows int             // rows of the longest sheet
	ex   *excelizeSource // opened on first need
	exf  *excelize.File
}

// openXLSXSource opens path for the streaming source, through openPackage:
// the file is recognised, size-checked and decrypted before a byte of it is
// parsed. Every error is a *FileError. Close the source when done.
func openXLSXSource(path string, opt Options) (*xlsxSource, error) {
	pkg, done, err := openPackage(path, opt, keepInflated)
	if err != nil {
		return nil, err
	}
	f, err := xlsx.NewReader(pkg.r, pkg.size, pkg.inflated)
	if err != nil {
		done()
		return nil, fileError(path, KindDamaged, err, msgDamaged)
	}
	return &xlsxSource{f: f, path: path, opt: opt, pkg: pkg, done: done, rows: maxValue(pkg.rows)}, nil
}

func (s *xlsxSource) Close() error {
	if s.exf != nil {
		s.exf.Close()
	}
	s.f.Close()
	return s.done()
}

func (s *xlsxSource) sheetNames() []string { return s.f.Sheets() }

func (s *xlsxSource) date1904() bool { return s.f.Date1904() }

func (s *xlsxSource) merges(sheet string) ([]cellRange, error) {
	ranges, err := s.f.Merges(sheet)
	if err != nil {
		return nil, err
	}
	out := make([]cellRange, len(ranges))
	for i, r := range ranges {
		out[i] = cellRange{top: r.FirstRow, left: r.FirstCol, bottom: r.LastRow, right: r.LastCol}
	}
	return out, nil
}

var cellTypes = [...]cellType{
	xlsx.Number:  cellNumber,
	xlsx.Text:    cellText,
	xlsx.Bool:    cellBool,
	xlsx.Error:   cellError,
	xlsx.DateISO: cellText,
}

var formatClasses = [...]formatClass{
	xlsx.Plain:   formatOther,
	xlsx.Date:    formatDate,
	xlsx.Percent: formatPercent,
}

func (s *xlsxSource) eachRow(sheet string, fn func(row int, cells []rawCell) error) error {
	// Merges are stored after the cells: this reads them first with a
	// quick pass that skips the cells.
	merged, err := s.merges(sheet)
	if err != nil {
		return err
	}
	var cells []rawCell
	err = s.f.Rows(sheet, func(row int, in []xlsx.Cell) error {
		cells = cells[:0]
		for _, c := range in {
			if hidden(merged, row, c.Col) {
				continue
			}
			if c.HasFormula && len(c.Value) == 0 {
				rc, ok, err := s.computed(sheet, row, c.Col)
				if err != nil {
					return err
				}
				if ok {
					cells = append(cells, rc)
				}
				continue
			}
			rc := rawCell{col: c.Col, value: string(c.Value), typ: cellTypes[c.Kind]}
			if c.HasFormula {
				rc.formula = string(c.Formula)
			}
			if rc.typ == cellNumber {
				rc.format = formatClasses[c.Class]
			}
			cells = append(cells, rc)
		}
		if len(cells) == 0 {
			return nil
		}
		return fn(row, cells)
	})
	if err == errStopRows {
		return nil
	}
	return err
}

// computed is the cell at (row, col), a formula without a cached result, as
// excelize computes it.
func (s *xlsxSource) computed(sheet string, row, col int) (rawCell, bool, error) {
	if s.ex == nil && s.rows > maxComputedRows {
		return rawCell{}, false, fileError(s.path, KindTooLarge, nil, fmt.Sprintf(
			"工作表“%s”的 %s 是没有保存计算结果的公式（文件不是由 Excel 或 WPS 保存的），"+
				"而工作簿有 %d 行，太大，无法代为计算：请在 Excel/WPS 中打开并保存后再检查",
			sheet, checker.Ref{Row: row, Col: col}.Cell(), s.rows))
	}
	if s.ex == nil {
		f, err := openWorkbook(s.path, s.opt)
		if err != nil {
			return rawCell{}, false, err
		}
		s.exf, s.ex = f, newExcelizeSource(f)
	}
	return s.ex.cell(sheet, row, col, "")
}

// maxValue is the largest value in m, 0 if m is empty.
func maxValue(m map[string]int) int {
	if len(m) == 0 {
		return 0
	}
	return slices.Max(slices.Collect(maps.Values(m)))
}
