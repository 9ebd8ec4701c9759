package sheets

import (
	"strings"

	"fundcheck/internal/xlsx"

	"github.com/xuri/excelize/v2"
)

// excelizeSource reads a workbook opened by excelize with raw cell values.
// Values come from the streaming Rows iterator; a cell's type, style and
// formula are looked up only for the cells that hold something.
type excelizeSource struct {
	f       *excelize.File
	is1904  bool
	classes map[int]formatClass // style id → class, shared by all sheets
	merged  map[string][]cellRange
}

func newExcelizeSource(f *excelize.File) *excelizeSource {
	s := &excelizeSource{f: f, classes: map[int]formatClass{}, merged: map[string][]cellRange{}}
	if props, err := f.GetWorkbookProps(); err == nil && props.Date1904 != nil {
		s.is1904 = *props.Date1904
	}
	return s
}

func (s *excelizeSource) sheetNames() []string { return s.f.GetSheetList() }

func (s *excelizeSource) date1904() bool { return s.is1904 }

func (s *excelizeSource) merges(sheet string) ([]cellRange, error) {
	if m, ok := s.merged[sheet]; ok {
		return m, nil
	}
	mcs, err := s.f.GetMergeCells(sheet, true)
	if err != nil {
		return nil, err
	}
	out := make([]cellRange, 0, len(mcs))
	for _, mc := range mcs {
		c1, r1, err1 := excelize.CellNameToCoordinates(mc.GetStartAxis())
		c2, r2, err2 := excelize.CellNameToCoordinates(mc.GetEndAxis())
		if err1 != nil || err2 != nil {
			continue
		}
		out = append(out, cellRange{top: min(r1, r2), left: min(c1, c2), bottom: max(r1, r2), right: max(c1, c2)})
	}
	s.merged[sheet] = out
	return out, nil
}

func (s *excelizeSource) eachRow(sheet string, fn func(row int, cells []rawCell) error) error {
	// Rows before anything else: once a per-cell call has parsed the
	// worksheet, Rows would first serialise it back to XML.
	rows, err := s.f.Rows(sheet)
	if err != nil {
		return err
	}
	defer rows.Close()
	merged, err := s.merges(sheet)
	if err != nil {
		return err
	}
	var cells []rawCell
	// Rows yields one Next per row number, gaps included.
	for row := 1; rows.Next(); row++ {
		values, err := rows.Columns(excelize.Options{RawCellValue: true})
		if err != nil {
			return err
		}
		cells = cells[:0]
		for i, v := range values {
			col := i + 1
			if hidden(merged, row, col) {
				continue
			}
			c, ok, err := s.cell(sheet, row, col, v)
			if err != nil {
				return err
			}
			if ok {
				cells = append(cells, c)
			}
		}
		if len(cells) == 0 {
			continue
		}
		if err := fn(row, cells); err != nil {
			if err == errStopRows {
				return nil
			}
			return err
		}
	}
	return rows.Error()
}

// hidden reports whether (row, col) lies inside a merged range without
// being its top-left cell.
func hidden(merged []cellRange, row, col int) bool {
	for _, m := range merged {
		if m.contains(row, col) {
			return row != m.top || col != m.left
		}
	}
	return false
}

// cell completes what Rows gave for one cell: its type, the class of its
// number format, its formula, and the computed value of a formula the file
// holds no result for (files written by excelize or openpyxl).
func (s *excelizeSource) cell(sheet string, row, col int, v string) (rawCell, bool, error) {
	name, err := excelize.CoordinatesToCellName(col, row)
	if err != nil {
		return rawCell{}, false, err
	}
	c := rawCell{col: col, value: v}
	if v == "" {
		// Rows pads the gaps between cells with "" and gives a formula
		// without a cached result as "" too.
		if c.formula, err = s.f.GetCellFormula(sheet, name); err != nil || c.formula == "" {
			return c, false, err
		}
		c.value, err = s.f.CalcCellValue(sheet, name, excelize.Options{RawCellValue: true})
		if err != nil {
			c.value = ""
		}
		c.typ = cellText
		if _, ok := parseNumericCell(c.value); ok {
			c.typ = cellNumber
		}
	} else {
		t, err := s.f.GetCellType(sheet, name)
		if err != nil {
			return c, false, err
		}
		switch t {
		case excelize.CellTypeBool:
			c.typ = cellBool
		case excelize.CellTypeError:
			c.typ = cellError
		case excelize.CellTypeUnset, excelize.CellTypeNumber:
			c.typ = cellNumber
		default:
			c.typ = cellText
		}
		if c.formula, err = s.f.GetCellFormula(sheet, name); err != nil {
			return c, false, err
		}
	}
	if c.typ == cellNumber {
		if c.format, err = s.formatClass(sheet, name); err != nil {
			return c, false, err
		}
	}
	return c, true, nil
}

func (s *excelizeSource) formatClass(sheet, name string) (formatClass, error) {
	id, err := s.f.GetCellStyle(sheet, name)
	if err != nil {
		return formatOther, err
	}
	if class, ok := s.classes[id]; ok {
		return class, nil
	}
	class := formatOther
	if st, err := s.f.GetStyle(id); err == nil {
		code := ""
		if st.CustomNumFmt != nil {
			code = strings.TrimSpace(*st.CustomNumFmt)
		}
		class = formatClasses[xlsx.FormatClass(st.NumFmt, code)]
	}
	s.classes[id] = class
	return class, nil
}
