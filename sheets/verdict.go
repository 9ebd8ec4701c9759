package sheets

import (
	"path/filepath"
	"strconv"

	"fundcheck/checker"

	"github.com/shopspring/decimal"
	"github.com/xuri/excelize/v2"
)

var verdictColumns = []struct {
	header string
	width  float64
}{
	{"序号", 6}, {"指标", 34}, {"满分", 8}, {"复核得分", 10}, {"自评得分", 10}, {"差异", 8}, {"计分方式", 10}, {"计分依据", 62},
}

// Chart series colours: one per series, the same for every indicator.
const (
	reviewColor = "4472C4"
	selfColor   = "ED7D31"
)

// verdictWriter writes the verdict sheet from top to bottom.
type verdictWriter struct {
	f     *excelize.File
	sheet string
	st    *styles
	row   int
	err   error
}

func (w *verdictWriter) cell(col string) string { return col + strconv.Itoa(w.row) }

func (w *verdictWriter) do(err error) {
	if w.err == nil {
		w.err = err
	}
}

func (w *verdictWriter) str(col, v string, style int) {
	w.do(w.f.SetCellStr(w.sheet, w.cell(col), v))
	w.do(w.f.SetCellStyle(w.sheet, w.cell(col), w.cell(col), style))
}

// num writes d as a number; the style gives it its two decimals.
func (w *verdictWriter) num(col string, d decimal.Decimal, style int) {
	w.do(w.f.SetCellFloat(w.sheet, w.cell(col), d.InexactFloat64(), -1, 64))
	w.do(w.f.SetCellStyle(w.sheet, w.cell(col), w.cell(col), style))
}

func (w *verdictWriter) merge(from, to string) {
	w.do(w.f.MergeCell(w.sheet, w.cell(from), w.cell(to)))
}

func (w *verdictWriter) height(lines int) {
	if lines > 1 {
		w.do(w.f.SetRowHeight(w.sheet, w.row, float64(lines)*15+3))
	}
}

// pair writes one line of the key / value block: label in A:B, value in C:H.
func (w *verdictWriter) pair(label string, value func(col string)) {
	w.row++
	w.str("A", label, w.st.label)
	w.do(w.f.SetCellStyle(w.sheet, w.cell("B"), w.cell("B"), w.st.label))
	w.merge("A", "B")
	value("C")
	w.do(w.f.SetCellStyle(w.sheet, w.cell("D"), w.cell("H"), w.st.value))
	w.merge("C", "H")
}

// writeVerdict fills the verdict sheet: who and what was checked, the final
// score and grade, the finding counts, the 审核意见, the per-indicator table
// and a chart of review against self-scores.
func writeVerdict(f *excelize.File, sheet, findings string, r *checker.Report, st *styles) error {
	w := &verdictWriter{f: f, sheet: sheet, st: st}
	for i, c := range verdictColumns {
		col := checker.ColumnName(i + 1)
		w.do(f.SetColWidth(sheet, col, col, c.width))
	}
	w.row = 1
	w.str("A", place(r)+yearText(r)+"衔接推进乡村振兴补助资金绩效评价审核结论", st.title)
	w.merge("A", "H")
	w.do(f.SetRowHeight(sheet, 1, 28))
	w.row = 2
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
		if r.Year != 0 {
			w.do(f.SetCellInt(sheet, w.cell(c), int64(r.Year)))
		}
		w.do(f.SetCellStyle(sheet, w.cell(c), w.cell(c), st.year))
	})
	w.pair("最终得分", func(c string) { w.num(c, r.Final, st.bigScore) })
	w.do(f.SetRowHeight(sheet, w.row, 20))
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
		w.pair(s.String()+"（条）", func(c string) {
			w.do(f.SetCellInt(sheet, w.cell(c), int64(r.Count(s))))
			w.do(f.SetCellStyle(sheet, w.cell(c), w.cell(c), st.count))
		})
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

	w.row += 2
	header := w.row
	for i, c := range verdictColumns {
		w.str(checker.ColumnName(i+1), c.header, st.header)
	}
	for _, x := range r.Indicators {
		w.row++
		w.do(f.SetCellInt(sheet, w.cell("A"), int64(x.No)))
		w.do(f.SetCellStyle(sheet, w.cell("A"), w.cell("A"), st.center))
		w.str("B", x.Name, st.wrap)
		w.num("C", x.Max, st.num)
		w.str("D", "", st.num)
		if x.Method != checker.NotApplicable {
			w.num("D", x.Score, st.num)
		}
		w.str("E", "", st.num)
		w.str("F", "", st.num)
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
	last := w.row
	total := func(label string, v decimal.Decimal, self *checker.Value[decimal.Decimal]) {
		w.row++
		w.str("A", label, st.label)
		w.do(f.SetCellStyle(sheet, w.cell("B"), w.cell("C"), st.label))
		w.merge("A", "C")
		w.num("D", v, st.num)
		w.str("E", "", st.num)
		if self != nil && self.Set {
			w.num("E", self.V, st.num)
		}
		w.do(f.SetCellStyle(sheet, w.cell("F"), w.cell("H"), st.text))
	}
	total("基础得分（第1–13项）", r.Base, nil)
	total("折算得分（满分100）", r.Normalized, nil)
	total("加减分（第14–17项）", r.Adjustment, nil)
	total("最终得分", r.Final, &r.SelfTotal)
	w.str("H", "等级 "+r.Grade, st.text)
	if w.err != nil {
		return w.err
	}
	if len(r.Indicators) > 0 {
		if err := addScoreChart(f, sheet, header, last, "A"+strconv.Itoa(w.row+2)); err != nil {
			return err
		}
	}
	return sheetSetup(f, sheet, 0, header)
}

// addScoreChart draws review and self-scores side by side for each
// indicator of the table rows header+1 … last.
func addScoreChart(f *excelize.File, sheet string, header, last int, at string) error {
	q := quoteSheet(sheet)
	ref := func(col string) string {
		return q + "!$" + col + "$" + strconv.Itoa(header+1) + ":$" + col + "$" + strconv.Itoa(last)
	}
	solid := func(c string) excelize.Fill { return excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{c}} }
	vary := false
	return f.AddChart(sheet, at, &excelize.Chart{
		Type: excelize.Col,
		Series: []excelize.ChartSeries{
			{Name: q + "!$D$" + strconv.Itoa(header), Categories: ref("A"), Values: ref("D"), Fill: solid(reviewColor)},
			{Name: q + "!$E$" + strconv.Itoa(header), Categories: ref("A"), Values: ref("E"), Fill: solid(selfColor)},
		},
		VaryColors: &vary,
		Title:      excelize.ChartTitle{Paragraph: []excelize.RichTextRun{{Text: "复核得分与自评得分（按指标序号）"}}},
		Legend:     excelize.ChartLegend{Position: "bottom"},
		XAxis:      excelize.ChartAxis{Font: excelize.Font{Color: "404040"}, Title: excelize.ChartTitle{Paragraph: []excelize.RichTextRun{{Text: "指标序号"}}}},
		YAxis:      excelize.ChartAxis{MajorGridLines: true, Font: excelize.Font{Color: "404040"}, Title: excelize.ChartTitle{Paragraph: []excelize.RichTextRun{{Text: "得分"}}}},
		Dimension:  excelize.ChartDimension{Width: 1000, Height: 380},
	})
}
