package checker

import (
	"strings"
	"time"

	"github.com/shopspring/decimal"
)

var (
	zero    = decimal.Zero
	one     = decimal.NewFromInt(1)
	hundred = decimal.NewFromInt(100)
)

func dec(i int64) decimal.Decimal { return decimal.NewFromInt(i) }

// round2 rounds half-up (away from zero) to 2 decimals, as RULES.md asks of
// every indicator score and every displayed percentage.
func round2(d decimal.Decimal) decimal.Decimal { return d.Round(2) }

// clamp limits d to [lo, hi].
func clamp(d, lo, hi decimal.Decimal) decimal.Decimal {
	return decimal.Max(lo, decimal.Min(hi, d))
}

// ratio is a/b at full precision, or 0 when b is 0.
func ratio(a, b decimal.Decimal) decimal.Decimal {
	if b.IsZero() {
		return zero
	}
	return a.Div(b)
}

// money formats an amount in 万元 with 2 decimals.
func money(d decimal.Decimal) string { return d.StringFixed(2) }

// pct formats a ratio as a percentage rounded half-up to 2 decimals.
func pct(r decimal.Decimal) string { return round2(r.Mul(hundred)).StringFixed(2) + "%" }

// samePct reports whether a declared ratio equals the computed one rounded
// half-up to 2 decimals of a percent (the declared value is rounded too, so
// that reading noise such as 0.62270000000001 does not count).
func samePct(declared, computed decimal.Decimal) bool {
	return round2(declared.Mul(hundred)).Equal(round2(computed.Mul(hundred)))
}

// sameMoney compares amounts exactly at 0.01 万元.
func sameMoney(a, b decimal.Decimal) bool { return round2(a).Equal(round2(b)) }

// pts formats a score: at most 2 decimals, no trailing zeros ("5", "2.33").
func pts(d decimal.Decimal) string { return round2(d).String() }

// signed formats an adjustment with its sign ("+3", "-5", "0").
func signed(d decimal.Decimal) string {
	if d.IsPositive() {
		return "+" + pts(d)
	}
	return pts(d)
}

// day is t as a date: the number of days since 1970-01-01, whatever the
// clock time or zone the reader left on it.
func day(t time.Time) int64 {
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC).Unix() / 86400
}

func ymd(t time.Time) string { return t.Format("2006-01-02") }

// at names a cell for a message: "（项目清单!C12）", or nothing when the
// model carries no position.
func at(r Ref) string {
	if r.Sheet == "" {
		return ""
	}
	return "（" + r.String() + "）"
}

// refs keeps the positions the model knows, in order, without repeats.
func refs(rs ...Ref) []Ref {
	var out []Ref
	for _, r := range rs {
		if r.Sheet == "" {
			continue
		}
		dup := false
		for _, o := range out {
			if o == r {
				dup = true
				break
			}
		}
		if !dup {
			out = append(out, r)
		}
	}
	return out
}

// rowOf describes a table row for a message: "项目清单第12行" (or "第12条"
// for a model without positions, counting from 1).
func rowOf(sheet string, r Ref, index int) string { return sheet + rowNo(r, index) }

func rowNo(r Ref, index int) string {
	if r.Row > 0 {
		return "第" + itoa(r.Row) + "行"
	}
	return "第" + itoa(index+1) + "条"
}

func itoa(i int) string { return decimal.NewFromInt(int64(i)).String() }

func joinSemi(parts []string) string { return strings.Join(parts, "；") }

// levelName and categoryName are String without a panic for a value the
// model's constants do not define.
func levelName(l Level) string {
	if int(l) < len(levelNames) {
		return levelNames[l]
	}
	return ""
}

func categoryName(c Category) string {
	if int(c) < len(categoryNames) {
		return categoryNames[c]
	}
	return ""
}
