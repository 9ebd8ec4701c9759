package sheets

import (
	"path/filepath"
	"strconv"
	"sync"

	"fundcheck/checker"
	"fundcheck/internal/cellref"
	"fundcheck/internal/xlsxw"

	"github.com/shopspring/decimal"
	"github.com/xuri/excelize/v2"
)

var verdictColumns = []struct {
	header string
	width  float64
}{
	{"序号", 6}, {"指标", 34}, {"满分", 8}, {"复核得分", 10}, {"自评得分", 10}, {"差异", 8}, {"计分方式", 10}, {"计分依据", 62},
}

// verdictWidths are the widths of the verdict sheet's columns, which also
// place the far corner of its chart.
func verdictWidths() []float64 {
	w := make([]float64, len(verdictColumns))
	for i, c := range verdictColumns {
		w[i] = c.width
	}
	return w
}

// Chart series colours: one per series, the same for every indicator.
const (
	reviewColor = "4472C4"
	selfColor   = "ED7D31"
)

// verdictWriter writes the verdict sheet from top to bottom.
type verdictWriter struct {
	sh  *xlsxw.Sheet
	st  *styles
	row *xlsxw.Row
}

// next starts the next row.
func (w *verdictWriter) next() { w.to(w.rowNumber() + 1) }

func (w *verdictWriter) to(n int) { w.row = w.sh.Row(n) }

func (w *verdictWriter) rowNumber() int {
	if w.row == nil {
		return 0
	}
	return w.row.N()
}

// col is the number of a column named by one letter, A to H.
func col(letter string) int { return int(letter[0]-'A') + 1 }

func (w *verdictWriter) str(c, v string, style int) { w.row.Text(col(c), v, style) }

// num writes d as a number; the style gives it its two decimals.
func (w *verdictWriter) num(c string, d decimal.Decimal, style int) {
	w.row.Number(col(c), d.String(), style)
}

func (w *verdictWriter) style(from, to string, style int) { w.row.Style(col(from), col(to), style) }

func (w *verdictWriter) merge(from, to string) {
	n := strconv.Itoa(w.rowNumber())
	w.sh.Merge(from+n, to+n)
}

func (w *verdictWriter) height(lines int) {
	if lines > 1 {
		w.row.Height = float64(lines)*15 + 3
	}
}

// pair writes one line of the key / value block: label in A:B, value in C:H.
func (w *verdictWriter) pair(label string, value func(col string)) {
	w.next()
	w.str("A", label, w.st.label)
	w.style("B", "B", w.st.label)
	w.merge("A", "B")
	value("C")
	w.style("D", "H", w.st.value)
	w.merge("C", "H")
}

// verdictSheet builds the verdict sheet: who and what was checked, the final
// score and grade, the finding counts, the 审核意见, the per-indicator table
// and a chart of review against self-scores.
func verdictSheet(sheet, findings string, r *checker.Report, st *styles) (*xlsxw.Sheet, error) {
	sh := &xlsxw.Sheet{Name: sheet, Landscape: true, Widths: verdictWidths()}
	w := &verdictWriter{sh: sh, st: st}
	w.next()
	w.str("A", place(r)+yearText(r)+"衔接推进乡村振兴补助资金绩效评价审核结论", st.title)
	w.merge("A", "H")
	w.row.Height = 28
	w.next()
	source := r.Source
	if source != "" {
		source = "审核文件：" + filepath.Base(source) + "　"
	}
	w.str("A", source+"由 fundcheck 自动审核生成，各指标的计分依据见下表，全部问题见“"+findings+"”工作表。", st.note)
	w.merge("A", "H")

	region := r.County
	if r.City != "" {
		region += "（" + r.City + "）"
	}
	w.pair("地区", func(c string) { w.str(c, region, st.value) })
	w.pair("年度", func(c string) {
		w.style(c, c, st.year)
		if r.Year != 0 {
			w.row.Int(col(c), r.Year, st.year)
		}
	})
	w.pair("最终得分", func(c string) { w.num(c, r.Final, st.bigScore) })
	w.row.Height = 20
	w.pair("等级", func(c string) { w.str(c, r.Grade, st.value) })
	w.pair("得分折算", func(c string) { w.str(c, r.Normalization, st.valueWrap) })
	w.height(wrappedLines(r.Normalization, 108))
	w.pair("自评总分", func(c string) {
		if r.SelfTotal.Set {
			w.num(c, r.SelfTotal.V, st.score)
		} else {
			w.str(c, "未填报", st.value)
		}
	})
	for _, s := range []checker.Severity{checker.Error, checker.Warning, checker.Hint} {
		w.pair(s.String()+"（条）", func(c string) { w.row.Int(col(c), r.Count(s), st.count) })
	}
	for i, o := range r.Overrides {
		label := ""
		if i == 0 {
			label = "参数调整"
		}
		w.pair(label, func(c string) { w.str(c, o, st.valueWrap) })
		w.height(wrappedLines(o, 108))
	}
	opinion := reviewOpinion(r, findings)
	w.pair("审核意见", func(c string) { w.str(c, opinion, st.valueWrap) })
	w.height(wrappedLines(opinion, 108))

	header := w.rowNumber() + 2
	sh.PrintTitles = header
	w.to(header)
	for i, c := range verdictColumns {
		w.row.Text(i+1, c.header, st.header)
	}
	for _, x := range r.Indicators {
		w.next()
		w.row.Int(1, x.No, st.center)
		w.str("B", x.Name, st.wrap)
		w.num("C", x.Max, st.num)
		w.style("D", "F", st.num)
		if x.Method != checker.NotApplicable {
			w.num("D", x.Score, st.num)
		}
		if x.Self.Set {
			w.num("E", x.Self.V, st.num)
			if x.Method != checker.NotApplicable {
				d := x.Score.Sub(x.Self.V)
				style := st.num
				switch d.Sign() {
				case -1:
					style = st.numLower
				case 1:
					style = st.numHigher
				}
				w.num("F", d, style)
			}
		}
		w.str("G", x.Method.String(), st.center)
		w.str("H", x.Basis, st.wrap)
		w.height(max(wrappedLines(x.Name, verdictColumns[1].width), wrappedLines(x.Basis, verdictColumns[7].width)))
	}
	last := w.rowNumber()
	total := func(label string, v decimal.Decimal, self *checker.Value[decimal.Decimal]) {
		w.next()
		w.str("A", label, st.label)
		w.style("B", "C", st.label)
		w.merge("A", "C")
		w.num("D", v, st.num)
		w.style("E", "E", st.num)
		if self != nil && self.Set {
			w.num("E", self.V, st.num)
		}
		w.style("F", "H", st.text)
	}
	total("基础得分（第1–13项）", r.Base, nil)
	total("折算得分（满分100）", r.Normalized, nil)
	total("加减分（第14–17项）", r.Adjustment, nil)
	total("最终得分", r.Final, &r.SelfTotal)
	w.str("H", "等级 "+r.Grade, st.text)
	if len(r.Indicators) > 0 {
		c, err := scoreChart(sheet, header, last, w.rowNumber()+2)
		if err != nil {
			return nil, err
		}
		sh.Chart = c
	}
	return sh, nil
}

// scoreChart is the chart of review against self-scores, side by side for
// each indicator of the table rows header+1 … last of sheet, drawn from row
// at down. excelize draws it, since its chart XML is known to open in Excel
// and WPS; a batch needs only a few different ones (they differ by the rows
// they cover), so each is drawn once and kept.
func scoreChart(sheet string, header, last, at int) (*xlsxw.Chart, error) {
	k := chartKey{sheet, header, last, at}
	charts.Lock()
	c, ok := charts.m[k]
	charts.Unlock()
	if ok {
		return c, nil
	}
	c, err := drawScoreChart(k)
	if err != nil {
		return nil, err
	}
	charts.Lock()
	if len(charts.m) < maxCharts {
		charts.m[k] = c
	}
	charts.Unlock()
	return c, nil
}

type chartKey struct {
	sheet            string
	header, last, at int
}

// maxCharts bounds the charts kept: more than a few means settings no
// batch has, and drawing each again is only slower.
const maxCharts = 64

var charts = struct {
	sync.Mutex
	m map[chartKey]*xlsxw.Chart
}{m: map[chartKey]*xlsxw.Chart{}}

// drawScoreChart draws the chart of k, on a sheet as wide as the verdict.
func drawScoreChart(k chartKey) (*xlsxw.Chart, error) {
	q := cellref.QuoteSheet(k.sheet)
	ref := func(col string) string {
		return q + "!$" + col + "$" + strconv.Itoa(k.header+1) + ":$" + col + "$" + strconv.Itoa(k.last)
	}
	solid := func(c string) excelize.Fill { return excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{c}} }
	vary := false
	return drawChart(k.sheet, verdictWidths(), "A"+strconv.Itoa(k.at), &excelize.Chart{
		Type: excelize.Col,
		Series: []excelize.ChartSeries{
			{Name: q + "!$D$" + strconv.Itoa(k.header), Categories: ref("A"), Values: ref("D"), Fill: solid(reviewColor)},
			{Name: q + "!$E$" + strconv.Itoa(k.header), Categories: ref("A"), Values: ref("E"), Fill: solid(selfColor)},
		},
		VaryColors: &vary,
		Title:      excelize.ChartTitle{Paragraph: []excelize.RichTextRun{{Text: "复核得分与自评得分（按指标序号）"}}},
		Legend:     excelize.ChartLegend{Position: "bottom"},
		XAxis:      excelize.ChartAxis{Font: excelize.Font{Color: "404040"}, Title: excelize.ChartTitle{Paragraph: []excelize.RichTextRun{{Text: "指标序号"}}}},
		YAxis:      excelize.ChartAxis{MajorGridLines: true, Font: excelize.Font{Color: "404040"}, Title: excelize.ChartTitle{Paragraph: []excelize.RichTextRun{{Text: "得分"}}}},
		Dimension:  excelize.ChartDimension{Width: 1000, Height: 380},
	})
}
