package sheets

import (
	"fmt"
	"io"
	"strings"
	"time"

	"fundcheck/checker"

	"github.com/shopspring/decimal"
	"github.com/xuri/excelize/v2"
)

// WriteOption changes how WriteWorkbook lays the model out.
type WriteOption func(*writeConfig)

type writeConfig struct {
	categoryOncePerBlock bool
}

// CategoryOncePerBlock writes a project's 项目类别 only on the first row of
// each run of projects of one category (and after a subtotal row), leaving
// the cells below blank, as county reports do; the reader fills them down.
func CategoryOncePerBlock() WriteOption {
	return func(c *writeConfig) { c.categoryOncePerBlock = true }
}

// WriteWorkbook writes wb to path in the standard layout of the template:
// the same sheets, headers, formats and drop-down lists, with the model's
// values as real numbers and dates, subtotal rows after the rows they cover,
// and note (when not empty) at the top of 填表说明. It never overwrites an
// existing file. Writing is deterministic: the same model always gives the
// same cells, so reading the file back gives the same values at known cells.
func WriteWorkbook(path string, wb *checker.Workbook, note string, opts ...WriteOption) error {
	var cfg writeConfig
	for _, o := range opts {
		o(&cfg)
	}
	return writeModel(path, wb, note, cfg)
}

// inputRows is how far below the last written row the drop-down lists reach,
// so that a clerk adding rows still gets them.
const inputRows = 2000

func writeModel(path string, wb *checker.Workbook, note string, cfg writeConfig) error {
	if err := refuseExisting(path); err != nil {
		return err
	}
	f := excelize.NewFile()
	defer f.Close()
	b := &builder{f: f, st: styleCache{f: f, ids: map[[2]uint8]int{}}, cfg: cfg}
	if err := b.build(wb, note); err != nil {
		return fmt.Errorf("生成 %s 失败：%w", path, err)
	}
	return saveNew(path, func(w io.Writer) error {
		_, err := f.WriteTo(w)
		return err
	})
}

// builder writes one model into a new excelize file, sheet by sheet, each
// through a StreamWriter so that a ledger of a million payments fits in
// memory.
type builder struct {
	f   *excelize.File
	st  styleCache
	cfg writeConfig
}

func (b *builder) build(wb *checker.Workbook, note string) error {
	names := []string{SheetGuide, SheetInfo, SheetNotices, SheetProjects, SheetLedger, SheetScores}
	if len(wb.Params) > 0 {
		names = append(names, SheetParams)
	}
	if err := b.f.SetSheetName(b.f.GetSheetName(0), names[0]); err != nil {
		return err
	}
	for _, n := range names[1:] {
		if _, err := b.f.NewSheet(n); err != nil {
			return err
		}
	}
	steps := []func() error{
		func() error { return b.guide(note) },
		func() error { return b.info(&wb.Info) },
		func() error { return b.notices(wb) },
		func() error { return b.projects(wb) },
		func() error { return b.ledger(wb) },
		func() error { return b.scores(wb.Scores) },
	}
	if len(wb.Params) > 0 {
		steps = append(steps, func() error { return b.params(wb.Params) })
	}
	for _, s := range steps {
		if err := s(); err != nil {
			return err
		}
	}
	b.f.SetActiveSheet(0)
	return nil
}

// sheetWriter streams the rows of one sheet.
type sheetWriter struct {
	b     *builder
	sheet string
	sw    *excelize.StreamWriter
	row   int
	dvs   []*excelize.DataValidation
}

// open starts writing sheet with the given column widths and, where
// colStyles (which may be shorter) holds a non-zero id, column styles.
func (b *builder) open(sheet string, widths []float64, colStyles []int) (*sheetWriter, error) {
	// Printed, every sheet fits the width of a landscape page. The sheet
	// properties must be set before the stream writer writes them out.
	fit, land, wide, tall := true, "landscape", 1, 0
	if err := b.f.SetSheetProps(sheet, &excelize.SheetPropsOptions{FitToPage: &fit}); err != nil {
		return nil, err
	}
	if err := b.f.SetPageLayout(sheet, &excelize.PageLayoutOptions{Orientation: &land, FitToWidth: &wide, FitToHeight: &tall}); err != nil {
		return nil, err
	}
	sw, err := b.f.NewStreamWriter(sheet)
	if err != nil {
		return nil, err
	}
	// excelize puts each column it sets first in <cols> and the stream
	// writer does not sort them; Excel wants them in order, so set them
	// from the last to the first.
	for i := len(widths) - 1; i >= 0; i-- {
		if err := sw.SetColWidth(i+1, i+1, widths[i]); err != nil {
			return nil, err
		}
		if i < len(colStyles) && colStyles[i] != 0 {
			if err := sw.SetColStyle(i+1, i+1, colStyles[i]); err != nil {
				return nil, err
			}
		}
	}
	return &sheetWriter{b: b, sheet: sheet, sw: sw}, nil
}

// put writes the next row: values[i] in column i+1 with style styles[i]; a
// nil value leaves a styled blank cell.
func (w *sheetWriter) put(values []any, styles []int, height float64) error {
	w.row++
	cells := make([]any, len(values))
	for i, v := range values {
		cells[i] = excelize.Cell{StyleID: styles[i], Value: v}
	}
	var opts []excelize.RowOpts
	if height > 0 {
		opts = append(opts, excelize.RowOpts{Height: height})
	}
	cell, err := excelize.CoordinatesToCellName(1, w.row)
	if err != nil {
		return err
	}
	return w.sw.SetRow(cell, cells, opts...)
}

// dropList offers choices in the cells of sqref; other values are allowed
// after a warning, because the reader also accepts aliases (区级, 产业 …).
func (w *sheetWriter) dropList(sqref string, choices []string) error {
	dv := excelize.NewDataValidation(true)
	dv.SetSqref(sqref)
	if err := dv.SetDropList(choices); err != nil {
		return err
	}
	dv.SetError(excelize.DataValidationErrorStyleWarning, "取值不在列表中", "请从下拉列表中选择："+strings.Join(choices, " / "))
	w.dvs = append(w.dvs, dv)
	return nil
}

func (w *sheetWriter) close() error {
	for _, dv := range w.dvs {
		if err := w.b.f.AddDataValidation(w.sheet, dv); err != nil {
			return err
		}
	}
	return w.sw.Flush()
}

// tableWriter writes a table sheet: the header row of t, frozen, then one
// row per record.
type tableWriter struct {
	*sheetWriter
	t        table
	body     []int
	subtotal []int
}

func (b *builder) openTable(t table) (*tableWriter, error) {
	widths := make([]float64, len(t.columns))
	colStyles := make([]int, len(t.columns))
	for i, c := range t.columns {
		widths[i] = c.width
		if _, ok := numFmts[c.kind]; ok {
			id, err := b.st.id(roleColumn, c.kind)
			if err != nil {
				return nil, err
			}
			colStyles[i] = id
		}
	}
	w, err := b.open(t.sheet, widths, colStyles)
	if err != nil {
		return nil, err
	}
	tw := &tableWriter{sheetWriter: w, t: t}
	if err := w.sw.SetPanes(&excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}); err != nil {
		return nil, err
	}
	header := make([]any, len(t.columns))
	hs := make([]int, len(t.columns))
	for i, c := range t.columns {
		header[i] = c.header()
		r := roleHeader
		if c.required {
			r = roleHeaderRequired
		}
		if hs[i], err = b.st.id(r, 0); err != nil {
			return nil, err
		}
	}
	if err := w.put(header, hs, 30); err != nil {
		return nil, err
	}
	tw.body, tw.subtotal = make([]int, len(t.columns)), make([]int, len(t.columns))
	for i, c := range t.columns {
		if tw.body[i], err = b.st.id(roleBody, c.kind); err != nil {
			return nil, err
		}
		if tw.subtotal[i], err = b.st.id(roleSubtotal, c.kind); err != nil {
			return nil, err
		}
	}
	return tw, nil
}

// record writes one row of values in the table's column order.
func (tw *tableWriter) record(values []any, subtotal bool) error {
	st := tw.body
	if subtotal {
		st = tw.subtotal
	}
	return tw.put(values, st, 0)
}

// close adds the drop-down lists of the closed-set columns, from the first
// data row to inputRows below the last written one.
func (tw *tableWriter) close() error {
	last := min(tw.row+inputRows, excelize.TotalRows)
	for i, c := range tw.t.columns {
		if c.choices == nil {
			continue
		}
		col := checker.ColumnName(i + 1)
		if err := tw.dropList(fmt.Sprintf("%s2:%s%d", col, col, last), c.choices); err != nil {
			return err
		}
	}
	return tw.sheetWriter.close()
}

// subtotalsOf returns the subtotal rows of one table in sheet order.
func subtotalsOf(wb *checker.Workbook, t checker.Table) []checker.Subtotal {
	var out []checker.Subtotal
	for _, s := range wb.Subtotals {
		if s.Table == t {
			out = append(out, s)
		}
	}
	return out
}

// interleave writes n records and the subtotals between them: a subtotal
// goes after the last row it covers, in the order the model lists them.
func interleave(n int, subs []checker.Subtotal, record func(i int) error, subtotal func(s checker.Subtotal) error) error {
	k := 0
	for i := 0; i <= n; i++ {
		for k < len(subs) && (subs[k].To <= i || i == n) {
			if err := subtotal(subs[k]); err != nil {
				return err
			}
			k++
		}
		if i < n {
			if err := record(i); err != nil {
				return err
			}
		}
	}
	return nil
}

func (b *builder) notices(wb *checker.Workbook) error {
	t := noticeTable
	tw, err := b.openTable(t)
	if err != nil {
		return err
	}
	iLevel, iTask, iDoc, iTitle := t.index("资金级次"), t.index("任务类型"), t.index("文号"), t.index("文件名称")
	iAmount, iRecv, iAppr := t.index("金额"), t.index("收到文件日期"), t.index("落实到项目日期")
	err = interleave(len(wb.Notices), subtotalsOf(wb, checker.NoticeTable), func(i int) error {
		n := wb.Notices[i]
		v := make([]any, len(t.columns))
		v[iLevel], v[iTask] = nameValue(n.Level), nameValue(n.Task)
		v[iDoc], v[iTitle] = textValue(n.DocNo), textValue(n.Title)
		v[iAmount] = numberValue(n.Amount)
		v[iRecv], v[iAppr] = dateValue(n.Received), dateValue(n.Approved)
		return tw.record(v, false)
	}, func(s checker.Subtotal) error {
		v := make([]any, len(t.columns))
		v[iTitle], v[iAmount] = textValue(s.Label), numberValue(s.Amount)
		return tw.record(v, true)
	})
	if err != nil {
		return err
	}
	return tw.close()
}

func (b *builder) projects(wb *checker.Workbook) error {
	t := projectTable
	tw, err := b.openTable(t)
	if err != nil {
		return err
	}
	iID, iName, iCat, iTask, iPlace := t.index("项目编号"), t.index("项目名称"), t.index("项目类别"), t.index("任务类型"), t.index("实施地点")
	iBudget, iShare, iLib, iTarget := t.index("预算资金"), t.index("资金占比"), t.index("是否入库"), t.index("绩效目标")
	iTown, iVillage, iLabour, iLabourNotice := t.index("乡级公示"), t.index("村级公示"), t.index("劳务报酬"), t.index("劳务报酬公示")
	newBlock := true
	var last checker.Value[checker.Category]
	err = interleave(len(wb.Projects), subtotalsOf(wb, checker.ProjectTable), func(i int) error {
		p := wb.Projects[i]
		v := make([]any, len(t.columns))
		v[iID], v[iName], v[iPlace] = textValue(p.ID), textValue(p.Name), textValue(p.Place)
		if !b.cfg.categoryOncePerBlock || newBlock || p.Category.Set != last.Set || p.Category.V != last.V {
			v[iCat] = nameValue(p.Category)
		}
		newBlock, last = false, p.Category
		v[iTask], v[iBudget], v[iShare] = nameValue(p.Task), numberValue(p.Budget), numberValue(p.Share)
		v[iLib], v[iTarget] = flagValue(p.InLibrary), flagValue(p.Target)
		v[iTown], v[iVillage] = flagValue(p.TownNotice), flagValue(p.VillageNotice)
		v[iLabour], v[iLabourNotice] = numberValue(p.Labour), flagValue(p.LabourNotice)
		return tw.record(v, false)
	}, func(s checker.Subtotal) error {
		v := make([]any, len(t.columns))
		v[iName], v[iBudget], v[iShare] = textValue(s.Label), numberValue(s.Amount), numberValue(s.Share)
		if s.Category != checker.CategoryUnknown {
			v[iCat] = s.Category.String()
		}
		newBlock = true
		return tw.record(v, true)
	})
	if err != nil {
		return err
	}
	return tw.close()
}

func (b *builder) ledger(wb *checker.Workbook) error {
	t := ledgerTable
	tw, err := b.openTable(t)
	if err != nil {
		return err
	}
	iDate, iID, iName := t.index("支付日期"), t.index("项目编号"), t.index("项目名称")
	iAmount, iVoucher, iPayee := t.index("支付金额"), t.index("凭证号"), t.index("收款单位")
	v := make([]any, len(t.columns))
	err = interleave(len(wb.Payments), subtotalsOf(wb, checker.PaymentTable), func(i int) error {
		p := &wb.Payments[i]
		v[iDate], v[iID], v[iName] = dateValue(p.Date), textValue(p.ProjectID), textValue(p.ProjectName)
		v[iAmount], v[iVoucher], v[iPayee] = numberValue(p.Amount), textValue(p.Voucher), textValue(p.Payee)
		return tw.record(v, false)
	}, func(s checker.Subtotal) error {
		clear(v)
		v[iName], v[iAmount] = textValue(s.Label), numberValue(s.Amount)
		return tw.record(v, true)
	})
	if err != nil {
		return err
	}
	return tw.close()
}

// scores writes the 自评打分 rows of the model, or, for an empty model, the
// 17 indicators with blank scores.
func (b *builder) scores(rows []checker.ScoreRow) error {
	t := scoreTable
	tw, err := b.openTable(t)
	if err != nil {
		return err
	}
	if len(rows) == 0 {
		for _, ind := range checker.Indicators() {
			rows = append(rows, checker.ScoreRow{
				No:   checker.Value[int]{V: ind.No, Set: true},
				Name: checker.Text{V: ind.Name, Set: true},
			})
		}
	}
	iNo, iName, iTask, iSelf, iEvidence := t.index("序号"), t.index("指标"), t.index("任务类型"), t.index("自评得分"), t.index("佐证材料")
	for _, r := range rows {
		v := make([]any, len(t.columns))
		if r.No.Set {
			v[iNo] = r.No.V
		}
		v[iName], v[iTask], v[iSelf], v[iEvidence] = textValue(r.Name), nameValue(r.Task), numberValue(r.Self), textValue(r.Evidence)
		if err := tw.record(v, false); err != nil {
			return err
		}
	}
	return tw.close()
}

func (b *builder) params(ps []checker.Param) error {
	t := paramTable
	tw, err := b.openTable(t)
	if err != nil {
		return err
	}
	for _, p := range ps {
		v := make([]any, len(t.columns))
		v[t.index("参数")], v[t.index("取值")] = textValue(p.Key), textValue(p.Raw)
		if !p.Raw.Set {
			v[t.index("取值")] = numberValue(p.Num)
		}
		if err := tw.record(v, false); err != nil {
			return err
		}
	}
	return tw.close()
}

// Cell values: an unset Value is a blank cell; numbers are written as the
// binary doubles a spreadsheet stores (15 significant digits survive), dates
// as real dates.
func textValue(v checker.Text) any {
	if !v.Set {
		return nil
	}
	return v.V
}

func numberValue(v checker.Value[decimal.Decimal]) any {
	if !v.Set {
		return nil
	}
	return v.V.InexactFloat64()
}

func dateValue(v checker.Date) any {
	if !v.Set {
		return nil
	}
	return time.Date(v.V.Year(), v.V.Month(), v.V.Day(), 0, 0, 0, 0, time.UTC)
}

func flagValue(v checker.Flag) any {
	if !v.Set {
		return nil
	}
	if v.V {
		return yesNoChoices[0]
	}
	return yesNoChoices[1]
}

func nameValue[T interface {
	comparable
	String() string
}](v checker.Value[T]) any {
	var zero T
	if !v.Set || v.V == zero {
		return nil
	}
	return v.V.String()
}
