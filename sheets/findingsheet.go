package sheets

import (
	"cmp"
	"slices"
	"strconv"
	"strings"

	"fundcheck/checker"

	"github.com/xuri/excelize/v2"
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

// writeFindings fills the findings sheet: one row per finding, the cell
// column a link to the first cell it names.
func writeFindings(f *excelize.File, sheet string, r *checker.Report, original []string, st *styles) error {
	for i, c := range findingColumns {
		col := checker.ColumnName(i + 1)
		if err := f.SetCellStr(sheet, col+"1", c.header); err != nil {
			return err
		}
		if err := f.SetColWidth(sheet, col, col, c.width); err != nil {
			return err
		}
	}
	if err := f.SetCellStyle(sheet, "A1", "G1", st.header); err != nil {
		return err
	}
	findings := sortFindings(r.Findings, original)
	for i, fd := range findings {
		row := i + 2
		cell := func(col string) string { return col + strconv.Itoa(row) }
		sheetName, where, link := "", "", ""
		if len(fd.Refs) > 0 {
			sheetName = fd.Refs[0].Sheet
			where = refsText(fd.Refs)
			if slices.Contains(original, sheetName) {
				link = quoteSheet(sheetName) + "!" + anchorCell(fd.Refs[0])
			}
		}
		if err := f.SetCellInt(sheet, cell("A"), int64(i+1)); err != nil {
			return err
		}
		for col, v := range map[string]string{
			"B": fd.Severity.String(), "C": fd.Code, "D": sheetName, "E": where, "F": fd.Message, "G": fd.Suggestion,
		} {
			if err := f.SetCellStr(sheet, cell(col), v); err != nil {
				return err
			}
		}
		if err := f.SetCellStyle(sheet, cell("A"), cell("A"), st.center); err != nil {
			return err
		}
		if err := f.SetCellStyle(sheet, cell("B"), cell("B"), st.severity[fd.Severity]); err != nil {
			return err
		}
		if err := f.SetCellStyle(sheet, cell("C"), cell("D"), st.text); err != nil {
			return err
		}
		if err := f.SetCellStyle(sheet, cell("E"), cell("E"), st.wrap); err != nil {
			return err
		}
		if err := f.SetCellStyle(sheet, cell("F"), cell("G"), st.wrap); err != nil {
			return err
		}
		if link != "" {
			tip := "转到 " + fd.Refs[0].String()
			if err := f.SetCellHyperLink(sheet, cell("E"), link, "Location", excelize.HyperlinkOpts{Tooltip: &tip}); err != nil {
				return err
			}
			if err := f.SetCellStyle(sheet, cell("E"), cell("E"), st.link); err != nil {
				return err
			}
		}
		lines := max(wrappedLines(where, findingColumns[4].width),
			wrappedLines(fd.Message, findingColumns[5].width), wrappedLines(fd.Suggestion, findingColumns[6].width))
		if lines > 1 {
			if err := f.SetRowHeight(sheet, row, float64(lines)*15+3); err != nil {
				return err
			}
		}
	}
	last := len(findings) + 1
	if len(findings) == 0 {
		last = 2
		if err := f.SetCellStr(sheet, "F2", "未发现问题。"); err != nil {
			return err
		}
	}
	if err := f.AutoFilter(sheet, "A1:G"+strconv.Itoa(last), nil); err != nil {
		return err
	}
	return sheetSetup(f, sheet, 1, 1)
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

// sheetSetup freezes the rows above the table body, repeats the table's
// header row on every printed page, and prints the sheet landscape on A4, as
// wide as one page. (Print titles are a sheet-scoped name; xlsxpatch
// renumbers it when it transplants the sheet.)
func sheetSetup(f *excelize.File, sheet string, frozenRows, headerRow int) error {
	row := "$" + strconv.Itoa(headerRow)
	if err := f.SetDefinedName(&excelize.DefinedName{Name: "_xlnm.Print_Titles",
		RefersTo: quoteSheet(sheet) + "!" + row + ":" + row, Scope: sheet}); err != nil {
		return err
	}
	if frozenRows > 0 {
		if err := f.SetPanes(sheet, &excelize.Panes{Freeze: true, YSplit: frozenRows,
			TopLeftCell: "A" + strconv.Itoa(frozenRows+1), ActivePane: "bottomLeft"}); err != nil {
			return err
		}
	}
	fit := true
	if err := f.SetSheetProps(sheet, &excelize.SheetPropsOptions{FitToPage: &fit}); err != nil {
		return err
	}
	a4, landscape, wide, tall := 9, "landscape", 1, 0
	return f.SetPageLayout(sheet, &excelize.PageLayoutOptions{Size: &a4, Orientation: &landscape, FitToWidth: &wide, FitToHeight: &tall})
}
