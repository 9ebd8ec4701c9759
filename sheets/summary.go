package sheets

import (
	"bufio"
	"cmp"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"fundcheck/checker"
	"fundcheck/internal/cellref"
	"fundcheck/internal/xlsxw"

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
	s := NewSummary()
	defer s.Close()
	for i, e := range entries {
		s.Add(i, e)
	}
	return s.Save(path)
}

// Summary is WriteSummary one file at a time, for a batch that keeps none of
// its results: Add keeps the file's row of 汇总 (a few hundred bytes) and
// writes its rows of 问题汇总 to a temporary file, and Save reads them back
// in the summary's order, so that the findings of all files are never in
// memory at once.
type Summary struct {
	files []summaryFile
	spill *os.File // the rows of 问题汇总, made by the first Add
	w     *bufio.Writer
	size  int64 // bytes written to spill
	err   error
}

// summaryFile is what the summary shows of one file: its row of 汇总, and
// where its rows of 问题汇总 are in the spill file.
type summaryFile struct {
	order                     int // the entry's place among the entries
	input, output             string
	err                       string // ErrorText of the entry's error, "" when none
	checked                   bool   // the entry has a report
	county, city, grade       string
	year                      int
	base, final, self, differ decimal.Decimal
	hasSelf                   bool
	errors, warnings          int
	at, size                  int64 // its rows of 问题汇总 in the spill file
	problems                  int   // and how many there are
}

var errSummaryClosed = errors.New("汇总已关闭")

// NewSummary is an empty summary.
func NewSummary() *Summary { return &Summary{} }

// Add adds the entry that is i-th among the entries (the order of the
// input): the summary shows files of equal score, and unreadable files, in
// that order, whatever the order of the calls. The first error is returned
// now and by every later call, and by Save.
func (s *Summary) Add(i int, e SummaryEntry) error {
	if s.err != nil {
		return s.err
	}
	if s.spill == nil {
		tmp, err := os.CreateTemp("", "fundcheck-summary-*.tmp")
		if err != nil {
			s.err = fmt.Errorf("无法创建临时文件：%s", reason(err))
			return s.err
		}
		s.spill, s.w = tmp, bufio.NewWriter(tmp)
	}
	sf := summaryFile{order: i, input: e.Input, output: e.Output, at: s.size}
	if e.Err != nil {
		sf.err = ErrorText(e.Err)
	}
	r := e.Report
	if r == nil {
		sf.county, sf.problems = fileLabel(e.Input), 1
		s.spillRow(checker.Error.String(), "", "", "", "无法检查："+sf.err)
	} else {
		sf.checked = true
		sf.county, sf.city, sf.grade, sf.year = r.County, r.City, r.Grade, r.Year
		sf.base, sf.final = r.Base, r.Final
		if r.SelfTotal.Set {
			sf.hasSelf, sf.self = true, r.SelfTotal.V
			// The county's total is on the method's own scale, adjustments
			// included and not normalised; compare like with like.
			sf.differ = r.SelfTotal.V.Sub(r.Base.Add(r.Adjustment))
		}
		sf.errors, sf.warnings = r.Count(checker.Error), r.Count(checker.Warning)
		sf.problems = len(r.Findings)
		for _, fd := range r.Findings {
			var sheet, cell string
			if len(fd.Refs) > 0 {
				sheet, cell = fd.Refs[0].Sheet, fd.Refs[0].Cell()
			}
			s.spillRow(fd.Severity.String(), fd.Code, sheet, cell, fd.Message)
		}
	}
	sf.size = s.size - sf.at
	s.files = append(s.files, sf)
	return s.err
}

// spillRow writes the columns of a row of 问题汇总 after 地区 and 文件 (which
// are the file's own) to the spill file, each as its length and its bytes.
func (s *Summary) spillRow(values ...string) {
	var n [binary.MaxVarintLen64]byte
	for _, v := range values {
		k := binary.PutUvarint(n[:], uint64(len(v)))
		if _, err := s.w.Write(n[:k]); err != nil && s.err == nil {
			s.err = spillError(err)
		}
		if _, err := s.w.WriteString(v); err != nil && s.err == nil {
			s.err = spillError(err)
		}
		s.size += int64(k + len(v))
	}
}

func spillError(err error) error {
	return fmt.Errorf("写入临时文件失败：%s", reason(err))
}

// Save writes the summary of the entries added to path, as WriteSummary
// does, and then closes s.
func (s *Summary) Save(path string) error {
	defer s.Close()
	if err := refuseExisting(path); err != nil {
		return err
	}
	if s.err == nil && s.w != nil {
		if err := s.w.Flush(); err != nil {
			s.err = spillError(err)
		}
	}
	if s.err != nil {
		return fmt.Errorf("%s：生成汇总失败：%w", path, s.err)
	}
	wb, err := summaryWorkbook(s.sorted(), filepath.Dir(path), s.spill)
	if err != nil {
		return fmt.Errorf("%s：生成汇总失败：%w", path, err)
	}
	return saveNew(path, func(out io.Writer) error {
		_, err := wb.WriteTo(out)
		return err
	})
}

// Close removes the temporary file. Save closes s; a caller that may not
// reach Save defers Close. Nothing can be added to a closed summary.
func (s *Summary) Close() error {
	if s.err == nil {
		s.err = errSummaryClosed
	}
	if s.spill == nil {
		return nil
	}
	s.spill.Close()
	err := os.Remove(s.spill.Name())
	s.spill, s.w = nil, nil
	return err
}

// sorted orders the files by final score, best first; unreadable files go
// last, and files of equal score stay in the order of the entries.
func (s *Summary) sorted() []summaryFile {
	slices.SortFunc(s.files, func(a, b summaryFile) int {
		return cmp.Or(
			cmp.Compare(boolInt(!a.checked), boolInt(!b.checked)),
			b.final.Cmp(a.final),
			cmp.Compare(a.order, b.order))
	})
	return s.files
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// summaryWorkbook lays out the summary of files, sorted, for a summary
// written in dir: the rows of both sheets are made as the workbook is
// written, those of 问题汇总 read back from spill, so that the summary of
// any number of files takes little memory.
func summaryWorkbook(files []summaryFile, dir string, spill io.ReaderAt) (*xlsxw.Workbook, error) {
	st, err := summaryStyles()
	if err != nil {
		return nil, err
	}
	chart, err := distributionChart()
	if err != nil {
		return nil, err
	}
	sum := &xlsxw.Sheet{Name: SheetSummary, Widths: summaryWidths, FrozenRows: 1, PrintTitles: 1, Landscape: true, Chart: chart}
	d := distribution{grades: make([]int, 1+len(grades)), bands: make([]int, len(scoreBands))}
	for _, sf := range files {
		if sf.checked {
			d.grades[slices.Index(grades, sf.grade)+1]++
			d.bands[band(sf.final)]++
		}
	}
	sum.Stream = func(next func(int) *xlsxw.Row) error {
		for n := 1; n <= max(len(files)+1, distributionRows); n++ {
			row := next(n)
			if n == 1 {
				header(row, summaryHeader, st.ids.header)
			} else if n-2 < len(files) {
				summaryRow(sum, row, files[n-2], dir, st.ids)
			}
			d.row(row, st.ids)
		}
		return nil
	}
	total := 0
	for _, sf := range files {
		total += sf.problems
	}
	listed, last := fitRows(total)
	problems := &xlsxw.Sheet{Name: SheetAllProblem, Widths: []float64{12, 30, 6, 8, 12, 8, 80}, FrozenRows: 1, PrintTitles: 1,
		Landscape: true, AutoFilter: "A1:" + checker.ColumnName(len(problemHeader)) + strconv.Itoa(last)}
	problems.Stream = func(next func(int) *xlsxw.Row) error {
		header(next(1), problemHeader, st.ids.header)
		n := 2
		br := bufio.NewReader(nil)
		for _, sf := range files {
			br.Reset(io.NewSectionReader(spill, sf.at, sf.size))
			for range sf.problems {
				if n > listed+1 {
					next(n).Text(7, leftOut(total-listed, "各县的全部问题见其审核结果中的“"+SheetFindings+"”。"), 0)
					return nil
				}
				row := next(n)
				row.Text(1, sf.county, 0)
				row.Text(2, filepath.Base(sf.input), 0)
				for col := 3; col <= len(problemHeader); col++ {
					v, err := readSpilled(br)
					if err != nil {
						return fmt.Errorf("读取临时文件失败：%w", err)
					}
					row.Text(col, v, 0)
				}
				n++
			}
		}
		return nil
	}
	return &xlsxw.Workbook{Styles: st.part, Theme: st.theme, Sheets: []*xlsxw.Sheet{sum, problems}}, nil
}

// summaryWidths are the widths of 汇总's columns: the table's, a gap, and
// the distribution's label column.
var summaryWidths = []float64{12, 10, 8, 10, 10, 6, 10, 16, 8, 8, 40, 0, 12}

// distributionCol is the column of the distribution's labels, right of the
// table after a blank column.
var distributionCol = len(summaryHeader) + 2

// The distribution beside the table: the number of counties per grade
// (rows 1-5), then per band of final score (rows bandRow to
// distributionRows).
const bandRow = 8

var distributionRows = bandRow + len(scoreBands)

var grades = []string{"A", "B", "C", "D"}

type distribution struct {
	grades []int // by grades' index + 1; [0] counts grades the method lacks
	bands  []int // by scoreBands' index
}

// row writes the distribution's cells of row.
func (d *distribution) row(row *xlsxw.Row, st *summaryStyleIDs) {
	label, count := distributionCol, distributionCol+1
	switch n := row.N(); {
	case n == 1:
		row.Text(label, "等级", st.header)
		row.Text(count, "县数", st.header)
	case n <= 1+len(grades):
		row.Text(label, grades[n-2], 0)
		row.Int(count, d.grades[n-1], 0)
	case n == bandRow:
		row.Text(label, "折算得分", st.header)
		row.Text(count, "县数", st.header)
	case n > bandRow && n <= distributionRows:
		row.Text(label, scoreBands[n-bandRow-1].label, 0)
		row.Int(count, d.bands[n-bandRow-1], 0)
	}
}

// header writes the names of a table's columns, from column A.
func header(row *xlsxw.Row, names []string, style int) {
	for i, h := range names {
		row.Text(i+1, h, style)
	}
}

// summaryRow writes the row of 汇总 of one file, with a link to its copy.
func summaryRow(sh *xlsxw.Sheet, row *xlsxw.Row, sf summaryFile, dir string, st *summaryStyleIDs) {
	row.Text(1, sf.county, 0)
	if !sf.checked {
		row.Text(11, "无法检查："+sf.err, st.failed)
		return
	}
	row.Text(2, sf.city, 0)
	row.Int(3, sf.year, 0)
	row.Style(4, 8, st.score)
	row.Number(4, sf.base.StringFixed(2), st.score)
	row.Number(5, sf.final.StringFixed(2), st.score)
	row.Text(6, sf.grade, st.score)
	if sf.hasSelf {
		row.Number(7, sf.self.StringFixed(2), st.score)
		row.Number(8, sf.differ.StringFixed(2), st.score)
	}
	row.Int(9, sf.errors, 0)
	row.Int(10, sf.warnings, 0)
	switch {
	case sf.err != "":
		row.Text(11, "未写出结果文件："+sf.err, st.failed)
	case sf.output != "":
		target := link(dir, sf.output)
		row.Text(11, target, st.link)
		sh.LinkFile(cellref.Cell(row.N(), 11), target)
	}
}

// link is the copy's path relative to the summary's folder dir, so that the
// link still works when the province moves or zips the whole folder.
func link(dir, output string) string {
	target := output
	if absDir, err := filepath.Abs(dir); err == nil {
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

// readSpilled reads one value that spillRow wrote.
func readSpilled(r *bufio.Reader) (string, error) {
	n, err := binary.ReadUvarint(r)
	if err != nil {
		return "", err
	}
	b := make([]byte, n)
	if _, err := io.ReadFull(r, b); err != nil {
		return "", err
	}
	return string(b), nil
}

type summaryStyleIDs struct {
	header, score, link, failed int
}

// summaryStyles are made once, by excelize.
var summaryStyles = sync.OnceValues(func() (styleSheet[summaryStyleIDs], error) {
	return excelizeStyles(func(f *excelize.File) (*summaryStyleIDs, error) {
		var st summaryStyleIDs
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
		return &st, err
	})
})

// distributionChart is the column chart of the score bands, below the
// distribution; drawn once, by excelize.
var distributionChart = sync.OnceValues(func() (*xlsxw.Chart, error) {
	const s = SheetSummary
	c0, c1 := checker.ColumnName(distributionCol), checker.ColumnName(distributionCol+1)
	first, last := strconv.Itoa(bandRow+1), strconv.Itoa(distributionRows)
	noVary := false
	return drawChart(s, summaryWidths, c0+strconv.Itoa(distributionRows+2), &excelize.Chart{
		Type: excelize.Col,
		Series: []excelize.ChartSeries{{
			Name:       cellref.QuoteSheet(s) + "!$" + c1 + "$" + strconv.Itoa(bandRow),
			Categories: cellref.QuoteSheet(s) + "!$" + c0 + "$" + first + ":$" + c0 + "$" + last,
			Values:     cellref.QuoteSheet(s) + "!$" + c1 + "$" + first + ":$" + c1 + "$" + last,
		}},
		Title:      excelize.ChartTitle{Paragraph: []excelize.RichTextRun{{Text: "折算得分分布"}}},
		VaryColors: &noVary,
		Legend:     excelize.ChartLegend{Position: "none"},
		PlotArea:   excelize.ChartPlotArea{ShowVal: true},
		Format:     excelize.GraphicOptions{ScaleX: 1, ScaleY: 1},
	})
})
