package sheets

import (
	"fmt"
	"strings"
	"time"

	"fundcheck/checker"

	"github.com/shopspring/decimal"
)

// cellValue is one cell about to be read as a field, with what the findings
// about it need: where it is and what the column is called.
type cellValue struct {
	ref  checker.Ref
	c    rawCell
	what string // the column header or 基本信息 key, for messages
	yuan bool   // a money value written in yuan
}

func (v cellValue) blank() bool { return isBlankCell(v.c) }

// shown is the cell's content as a message quotes it.
func (v cellValue) shown() string {
	if v.c.value == "" && v.c.formula != "" {
		return "公式 =" + v.c.formula + "（无法计算）"
	}
	s := strings.TrimSpace(v.c.value)
	if v.c.typ == cellNumber {
		if d, ok := parseNumericCell(s); ok {
			s = d.String()
		}
	}
	if len([]rune(s)) > 40 {
		s = string([]rune(s)[:40]) + "…"
	}
	return "“" + s + "”"
}

// reader turns cells into model values, recording what it cannot read.
type reader struct {
	wb     *checker.Workbook
	is1904 bool
	texts  map[string]string // the texts shared, see shared
}

// maxShared bounds the distinct texts shared: a ledger names a few dozen
// projects and payees, and a column of distinct texts must not grow a map
// beside the model.
const maxShared = 4096

// shared returns t with its text replaced by the copy kept for the whole
// read when the same text came before: a ledger repeats a few project names
// and payees over thousands of rows, and a million-row ledger keeps 150 MB
// less this way.
func (rd *reader) shared(t checker.Text) checker.Text {
	if kept, ok := rd.texts[t.V]; ok {
		t.V = kept
	} else if len(rd.texts) < maxShared {
		if rd.texts == nil {
			rd.texts = map[string]string{}
		}
		rd.texts[t.V] = t.V
	}
	return t
}

func (rd *reader) problem(code string, at checker.Ref, msg, suggestion string) {
	rule, _ := checker.LookupRule(code)
	rd.wb.Problems = append(rd.wb.Problems, checker.Finding{
		Code: code, Severity: rule.Severity, Refs: []checker.Ref{at}, Message: msg, Suggestion: suggestion,
	})
}

// where is the cell's address, or the sheet and row when its column is
// absent.
func where(at checker.Ref) string {
	if at.Col == 0 && at.Row > 0 {
		return fmt.Sprintf("%s第%d行", at.Sheet, at.Row)
	}
	return at.String()
}

// require records a blank required cell.
func (rd *reader) require(v cellValue) {
	if v.blank() {
		rd.problem(checker.CodeBlankRequired, v.ref,
			fmt.Sprintf("%s“%s”是必填项，但单元格为空", where(v.ref), v.what), "请补填"+v.what)
	}
}

func (rd *reader) badNumber(v cellValue, expect string) {
	rd.problem(checker.CodeBadNumber, v.ref,
		fmt.Sprintf("%s“%s”应为%s，实际为%s", where(v.ref), v.what, expect, v.shown()), "请改为数字")
}

func (rd *reader) text(v cellValue) checker.Text {
	out := checker.Text{At: v.ref}
	s := strings.TrimSpace(v.c.value)
	if v.blank() || s == "" {
		return out
	}
	if v.c.typ == cellNumber {
		if d, ok := parseNumericCell(s); ok {
			s = d.String()
		}
	}
	out.V, out.Set = s, true
	return out
}

// numeric reads the cell as a number, accepting the units in units after
// a typed number. pct says whether it was a percentage (written with % or
// formatted as one).
func (rd *reader) numeric(v cellValue, units ...string) (d decimal.Decimal, unit string, pct, ok bool) {
	switch v.c.typ {
	case cellNumber:
		if d, ok := parseNumericCell(v.c.value); ok {
			return d, "", v.c.format == formatPercent, true
		}
	case cellText:
		n, ok := parseNumber(v.c.value)
		if !ok {
			return d, "", false, false
		}
		if n.unit != "" && !contains(units, n.unit) {
			return d, "", false, false
		}
		return n.v, n.unit, n.pct, true
	}
	return d, "", false, false
}

func contains(xs []string, x string) bool {
	for _, y := range xs {
		if x == y {
			return true
		}
	}
	return false
}

var tenThousand = decimal.NewFromInt(10000)

// amount reads money in 万元: a number, "406万元", or yuan (a （元） column,
// or "4060000元") divided by 10000.
func (rd *reader) amount(v cellValue) checker.Amount {
	out := checker.Amount{At: v.ref}
	if v.blank() {
		return out
	}
	d, unit, pct, ok := rd.numeric(v, "万元", "元")
	if !ok || pct && v.c.typ == cellText {
		rd.badNumber(v, "金额（万元），如 406、406.00 或 406万元")
		return out
	}
	if unit == "元" || unit == "" && v.yuan {
		d = d.Div(tenThousand)
	}
	out.V, out.Set = d, true
	return out
}

// number reads a plain number (a count, a score, yuan), allowing the units
// given after it.
func (rd *reader) number(v cellValue, expect string, units ...string) checker.Value[decimal.Decimal] {
	out := checker.Value[decimal.Decimal]{At: v.ref}
	if v.blank() {
		return out
	}
	d, _, pct, ok := rd.numeric(v, units...)
	if !ok || pct && v.c.typ == cellText {
		rd.badNumber(v, expect)
		return out
	}
	out.V, out.Set = d, true
	return out
}

// ratio reads a percentage as a fraction: 0.6227 formatted as a percent,
// "62.27%", or a plain number above 1 (62.27).
func (rd *reader) ratio(v cellValue) checker.Value[decimal.Decimal] {
	out := checker.Value[decimal.Decimal]{At: v.ref}
	if v.blank() {
		return out
	}
	d, _, pct, ok := rd.numeric(v)
	if !ok {
		rd.badNumber(v, "百分比，如 62.27%、0.6227 或 62.27")
		return out
	}
	out.V, out.Set = ratioFromNumber(d, pct), true
	return out
}

// integer reads a whole number within [lo, hi] (a year, an indicator
// number), allowing the units given after it.
func (rd *reader) integer(v cellValue, lo, hi int64, expect string, units ...string) checker.Value[int] {
	out := checker.Value[int]{At: v.ref}
	if v.blank() {
		return out
	}
	d, _, pct, ok := rd.numeric(v, units...)
	if !ok || pct || !d.IsInteger() || d.LessThan(decimal.NewFromInt(lo)) || d.GreaterThan(decimal.NewFromInt(hi)) {
		rd.badNumber(v, expect)
		return out
	}
	out.V, out.Set = int(d.IntPart()), true
	return out
}

// date reads a date: an Excel date, a date serial pasted as a number, a
// number written yyyymmdd, or text in one of the usual forms.
func (rd *reader) date(v cellValue) checker.Date {
	out := checker.Date{At: v.ref}
	if v.blank() {
		return out
	}
	var t time.Time
	ok := false
	switch v.c.typ {
	case cellNumber:
		t, ok = numberToDate(v.c.value, rd.is1904)
	case cellText:
		t, ok = parseDateText(v.c.value)
	}
	if !ok {
		rd.problem(checker.CodeBadDate, v.ref,
			fmt.Sprintf("%s“%s”应为日期（如2023-02-07、2023/2/7、2023年2月7日），实际为%s", where(v.ref), v.what, v.shown()),
			"请改为日期")
		return out
	}
	out.V, out.Set = t, true
	return out
}

// choice reads a value of a closed set with match; choices are named in
// the message when the value cannot be placed.
func choice[T any](rd *reader, v cellValue, match func(string) (T, bool), choices []string) checker.Value[T] {
	out := checker.Value[T]{At: v.ref}
	if v.blank() {
		return out
	}
	s := v.c.value
	if v.c.typ == cellText || v.c.typ == cellBool || v.c.typ == cellNumber {
		if x, ok := match(s); ok {
			out.V, out.Set = x, true
			return out
		}
	}
	rd.problem(checker.CodeBadChoice, v.ref,
		fmt.Sprintf("%s“%s”应为%s之一，实际为%s", where(v.ref), v.what, strings.Join(choices, "、"), v.shown()),
		"请从下拉列表中选择")
	return out
}

func (rd *reader) level(v cellValue) checker.Value[checker.Level] {
	return choice(rd, v, matchLevel, levelChoices)
}

func (rd *reader) category(v cellValue) checker.Value[checker.Category] {
	return choice(rd, v, matchCategory, categoryChoices)
}

func (rd *reader) flag(v cellValue) checker.Flag {
	return choice(rd, v, matchYesNo, yesNoChoices)
}

// task reads a 任务类型; a blank one is 巩固拓展脱贫攻坚成果和乡村振兴 when
// blankIsDefault is set.
func (rd *reader) task(v cellValue, blankIsDefault bool) checker.Value[checker.Task] {
	if v.blank() && blankIsDefault {
		return checker.Value[checker.Task]{V: checker.TaskConsolidate, Set: true, At: v.ref}
	}
	return choice(rd, v, matchTask, taskChoices)
}
