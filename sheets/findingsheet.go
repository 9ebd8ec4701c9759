package sheets

import (
	"cmp"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"fundcheck/checker"
	"fundcheck/internal/cellref"
	"fundcheck/internal/xlsxw"
)

// rowsPerSheet is how many rows a sheet holds: Excel's limit (a variable so
// that tests can reach it).
var rowsPerSheet = xlsxw.MaxRow

// fitRows says how many of total rows of findings a sheet lists below its
// header, keeping one row to say how many are left out, and the last row it
// uses.
func fitRows(total int) (listed, last int) {
	listed = min(total, rowsPerSheet-2)
	last = listed + 1
	if total > listed {
		last++
	}
	return listed, last
}

// leftOut is what the last row says of the n findings left out, then where
// to find them.
func leftOut(n int, then string) string {
	return fmt.Sprintf("另有 %d 条问题未列出：Excel 一张工作表最多 %d 行。%s", n, rowsPerSheet, then)
}

// maxListedRefs is how many cells the 单元格 column names before "等共N处".
const maxListedRefs = 10

var findingColumns = []struct {
	header string
	width  float64
}{
	{"序号", 6}, {"级别", 8}, {"代码", 9}, {"工作表", 12}, {"单元格", 18}, {"问题", 60}, {"建议", 44},
}

// sortFindings orders findings by severity, then by the sheet of their first
// cell in workbook order (findings about no sheet first, sheets the workbook
// lacks last), then row and column; ties keep the checker's order.
func sortFindings(findings []checker.Finding, sheets []string) []checker.Finding {
	pos := func(f checker.Finding) (int, string, int, int) {
		if len(f.Refs) == 0 {
			return -1, "", 0, 0
		}
		r := f.Refs[0]
		i := slices.Index(sheets, r.Sheet)
		if i < 0 {
			i = len(sheets)
		}
		return i, r.Sheet, r.Row, r.Col
	}
	out := slices.Clone(findings)
	slices.SortStableFunc(out, func(a, b checker.Finding) int {
		ai, an, ar, ac := pos(a)
		bi, bn, br, bc := pos(b)
		return cmp.Or(cmp.Compare(a.Severity, b.Severity), cmp.Compare(ai, bi), strings.Compare(an, bn),
			cmp.Compare(ar, br), cmp.Compare(ac, bc))
	})
	return out
}

// findingsSheet builds the findings sheet: one row per finding, the cell
// column a link to the first cell it names. The rows are made as the sheet
// is written. A report with more findings than a sheet has rows lists what
// fits and says how many are left out; Excel's limit on links per sheet
// leaves the later rows without a link (their 单元格 still names the cell).
func findingsSheet(sheet string, r *checker.Report, original []string, st *styles) *xlsxw.Sheet {
	sh := &xlsxw.Sheet{Name: sheet, FrozenRows: 1, PrintTitles: 1, Landscape: true}
	head := sh.Row(1)
	for i, c := range findingColumns {
		sh.Widths = append(sh.Widths, c.width)
		head.Text(i+1, c.header, st.header)
	}
	findings := sortFindings(r.Findings, original)
	listed, last := fitRows(len(findings))
	last = max(last, 2) // for 未发现问题
	sh.AutoFilter = "A1:G" + strconv.Itoa(last)
	sh.Stream = func(next func(int) *xlsxw.Row) error {
		for i, fd := range findings[:listed] {
			findingRow(sh, next(i+2), i+1, fd, original, st)
		}
		switch {
		case len(findings) == 0:
			next(2).Text(6, "未发现问题。", 0)
		case len(findings) > listed:
			next(last).Text(6, leftOut(len(findings)-listed, "请修正上面的问题后重新审核。"), st.wrap)
		}
		return nil
	}
	return sh
}

// findingRow writes finding fd, number no in the list.
func findingRow(sh *xlsxw.Sheet, row *xlsxw.Row, no int, fd checker.Finding, original []string, st *styles) {
	sheetName, where, link := "", "", ""
	if len(fd.Refs) > 0 {
		sheetName = fd.Refs[0].Sheet
		where = refsText(fd.Refs)
		if slices.Contains(original, sheetName) {
			link = cellref.QuoteSheet(sheetName) + "!" + anchorCell(fd.Refs[0])
		}
	}
	row.Int(1, no, st.center)
	row.Text(2, fd.Severity.String(), st.severity[fd.Severity])
	row.Text(3, fd.Code, st.text)
	row.Text(4, sheetName, st.text)
	row.Text(5, where, st.wrap)
	row.Text(6, fd.Message, st.wrap)
	row.Text(7, fd.Suggestion, st.wrap)
	if link != "" {
		sh.Link(cellref.Cell(row.N(), 5), link, "转到 "+fd.Refs[0].String())
		row.Style(5, 5, st.link)
	}
	lines := max(wrappedLines(where, findingColumns[4].width),
		wrappedLines(fd.Message, findingColumns[5].width), wrappedLines(fd.Suggestion, findingColumns[6].width))
	if lines > 1 {
		row.Height = float64(lines)*15 + 3
	}
}

// refsText names the cells of a finding: the first, then the others (with
// their sheet when it differs), "C12, C30".
func refsText(refs []checker.Ref) string {
	parts := make([]string, 0, min(len(refs), maxListedRefs))
	for i, r := range refs {
		if i == maxListedRefs {
			break
		}
		t := refLabel(r)
		if r.Sheet != refs[0].Sheet {
			t = r.Sheet + "!" + t
		}
		parts = append(parts, t)
	}
	s := strings.Join(parts, ", ")
	if len(refs) > maxListedRefs {
		s += " 等共" + strconv.Itoa(len(refs)) + "处"
	}
	return s
}

// refLabel is a Ref as a person reads it: C12, 第12行, C列, 整表.
func refLabel(r checker.Ref) string {
	switch {
	case r.Row > 0 && r.Col > 0:
		return r.Cell()
	case r.Row > 0:
		return "第" + strconv.Itoa(r.Row) + "行"
	case r.Col > 0:
		return checker.ColumnName(r.Col) + "列"
	}
	return "整表"
}

// anchorCell is where a link to r lands: the cell, the row's or column's
// first cell, or A1 for a whole sheet.
func anchorCell(r checker.Ref) string {
	return checker.ColumnName(max(r.Col, 1)) + strconv.Itoa(max(r.Row, 1))
}

// wrappedLines estimates how many lines text takes in a wrapped column of
// the given width (in Excel's character units).
func wrappedLines(text string, width float64) int {
	n := 0
	for line := range strings.SplitSeq(text, "\n") {
		n += max(1, (displayWidth(line)+int(width)-1)/int(width))
	}
	return n
}
