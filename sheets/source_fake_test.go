package sheets

import (
	"slices"
	"strconv"
	"strings"
	"testing"

	"fundcheck/checker"
)

// memSource is a workbook held in memory: the reader's logic must work on
// any rowSource, not only on excelize.
type memSource struct {
	sheets   map[string][][]rawCell // rows from 1; a nil row is absent
	order    []string
	merged   map[string][]cellRange
	rowsRead int
}

func (m *memSource) sheetNames() []string                     { return m.order }
func (m *memSource) date1904() bool                           { return false }
func (m *memSource) merges(sheet string) ([]cellRange, error) { return m.merged[sheet], nil }
func (m *memSource) eachRow(sheet string, fn func(int, []rawCell) error) error {
	for i, row := range m.sheets[sheet] {
		if len(row) == 0 {
			continue
		}
		m.rowsRead++
		if err := fn(i+1, row); err != nil {
			if err == errStopRows {
				return nil
			}
			return err
		}
	}
	return nil
}

// textRow makes a row of text cells from column 1; "" leaves a cell out.
func textRow(vals ...string) []rawCell {
	var out []rawCell
	for i, v := range vals {
		if v != "" {
			out = append(out, rawCell{col: i + 1, value: v, typ: cellText})
		}
	}
	return out
}

func minimalSheets() map[string][][]rawCell {
	return map[string][][]rawCell{
		SheetInfo:     {textRow("项目", "内容")},
		SheetNotices:  {textRow("资金级次", "金额", "收到文件日期", "落实到项目日期")},
		SheetProjects: {textRow("项目名称", "项目类别", "预算资金")},
		SheetLedger:   {textRow("支付日期", "支付金额")},
		SheetScores:   {textRow("序号", "自评得分")},
	}
}

func newMem(sheets map[string][][]rawCell) *memSource {
	m := &memSource{sheets: sheets, merged: map[string][]cellRange{}}
	for _, name := range []string{SheetInfo, SheetNotices, SheetProjects, SheetLedger, SheetScores, SheetParams} {
		if _, ok := sheets[name]; ok {
			m.order = append(m.order, name)
		}
	}
	return m
}

// A "单位：元" line above a table whose money header names no unit puts
// that column in yuan.
func TestUnitLineInYuan(t *testing.T) {
	sheets := minimalSheets()
	sheets[SheetLedger] = [][]rawCell{
		textRow("2023年支付台账"),
		textRow("", "单位：元"),
		textRow("支付日期", "支付金额（万元）", "凭证号"),
		textRow("2023-03-01", "40000", "1"),
	}
	sheets[SheetNotices] = [][]rawCell{
		textRow("单位： 元"),
		textRow("资金级次", "金额", "收到文件日期", "落实到项目日期"),
		textRow("县级", "816800"),
	}
	wb, problems := readMem(t, newMem(sheets))
	if len(problems) > 0 {
		t.Fatal(problems)
	}
	if got := wb.Payments[0].Amount.V.String(); got != "40000" {
		t.Errorf("payment in a （万元） column under 单位：元 = %s, want 40000 (the header's own unit wins)", got)
	}
	if got := wb.Notices[0].Amount.V.String(); got != "81.68" {
		t.Errorf("notice amount under 单位：元 = %s, want 81.68", got)
	}
	var hints []string
	for _, p := range wb.Problems {
		if p.Code == checker.CodeYuanConverted {
			hints = append(hints, p.Refs[0].String())
		}
	}
	if !slices.Equal(hints, []string{"资金下达!B2"}) {
		t.Errorf("GS108 hints at %q, want one at 资金下达!B2", hints)
	}
}

// A header row that names a required column twice (name and alias) uses
// the exact name; the search stops after maxHeaderRow rows.
func TestHeaderSearch(t *testing.T) {
	sheets := minimalSheets()
	sheets[SheetProjects] = [][]rawCell{
		textRow("名称", "项目名称", "类别", "金额", "备注"),
		textRow("别名里的值", "真名", "产业", "5", "x"),
	}
	var ledger [][]rawCell
	for i := 0; i < 2*maxHeaderRow; i++ {
		ledger = append(ledger, textRow("说明文字"))
	}
	ledger = append(ledger, textRow("支付日期", "支付金额"))
	sheets[SheetLedger] = ledger
	src := newMem(sheets)
	_, problems := readMem(t, src)
	want := []string{"工作表“支付台账”缺少必需的列：支付日期、支付金额（万元）"}
	if !slices.Equal(problems, want) {
		t.Errorf("problems = %q, want %q", problems, want)
	}
	if src.rowsRead > 2*maxHeaderRow {
		t.Errorf("read %d rows: the header search did not stop", src.rowsRead)
	}

	sheets[SheetLedger] = minimalSheets()[SheetLedger]
	wb, problems := readMem(t, newMem(sheets))
	if len(problems) > 0 {
		t.Fatal(problems)
	}
	if p := wb.Projects[0]; p.Name.V != "真名" || p.Name.At.Col != 2 || p.Budget.V.String() != "5" {
		t.Errorf("project = %+v, want 真名 from column B, budget 5", p)
	}
}

// Subtotals: a vertical merge carries the category down, category and
// grand totals cover the right rows, a count in the label is kept.
func TestSubtotalsAndMerges(t *testing.T) {
	sheets := minimalSheets()
	sheets[SheetProjects] = [][]rawCell{
		textRow("序号", "项目类别", "项目名称", "预算资金"),
		textRow("1", "基础设施", "甲", "1"),
		textRow("2", "", "乙", "2"),
		textRow("", "基础设施类小计（2个）", "", "3"),
		textRow("3", "产业", "丙", "4"),
		textRow("", "其中：产业类小计", "", "4"),
		textRow("合计", "", "", "7"),
		textRow("4", "", "丁", "8"),
		textRow("总计", "", "", "15"),
	}
	src := newMem(sheets)
	src.merged[SheetProjects] = []cellRange{{top: 2, left: 2, bottom: 3, right: 2}}
	wb, problems := readMem(t, src)
	if len(problems) > 0 {
		t.Fatal(problems)
	}
	var got []string
	for _, s := range wb.Subtotals {
		got = append(got, strings.Join([]string{s.Label.V, s.Category.String(), strconv.Itoa(s.From), strconv.Itoa(s.To), s.Amount.V.String(), strconv.Itoa(s.Count.V)}, "|"))
	}
	want := []string{
		"基础设施类小计（2个）|基础设施类|0|2|3|2",
		"其中：产业类小计|产业类|2|3|4|0",
		"合计||0|3|7|0",
		"总计||3|4|15|0",
	}
	if !slices.Equal(got, want) {
		t.Errorf("subtotals =\n%q\nwant\n%q", got, want)
	}
	if len(wb.Projects) != 4 || wb.Projects[1].Category.V != checker.Infrastructure || wb.Projects[3].Category.V != checker.Industry {
		t.Errorf("projects = %+v", wb.Projects)
	}
}

// A header repeated inside the table (pasted page by page) is not data; an
// empty sheet is reported as such.
func TestRepeatedHeaderAndEmptySheet(t *testing.T) {
	sheets := minimalSheets()
	sheets[SheetLedger] = [][]rawCell{
		textRow("支付日期", "支付金额（万元）", "项目名称"),
		textRow("2023-03-01", "4", "甲"),
		textRow("支付 日期", "金额", "名称"),
		textRow("2023-03-02", "5", "乙"),
	}
	sheets[SheetInfo] = [][]rawCell{
		textRow("项目", "内容"),
		textRow("评价年度", "2023年度"),
	}
	wb, problems := readMem(t, newMem(sheets))
	if len(problems) > 0 {
		t.Fatal(problems)
	}
	if len(wb.Payments) != 2 || wb.Payments[1].Amount.V.String() != "5" {
		t.Errorf("payments = %+v, want 2 with the repeated header skipped", wb.Payments)
	}
	if !wb.Info.Year.Set || wb.Info.Year.V != 2023 {
		t.Errorf("评价年度 2023年度 read as %+v", wb.Info.Year)
	}
	for _, p := range wb.Problems {
		if p.Code != checker.CodeMissingKey {
			t.Errorf("unexpected problem %s %s", p.Code, p.Message)
		}
	}

	sheets[SheetScores] = nil
	_, problems = readMem(t, newMem(sheets))
	want := []string{"工作表“自评打分”是空的，缺少表头行（必需的列：序号、自评得分）"}
	if !slices.Equal(problems, want) {
		t.Errorf("problems = %q, want %q", problems, want)
	}
}

// readMem reads src with readSource; a fake source never rejects the whole
// file.
func readMem(t *testing.T, src rowSource) (*checker.Workbook, []string) {
	t.Helper()
	wb, problems, err := readSource(src, "mem")
	if err != nil {
		t.Fatal(err)
	}
	return wb, problems
}
