package sheets

import (
	"cmp"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"

	"fundcheck/checker"

	"github.com/shopspring/decimal"
	"github.com/xuri/excelize/v2"
)

// The province's summary workbook.
const (
	SummaryPrefix   = "审核汇总_"
	SheetSummary    = "汇总"
	SheetAllProblem = "问题汇总"
)

// SummaryEntry is one checked file as the summary shows it: Report is nil
// when the file could not be checked, and then Err says why; Output is the
// annotated copy ("" when none was written).
type SummaryEntry struct {
	Input, Output string
	Err           error
	Report        *checker.Report
}

// SummaryPath is a new file name for a summary written at t in dir:
// 审核汇总_20231115-093000.xlsx, numbered (2), (3)… if that one exists.
func SummaryPath(dir string, t time.Time) string {
	base := filepath.Join(dir, SummaryPrefix+t.Format("20060102-150405"))
	p := base + ".xlsx"
	for n := 2; refuseExisting(p) != nil; n++ {
		p = base + "(" + strconv.Itoa(n) + ").xlsx"
	}
	return p
}

// ErrorText is err in Chinese without the file name that a FileError starts
// with, for places that show the file beside it.
func ErrorText(err error) string {
	var fe *FileError
	if errors.As(err, &fe) && len(fe.Problems) > 0 {
		return strings.Join(fe.Problems, "；")
	}
	return err.Error()
}

var summaryHeader = []string{"地区", "所属市", "年度", "复核总分", "折算得分", "等级", "自评总分", "差异（自评−复核加减分后）", "错误数", "警告数", "结果文件"}
var problemHeader = []string{"地区", "文件", "级别", "代码", "工作表", "单元格", "问题"}

// scoreBands are the lower bounds of the distribution chart's bars.
var scoreBands = []struct {
	label string
	from  decimal.Decimal
}{
	{"60分以下", decimal.NewFromInt(-1 << 31)},
	{"60–70分", decimal.NewFromInt(60)},
	{"70–80分", decimal.NewFromInt(70)},
	{"80–90分", decimal.NewFromInt(80)},
	{"90分及以上", decimal.NewFromInt(90)},
}

// WriteSummary writes the province's summary of entries to path: sheet 汇总
// with one row per file, best final score first and unreadable files last,
// the number of counties per grade and a chart of the score distribution;
// sheet 问题汇总 with every finding of every file. Text from the counties'
// workbooks is written as text, never as a formula. The file appears whole
// or not at all, and an existing file is never replaced.
func WriteSummary(path string, entries []SummaryEntry) error {
	if err := refuseExisting(path); err != nil {
		return err
	}
	f := excelize.NewFile()
	defer f.Close()
	w := &summaryWriter{f: f, dir: filepath.Dir(path)}
	if err := w.write(sortedEntries(entries)); err != nil {
		return fmt.Errorf("%s：生成汇总失败：%w", path, err)
	}
	return saveNew(path, func(out io.Writer) error {
		_, err := f.WriteTo(out)
		return err
	})
}

// sortedEntries orders by final score, best first; unreadable files go last
// in their original order.
func sortedEntries(entries []SummaryEntry) []SummaryEntry {
	out := slices.Clone(entries)
	slices.SortStableFunc(out, func(a, b SummaryEntry) int {
		switch {
		case a.Report == nil || b.Report == nil:
			return cmp.Compare(boolInt(a.Report == nil), boolInt(b.Report == nil))
		default:
			return b.Report.Final.Cmp(a.Report.Final)
		}
	})
	return out
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

type summaryWriter struct {
	f   *excelize.File
	dir string
	err error
}

// set writes one cell: strings as text, decimals as numbers with two
// decimals (written from the decimal's own digits), ints as numbers.
func (w *summaryWriter) set(sheet string, col, row int, v any) {
	if w.err != nil {
		return
	}
	cell := checker.ColumnName(col) + strconv.Itoa(row)
	switch v := v.(type) {
	case string:
		w.err = w.f.SetCellStr(sheet, cell, v)
	case decimal.Decimal:
		w.err = w.f.SetCellDefault(sheet, cell, v.StringFixed(2))
	case int:
		w.err = w.f.SetCellInt(sheet, cell, int64(v))
	default:
		panic(fmt.Sprintf("summary cell of type %T", v))
	}
}

func (w *summaryWriter) write(entries []SummaryEntry) error {
	f := w.f
	if err := f.SetSheetName("Sheet1", SheetSummary); err != nil {
		return err
	}
	if _, err := f.NewSheet(SheetAllProblem); err != nil {
		return err
	}
	styles, err := newSummaryStyles(f)
	if err != nil {
		return err
	}
	w.table(SheetSummary, summaryHeader, styles.header)
	grades := map[string]int{}
	bands := make([]int, len(scoreBands))
	for i, e := range entries {
		row := i + 2
		w.summaryRow(row, e, styles)
		if e.Report != nil {
			grades[e.Report.Grade]++
			bands[band(e.Report.Final)]++
		}
	}
	w.distribution(len(summaryHeader)+2, grades, bands, styles)
	w.problems(entries, styles)
	if w.err != nil {
		return w.err
	}
	for i, width := range []float64{12, 10, 8, 10, 10, 6, 10, 16, 8, 8, 40} {
		col := checker.ColumnName(i + 1)
		if err := f.SetColWidth(SheetSummary, col, col, width); err != nil {
			return err
		}
	}
	for i, width := range []float64{12, 30, 6, 8, 12, 8, 80} {
		col := checker.ColumnName(i + 1)
		if err := f.SetColWidth(SheetAllProblem, col, col, width); err != nil {
			return err
		}
	}
	f.SetActiveSheet(0)
	return nil
}

// table writes a header row, freezes it and repeats it on printed pages.
func (w *summaryWriter) table(sheet string, header []string, style int) {
	for i, h := range header {
		w.set(sheet, i+1, 1, h)
	}
	if w.err != nil {
		return
	}
	last := checker.ColumnName(len(header)) + "1"
	if w.err = w.f.SetCellStyle(sheet, "A1", last, style); w.err != nil {
		return
	}
	w.err = sheetSetup(w.f, sheet, 1, 1)
}

func (w *summaryWriter) summaryRow(row int, e SummaryEntry, st summaryStyles) {
	const s = SheetSummary
	r := e.Report
	if r == nil {
		w.set(s, 1, row, fileLabel(e.Input))
		w.set(s, 11, row, "无法检查："+ErrorText(e.Err))
		if w.err == nil {
			w.err = w.f.SetCellStyle(s, "K"+strconv.Itoa(row), "K"+strconv.Itoa(row), st.failed)
		}
		return
	}
	w.set(s, 1, row, r.County)
	w.set(s, 2, row, r.City)
	w.set(s, 3, row, r.Year)
	w.set(s, 4, row, r.Base)
	w.set(s, 5, row, r.Final)
	w.set(s, 6, row, r.Grade)
	if r.SelfTotal.Set {
		w.set(s, 7, row, r.SelfTotal.V)
		// The county's total is on the method's own scale, adjustments
		// included and not normalised; compare like with like.
		w.set(s, 8, row, r.SelfTotal.V.Sub(r.Base.Add(r.Adjustment)))
	}
	w.set(s, 9, row, r.Count(checker.Error))
	w.set(s, 10, row, r.Count(checker.Warning))
	if w.err == nil {
		w.err = w.f.SetCellStyle(s, "D"+strconv.Itoa(row), "H"+strconv.Itoa(row), st.score)
	}
	cell := "K" + strconv.Itoa(row)
	switch {
	case e.Err != nil:
		w.set(s, 11, row, "未写出结果文件："+ErrorText(e.Err))
		if w.err == nil {
			w.err = w.f.SetCellStyle(s, cell, cell, st.failed)
		}
	case e.Output != "":
		link := w.link(e.Output)
		w.set(s, 11, row, link)
		if w.err == nil {
			w.err = w.f.SetCellHyperLink(s, cell, link, "External")
		}
		if w.err == nil {
			w.err = w.f.SetCellStyle(s, cell, cell, st.link)
		}
	}
}

// link is the copy's path relative to the summary, so that the link still
// works when the province moves or zips the whole folder.
func (w *summaryWriter) link(output string) string {
	target := output
	if absDir, err := filepath.Abs(w.dir); err == nil {
		if absOut, err := filepath.Abs(output); err == nil {
			if rel, err := filepath.Rel(absDir, absOut); err == nil {
				target = rel
			}
		}
	}
	return filepath.ToSlash(target)
}

func fileLabel(input string) string {
	return strings.TrimSuffix(filepath.Base(input), filepath.Ext(input))
}

func band(final decimal.Decimal) int {
	i := 0
	for j, b := range scoreBands {
		if final.GreaterThanOrEqual(b.from) {
			i = j
		}
	}
	return i
}

// distribution writes the grade counts and the score bands beside the table,
// and a column chart of the bands.
func (w *summaryWriter) distribution(col int, grades map[string]int, bands []int, st summaryStyles) {
	const s = SheetSummary
	w.set(s, col, 1, "等级")
	w.set(s, col+1, 1, "县数")
	for i, g := range []string{"A", "B", "C", "D"} {
		w.set(s, col, i+2, g)
		w.set(s, col+1, i+2, grades[g])
	}
	const bandRow = 8
	w.set(s, col, bandRow, "折算得分")
	w.set(s, col+1, bandRow, "县数")
	for i, b := range scoreBands {
		w.set(s, col, bandRow+1+i, b.label)
		w.set(s, col+1, bandRow+1+i, bands[i])
	}
	if w.err != nil {
		return
	}
	c0, c1 := checker.ColumnName(col), checker.ColumnName(col+1)
	for _, r := range []int{1, bandRow} {
		if w.err = w.f.SetCellStyle(s, c0+strconv.Itoa(r), c1+strconv.Itoa(r), st.header); w.err != nil {
			return
		}
	}
	if w.err = w.f.SetColWidth(s, c0, c0, 12); w.err != nil {
		return
	}
	first, last := strconv.Itoa(bandRow+1), strconv.Itoa(bandRow+len(scoreBands))
	noVary := false
	w.err = w.f.AddChart(s, c0+strconv.Itoa(bandRow+len(scoreBands)+2), &excelize.Chart{
		Type: excelize.Col,
		Series: []excelize.ChartSeries{{
			Name:       "'" + s + "'!$" + c1 + "$" + strconv.Itoa(bandRow),
			Categories: "'" + s + "'!$" + c0 + "$" + first + ":$" + c0 + "$" + last,
			Values:     "'" + s + "'!$" + c1 + "$" + first + ":$" + c1 + "$" + last,
		}},
		Title:      excelize.ChartTitle{Paragraph: []excelize.RichTextRun{{Text: "折算得分分布"}}},
		VaryColors: &noVary,
		Legend:     excelize.ChartLegend{Position: "none"},
		PlotArea:   excelize.ChartPlotArea{ShowVal: true},
		Format:     excelize.GraphicOptions{ScaleX: 1, ScaleY: 1},
	})
}

func (w *summaryWriter) problems(entries []SummaryEntry, st summaryStyles) {
	const s = SheetAllProblem
	w.table(s, problemHeader, st.header)
	row := 2
	for _, e := range entries {
		file := filepath.Base(e.Input)
		if e.Report == nil {
			w.setRow(s, row, fileLabel(e.Input), file, checker.Error.String(), "", "", "", "无法检查："+ErrorText(e.Err))
			row++
			continue
		}
		for _, fd := range e.Report.Findings {
			var sheet, cell string
			if len(fd.Refs) > 0 {
				sheet, cell = fd.Refs[0].Sheet, fd.Refs[0].Cell()
			}
			w.setRow(s, row, e.Report.County, file, fd.Severity.String(), fd.Code, sheet, cell, fd.Message)
			row++
		}
	}
	if w.err == nil {
		w.err = w.f.AutoFilter(s, "A1:"+checker.ColumnName(len(problemHeader))+strconv.Itoa(max(row-1, 1)), nil)
	}
}

func (w *summaryWriter) setRow(sheet string, row int, values ...string) {
	for i, v := range values {
		if v != "" {
			w.set(sheet, i+1, row, v)
		}
	}
}

type summaryStyles struct {
	header, score, link, failed int
}

func newSummaryStyles(f *excelize.File) (summaryStyles, error) {
	var st summaryStyles
	var err error
	add := func(dst *int, s *excelize.Style) {
		if err == nil {
			*dst, err = f.NewStyle(s)
		}
	}
	two := "0.00"
	add(&st.header, &excelize.Style{Font: &excelize.Font{Bold: true},
		Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"DDEBF7"}}})
	add(&st.score, &excelize.Style{CustomNumFmt: &two})
	add(&st.link, &excelize.Style{Font: &excelize.Font{Color: "0563C1", Underline: "single"}})
	add(&st.failed, &excelize.Style{Font: &excelize.Font{Color: "C00000"}})
	return st, err
}
