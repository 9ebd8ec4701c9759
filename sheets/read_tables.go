package sheets

import (
	"regexp"
	"slices"
	"strconv"
	"strings"

	"fundcheck/checker"
)

// subtotalState tracks which rows of a table a declared subtotal covers.
type subtotalState struct {
	table checker.Table
	// end is where the previous subtotal's rows ended; start is where the
	// rows of the next grand total begin.
	end, start int
}

// cover returns the rows [from, to) a subtotal declared after n rows
// covers: the rows since the previous subtotal, or, for a subtotal right
// after another one ("资金总额" after the category subtotals), every row
// since the previous such grand total.
func (st *subtotalState) cover(n int) (from, to int) {
	if n > st.end {
		from = st.end
	} else {
		from = st.start
		st.start = n
	}
	st.end = n
	return from, n
}

var countInLabel = regexp.MustCompile(`(\d+)\s*[个项]`)

// subtotalLabel finds the cell that makes r a subtotal row: the first text
// cell outside the columns listed in skip that names 合计, 小计, 总计 or
// 资金总额.
func subtotalLabel(r dataRow, skip ...string) (cellValue, bool) {
	for _, c := range r.all {
		if c.typ == cellText && isSubtotalLabel(c.value) && !inColumns(r.s, c.col, skip) {
			return cellValue{ref: checker.Ref{Sheet: r.s.sheet, Row: r.num, Col: c.col}, c: c, what: "合计行"}, true
		}
	}
	return cellValue{}, false
}

// inColumns reports whether file column col holds one of the named layout
// columns.
func inColumns(s *tableScan, col int, names []string) bool {
	for _, name := range names {
		if s.col[s.t.index(name)] == col {
			return true
		}
	}
	return false
}

// subtotal builds the declared subtotal of row r, labelled by label.
func (rd *reader) subtotal(st *subtotalState, n int, label cellValue, amount checker.Amount) checker.Subtotal {
	s := checker.Subtotal{Table: st.table, Label: rd.text(label), Amount: amount}
	s.From, s.To = st.cover(n)
	s.Count.At = label.ref
	s.Share.At = checker.Ref{Sheet: label.ref.Sheet, Row: label.ref.Row}
	text := removeSpace(foldWidth(label.c.value))
	if m := countInLabel.FindStringSubmatch(text); m != nil {
		if k, err := strconv.Atoi(m[1]); err == nil {
			s.Count.V, s.Count.Set = k, true
		}
	}
	rest := strings.TrimPrefix(text, "其中")
	rest = strings.TrimLeft(rest, ":：")
	if c, ok := matchCategory(rest); ok {
		s.Category = c
	}
	return s
}

func (rd *reader) readNotices(src rowSource, sheet string) (*tableScan, error) {
	st := &subtotalState{table: checker.NoticeTable}
	return scanTable(src, sheet, noticeTable, func(r dataRow) {
		if label, ok := subtotalLabel(r, "金额"); ok {
			rd.wb.Subtotals = append(rd.wb.Subtotals, rd.subtotal(st, len(rd.wb.Notices), label, rd.amount(r.field("金额"))))
			return
		}
		n := checker.Notice{
			Level:    rd.level(r.field("资金级次")),
			Task:     rd.task(r.field("任务类型"), true),
			DocNo:    rd.text(r.field("文号")),
			Title:    rd.text(r.field("文件名称")),
			Amount:   rd.amount(r.field("金额")),
			Received: rd.date(r.field("收到文件日期")),
			Approved: rd.date(r.field("落实到项目日期")),
		}
		rd.require(r.field("资金级次"))
		rd.require(r.field("金额"))
		// The county's own budget lines (县级) have no notice dates.
		if n.Level.Set && n.Level.V != checker.CountyLevel {
			rd.require(r.field("收到文件日期"))
			rd.require(r.field("落实到项目日期"))
		}
		rd.wb.Notices = append(rd.wb.Notices, n)
	})
}

func (rd *reader) readProjects(src rowSource, sheet string) (*tableScan, error) {
	st := &subtotalState{table: checker.ProjectTable}
	var above checker.Value[checker.Category]
	return scanTable(src, sheet, projectTable, func(r dataRow) {
		if label, ok := subtotalLabel(r, "预算资金", "资金占比", "劳务报酬"); ok {
			s := rd.subtotal(st, len(rd.wb.Projects), label, rd.amount(r.field("预算资金")))
			s.Share = rd.ratio(r.field("资金占比"))
			if cat := r.field("项目类别"); s.Category == checker.CategoryUnknown && cat.ref != label.ref && !cat.blank() {
				if c, ok := matchCategory(cat.c.value); ok {
					s.Category = c
				}
			}
			rd.wb.Subtotals = append(rd.wb.Subtotals, s)
			return
		}
		p := checker.Project{
			ID:            rd.text(r.field("项目编号")),
			Name:          rd.text(r.field("项目名称")),
			Task:          rd.task(r.field("任务类型"), true),
			Place:         rd.text(r.field("实施地点")),
			Budget:        rd.amount(r.field("预算资金")),
			Share:         rd.ratio(r.field("资金占比")),
			InLibrary:     rd.flag(r.field("是否入库")),
			Target:        rd.flag(r.field("绩效目标")),
			TownNotice:    rd.flag(r.field("乡级公示")),
			VillageNotice: rd.flag(r.field("村级公示")),
			Labour:        rd.amount(r.field("劳务报酬")),
			LabourNotice:  rd.flag(r.field("劳务报酬公示")),
		}
		// The report writes the category once per block: a blank cell
		// is the category of the row above.
		cat := r.field("项目类别")
		if cat.blank() && len(rd.wb.Projects) > 0 {
			p.Category = above
			p.Category.At = cat.ref
		} else {
			p.Category = rd.category(cat)
			rd.require(cat)
		}
		above = p.Category
		rd.require(r.field("项目名称"))
		rd.require(r.field("预算资金"))
		rd.wb.Projects = append(rd.wb.Projects, p)
	})
}

func (rd *reader) readLedger(src rowSource, sheet string) (*tableScan, error) {
	st := &subtotalState{table: checker.PaymentTable}
	// Payments are gathered in fixed-size chunks and copied once into a
	// slice of the right length: appending a million rows to one slice
	// would allocate five times the ledger and hold two copies at the peak.
	var chunks [][]checker.Payment
	var chunk []checker.Payment
	n := len(rd.wb.Payments)
	t := ledgerTable
	iDate, iID, iName, iAmount := t.index("支付日期"), t.index("项目编号"), t.index("项目名称"), t.index("支付金额")
	iVoucher, iPayee := t.index("凭证号"), t.index("收款单位")
	ts, err := scanTable(src, sheet, t, func(r dataRow) {
		if label, ok := subtotalLabel(r, "支付金额"); ok {
			rd.wb.Subtotals = append(rd.wb.Subtotals, rd.subtotal(st, n, label, rd.amount(r.at(iAmount))))
			return
		}
		// A ledger has a row per payment: its columns are looked up once,
		// above, not by name on every row.
		p := checker.Payment{
			Date:        rd.date(r.at(iDate)),
			ProjectID:   rd.shared(rd.text(r.at(iID))),
			ProjectName: rd.shared(rd.text(r.at(iName))),
			Amount:      rd.amount(r.at(iAmount)),
			Voucher:     rd.text(r.at(iVoucher)),
			Payee:       rd.shared(rd.text(r.at(iPayee))),
		}
		rd.require(r.at(iDate))
		rd.require(r.at(iAmount))
		// A payment names its project by number or, failing that, by name.
		if !p.ProjectID.Set {
			rd.require(r.at(iName))
		}
		if len(chunk) == cap(chunk) {
			if chunk != nil {
				chunks = append(chunks, chunk)
			}
			// Chunks double up to ledgerChunk, so that a county's
			// ledger of a few thousand rows does not start with a
			// chunk for 4096.
			chunk = make([]checker.Payment, 0, min(ledgerChunk, max(firstLedgerChunk, n-len(rd.wb.Payments))))
		}
		chunk = append(chunk, p)
		n++
	})
	if n > len(rd.wb.Payments) {
		rd.wb.Payments = slices.Concat(append([][]checker.Payment{rd.wb.Payments}, append(chunks, chunk)...)...)
	}
	return ts, err
}

// ledgerChunk is how many payments a chunk of readLedger holds at most;
// firstLedgerChunk, the first chunk.
const (
	ledgerChunk      = 4096
	firstLedgerChunk = 256
)
