package sheets

import (
	"cmp"
	"slices"
	"strconv"
	"strings"

	"fundcheck/checker"
	"fundcheck/internal/xlsx"
	"fundcheck/internal/xlsxw"
)

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
// column a link to the first cell it names.
func findingsSheet(sheet string, r *checker.Report, original []string, st *styles) *xlsxw.Sheet {
	sh := &xlsxw.Sheet{Name: sheet, FrozenRows: 1, PrintTitles: 1, Landscape: true}
	head := sh.Row(1)
	for i, c := range findingColumns {
		sh.Widths = append(sh.Widths, c.width)
		head.Text(i+1, c.header, st.header)
	}
	findings := sortFindings(r.Findings, original)
	for i, fd := range findings {
		row := sh.Row(i + 2)
		sheetName, where, link := "", "", ""
		if len(fd.Refs) > 0 {
			sheetName = fd.Refs[0].Sheet
			where = refsText(fd.Refs)
			if slices.Contains(original, sheetName) {
				link = quoteSheet(sheetName) + "!" + anchorCell(fd.Refs[0])
			}
		}
		row.Int(1, i+1, st.center)
		row.Text(2, fd.Severity.String(), st.severity[fd.Severity])
		row.Text(3, fd.Code, st.text)
		row.Text(4, sheetName, st.text)
		row.Text(5, where, st.wrap)
		row.Text(6, fd.Message, st.wrap)
		row.Text(7, fd.Suggestion, st.wrap)
		if link != "" {
			sh.Link(xlsx.CellName(i+2, 5), link, "转到 "+fd.Refs[0].String())
			row.Style(5, 5, st.link)
		}
		lines := max(wrappedLines(where, findingColumns[4].width),
			wrappedLines(fd.Message, findingColumns[5].width), wrappedLines(fd.Suggestion, findingColumns[6].width))
		if lines > 1 {
			row.Height = float64(lines)*15 + 3
		}
	}
	last := len(findings) + 1
	if len(findings) == 0 {
		last = 2
		sh.Row(2).Text(6, "未发现问题。", 0)
	}
	sh.AutoFilter = "A1:G" + strconv.Itoa(last)
	return sh
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

// quoteSheet quotes a sheet name for a reference: LibreOffice keeps an
// unquoted Chinese name as a broken link.
func quoteSheet(name string) string {
	return "'" + strings.ReplaceAll(name, "'", "''") + "'"
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
