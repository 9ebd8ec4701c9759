package sheets

import (
	"regexp"

	"fundcheck/checker"
)

// maxHeaderRow bounds the search for a table's header row: titles and
// unit lines above it never run that long, and a sheet without the header
// is not scanned to its end.
const maxHeaderRow = 50

// unitLine is a line such as "单位：万元" above a table; "单位：元" makes the
// money columns whose header names no unit count in yuan.
var unitLine = regexp.MustCompile(`单位[:：]\s*(万元|元)`)

// tableScan finds the header row of one table sheet and hands its data rows
// over, cell by layout column.
type tableScan struct {
	t      table
	sheet  string // the sheet's name in the file
	header int    // header row number, 0 while not found
	col    []int  // file column of each layout column, 0 when absent
	unit   []string
	// missing lists the required headers absent from the best candidate
	// row when no header row was found.
	missing []string

	defaultUnit string // from a 单位 line above the header
	bestFound   int
	empty       bool // no row at all before the search ended
	merged      []cellRange
	tops        map[int]rawCell // top-left cells of merged ranges seen so far
	headers     []string        // header() of each layout column, built once
	row         []rawCell       // dataRow's cells, reused from row to row
}

// dataRow is one non-blank row below the header.
type dataRow struct {
	s     *tableScan
	num   int
	cells []rawCell // by layout column; a zero rawCell is blank
	all   []rawCell // every cell of the row, unknown columns included
	// Both slices are reused for the next row: take values, not slices.
}

// scanTable reads the table sheet t of src (found as sheet) and calls fn for
// each data row. When no header row holds all required columns, s.missing
// lists them and fn is never called.
func scanTable(src rowSource, sheet string, t table, fn func(dataRow)) (*tableScan, error) {
	s := &tableScan{t: t, sheet: sheet, tops: map[int]rawCell{}, headers: make([]string, len(t.columns))}
	for i, c := range t.columns {
		s.headers[i] = c.header()
	}
	s.missing = requiredHeaders(t, nil)
	s.bestFound = -1
	s.empty = true
	mergesRead := false
	err := src.eachRow(sheet, func(row int, cells []rawCell) error {
		if !mergesRead {
			var err error
			if s.merged, err = src.merges(sheet); err != nil {
				return err
			}
			mergesRead = true
		}
		if s.header == 0 {
			if row > maxHeaderRow {
				return errStopRows
			}
			s.empty = false
			s.tryHeader(row, cells)
			return nil
		}
		if s.repeatsHeader(cells) {
			return nil
		}
		if r, ok := s.dataRow(row, cells); ok {
			fn(r)
		}
		return nil
	})
	return s, err
}

// requiredHeaders lists the required columns of t not in found.
func requiredHeaders(t table, found []int) []string {
	var out []string
	for i, c := range t.columns {
		if c.required && (found == nil || found[i] == 0) {
			out = append(out, c.header())
		}
	}
	return out
}

// tryHeader makes row the header row when it names every required column.
func (s *tableScan) tryHeader(row int, cells []rawCell) {
	col, unit := matchHeaders(s.t, cells)
	missing := requiredHeaders(s.t, col)
	found := len(requiredHeaders(s.t, nil)) - len(missing)
	if len(missing) == 0 {
		s.header, s.col, s.unit, s.missing = row, col, unit, nil
		s.applyDefaultUnit()
		return
	}
	if found > s.bestFound {
		s.bestFound, s.missing = found, missing
	}
	for _, c := range cells {
		if m := unitLine.FindStringSubmatch(removeSpace(foldWidth(c.value))); m != nil && c.typ == cellText {
			s.defaultUnit = m[1]
		}
	}
}

// matchHeaders maps the layout columns of t to the cells of a candidate
// header row: names first, then aliases, each cell used once.
func matchHeaders(t table, cells []rawCell) (col []int, unit []string) {
	col = make([]int, len(t.columns))
	unit = make([]string, len(t.columns))
	names := make([]string, len(cells))
	units := make([]string, len(cells))
	for i, c := range cells {
		if c.typ == cellText {
			names[i], units[i] = normalizeHeader(c.value)
		}
	}
	used := make([]bool, len(cells))
	match := func(want func(column) []string) {
		for ci, c := range t.columns {
			if col[ci] != 0 {
				continue
			}
			for _, w := range want(c) {
				for i, n := range names {
					if !used[i] && n != "" && n == w {
						col[ci], unit[ci], used[i] = cells[i].col, units[i], true
						break
					}
				}
				if col[ci] != 0 {
					break
				}
			}
		}
	}
	match(func(c column) []string { return []string{c.name} })
	match(func(c column) []string { return c.aliases })
	return col, unit
}

// repeatsHeader reports whether a row below the header is the header again,
// as tables pasted page by page have it.
func (s *tableScan) repeatsHeader(cells []rawCell) bool {
	first := -1
	for i, c := range s.t.columns {
		if c.required {
			first = i
			break
		}
	}
	for _, c := range cells {
		if c.col != s.col[first] || c.typ != cellText {
			continue
		}
		name, _ := normalizeHeader(c.value)
		if col := s.t.columns[first]; name != col.name && !contains(col.aliases, name) {
			return false
		}
		col, _ := matchHeaders(s.t, cells)
		return len(requiredHeaders(s.t, col)) == 0
	}
	return false
}

// applyDefaultUnit gives money columns whose header names no unit the unit
// of the 单位 line above the table.
func (s *tableScan) applyDefaultUnit() {
	for i, c := range s.t.columns {
		if c.unit != "" && s.unit[i] == "" {
			s.unit[i] = s.defaultUnit
		}
	}
}

// inYuan reports whether money column i is written in yuan.
func (s *tableScan) inYuan(i int) bool {
	return s.t.columns[i].unit == "万元" && s.unit[i] == "元"
}

// dataRow spreads a row's cells over the layout columns. Rows without a
// value in any layout column are skipped. Inside a merged range only the
// top-left cell holds the value; for closed-set columns (category, task,
// level, yes/no) the other cells of a vertical merge take it, since the
// merge says "the same for these rows". The row's cells, like cells
// itself, are valid only until the next row.
func (s *tableScan) dataRow(row int, cells []rawCell) (dataRow, bool) {
	if s.row == nil {
		s.row = make([]rawCell, len(s.t.columns))
	}
	clear(s.row)
	r := dataRow{s: s, num: row, cells: s.row, all: cells}
	blank := true
	for _, c := range cells {
		for mi, m := range s.merged {
			if m.top == row && m.left == c.col {
				s.tops[mi] = c
			}
		}
		for i, fc := range s.col {
			if fc == c.col {
				r.cells[i] = c
				if !isBlankCell(c) {
					blank = false
				}
			}
		}
	}
	if blank || isNoteRow(cells) {
		return r, false
	}
	for i, fc := range s.col {
		if fc == 0 || r.cells[i].typ != 0 || s.t.columns[i].choices == nil {
			continue
		}
		for mi, m := range s.merged {
			if m.contains(row, fc) && m.left == fc {
				if top, ok := s.tops[mi]; ok {
					top.col = fc
					r.cells[i] = top
				}
			}
		}
	}
	return r, true
}

// footnoteLine is how a footnote or signature line under a table begins:
// "注：本表由财政局提供", "说明1.", "填表人：张三".
var footnoteLine = regexp.MustCompile(`^(?:(?:注|备注|说明)[0-9一二三四五六七八九十]*[：:、.．]|(?:填表人|填报人|制表人|制表|审核人|负责人|单位负责人|联系人|联系电话|填表日期|填报日期)[：:])`)

// isNoteRow reports whether a row holds nothing but one such line: no
// table row is a lone text cell, so skipping it loses no data, while
// reading it would raise a finding for every required cell.
func isNoteRow(cells []rawCell) bool {
	var text string
	n := 0
	for _, c := range cells {
		if isBlankCell(c) {
			continue
		}
		n++
		text = c.value
		if c.typ != cellText {
			return false
		}
	}
	return n == 1 && footnoteLine.MatchString(removeSpace(foldWidth(text)))
}

// isBlankCell reports whether c says nothing: no value (and no formula that
// failed), or a blank mark such as "—".
func isBlankCell(c rawCell) bool {
	if c.typ == 0 {
		return true
	}
	if c.value == "" {
		return c.formula == ""
	}
	return c.typ == cellText && isBlankText(c.value)
}

// field is the value of one layout column in a data row.
func (r dataRow) field(name string) cellValue { return r.at(r.s.t.index(name)) }

// at is the value of layout column i in a data row.
func (r dataRow) at(i int) cellValue {
	return cellValue{
		ref:  checker.Ref{Sheet: r.s.sheet, Row: r.num, Col: r.s.col[i]},
		c:    r.cells[i],
		what: r.s.headers[i],
		yuan: r.s.inYuan(i),
	}
}

// headerRef is the header cell of layout column i.
func (s *tableScan) headerRef(i int) checker.Ref {
	return checker.Ref{Sheet: s.sheet, Row: s.header, Col: s.col[i]}
}

// index returns the position of the column named name in t; the names are
// the layout's own, so a miss is a programming error.
func (t table) index(name string) int {
	for i, c := range t.columns {
		if c.name == name {
			return i
		}
	}
	panic("sheets: no column " + name + " in " + t.sheet)
}
