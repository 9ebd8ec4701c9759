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
	f := excelize.NewFile()
	defer f.Close()
	w := &summaryWriter{f: f, dir: filepath.Dir(path), spill: s.spill}
	if err := w.write(s.sorted()); err != nil {
		return fmt.Errorf("%s：生成汇总失败：%w", path, err)
	}
	return saveNew(path, func(out io.Writer) error {
		_, err := f.WriteTo(out)
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

type summaryWriter struct {
	f     *excelize.File
	dir   string
	spill io.ReaderAt
	err   error
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

func (w *summaryWriter) write(files []summaryFile) error {
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
	for i, sf := range files {
		w.summaryRow(i+2, sf, styles)
		if sf.checked {
			grades[sf.grade]++
			bands[band(sf.final)]++
		}
	}
	w.distribution(len(summaryHeader)+2, grades, bands, styles)
	if w.err != nil {
		return w.err
	}
	for i, width := range []float64{12, 10, 8, 10, 10, 6, 10, 16, 8, 8, 40} {
		col := checker.ColumnName(i + 1)
		if err := f.SetColWidth(SheetSummary, col, col, width); err != nil {
			return err
		}
	}
	f.SetActiveSheet(0)
	return w.problems(files, styles)
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

func (w *summaryWriter) summaryRow(row int, sf summaryFile, st summaryStyles) {
	const s = SheetSummary
	w.set(s, 1, row, sf.county)
	if !sf.checked {
		w.set(s, 11, row, "无法检查："+sf.err)
		if w.err == nil {
			w.err = w.f.SetCellStyle(s, "K"+strconv.Itoa(row), "K"+strconv.Itoa(row), st.failed)
		}
		return
	}
	w.set(s, 2, row, sf.city)
	w.set(s, 3, row, sf.year)
	w.set(s, 4, row, sf.base)
	w.set(s, 5, row, sf.final)
	w.set(s, 6, row, sf.grade)
	if sf.hasSelf {
		w.set(s, 7, row, sf.self)
		w.set(s, 8, row, sf.differ)
	}
	w.set(s, 9, row, sf.errors)
	w.set(s, 10, row, sf.warnings)
	if w.err == nil {
		w.err = w.f.SetCellStyle(s, "D"+strconv.Itoa(row), "H"+strconv.Itoa(row), st.score)
	}
	cell := "K" + strconv.Itoa(row)
	switch {
	case sf.err != "":
		w.set(s, 11, row, "未写出结果文件："+sf.err)
		if w.err == nil {
			w.err = w.f.SetCellStyle(s, cell, cell, st.failed)
		}
	case sf.output != "":
		link := w.link(sf.output)
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

// problems writes 问题汇总 through a stream writer, each file's rows read
// back from the spill file in turn. Everything about the sheet but its rows
// is set before the stream starts, since the stream writer takes it from the
// sheet then: the filter's range is known from the files' row counts.
func (w *summaryWriter) problems(files []summaryFile, st summaryStyles) error {
	const s = SheetAllProblem
	f := w.f
	if err := sheetSetup(f, s, 1, 1); err != nil {
		return err
	}
	// The stream writer writes the columns in the order the sheet keeps
	// them, and each width set goes in front: the last is set first, so
	// that they come out in ascending order, as Excel wants.
	widths := []float64{12, 30, 6, 8, 12, 8, 80}
	for i, width := range slices.Backward(widths) {
		col := checker.ColumnName(i + 1)
		if err := f.SetColWidth(s, col, col, width); err != nil {
			return err
		}
	}
	rows := 1
	for _, sf := range files {
		rows += sf.problems
	}
	if err := f.AutoFilter(s, "A1:"+checker.ColumnName(len(problemHeader))+strconv.Itoa(rows), nil); err != nil {
		return err
	}
	sw, err := f.NewStreamWriter(s)
	if err != nil {
		return err
	}
	header := make([]any, len(problemHeader))
	for i, h := range problemHeader {
		header[i] = excelize.Cell{StyleID: st.header, Value: h}
	}
	if err := sw.SetRow("A1", header); err != nil {
		return err
	}
	row := 2
	values := make([]any, len(problemHeader))
	br := bufio.NewReader(nil)
	for _, sf := range files {
		br.Reset(io.NewSectionReader(w.spill, sf.at, sf.size))
		values[0], values[1] = text(sf.county), filepath.Base(sf.input)
		for range sf.problems {
			for i := 2; i < len(values); i++ {
				v, err := readSpilled(br)
				if err != nil {
					return fmt.Errorf("读取临时文件失败：%w", err)
				}
				values[i] = text(v)
			}
			if err := sw.SetRow("A"+strconv.Itoa(row), values); err != nil {
				return err
			}
			row++
		}
	}
	return sw.Flush()
}

// text is a cell's value: a string, or nothing for "" so that no empty cell
// is written.
func text(s string) any {
	if s == "" {
		return nil
	}
	return s
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
