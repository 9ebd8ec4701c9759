package sheets

import (
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/shopspring/decimal"
)

// This file holds the pure parsers of the forgiving reader: they see text,
// never a workbook.

// foldWidth turns full-width ASCII forms (４０６, ．, ％, the ideographic
// space) into their ASCII counterparts; counties type both.
func foldWidth(s string) string {
	if isASCII(s) {
		return s
	}
	return strings.Map(foldRune, s)
}

func foldRune(r rune) rune {
	switch {
	case r >= '！' && r <= '～':
		return r - '！' + '!'
	case r == '\u3000':
		return ' '
	case r == '。' || r == '﹒':
		return '.'
	case r == '−' || r == '—' || r == '–':
		return '-'
	}
	return r
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

// removeSpace drops every kind of white space, line breaks included. It is
// called on every text cell, so text without white space, nearly all of it,
// is returned as it is without building a new string.
func removeSpace(s string) string {
	for _, r := range s {
		if isSpace(r) {
			return strings.Map(func(r rune) rune {
				if isSpace(r) {
					return -1
				}
				return r
			}, s)
		}
	}
	return s
}

func isSpace(r rune) bool {
	if r < utf8.RuneSelf {
		return r == ' ' || r >= '\t' && r <= '\r'
	}
	return unicode.IsSpace(r) || r == '\u3000' || r == '\u200b' || r == '\ufeff'
}

// unitPattern is a bracketed part of a header: （万元）, (元), （全称）.
var unitPattern = regexp.MustCompile(`[（(][^（()）]*[)）]`)

// normalizeHeader returns a header or 基本信息 key as it is compared, and
// the unit written in its last bracket ("万元", "元", or "" when none).
func normalizeHeader(s string) (name, unit string) {
	s = removeSpace(s)
	if m := unitPattern.FindAllString(s, -1); len(m) > 0 {
		last := m[len(m)-1]
		unit = strings.TrimSuffix(strings.TrimSuffix(strings.TrimPrefix(strings.TrimPrefix(last, "（"), "("), ")"), "）")
		s = unitPattern.ReplaceAllString(s, "")
	}
	return foldWidth(s), foldWidth(unit)
}

// blankMarks are what counties write in a cell that has nothing to say.
var blankMarks = map[string]bool{
	"-": true, "--": true, "---": true, "/": true, "\\": true, "／": true,
	"——": true, "－": true, "—": true, "无数据": true,
}

// blankStarts holds the first character of every blank mark: a handful,
// which a slice searches faster than a map.
var blankStarts = func() []rune {
	var rs []rune
	for k := range blankMarks {
		r, _ := utf8.DecodeRuneInString(k)
		if !slices.Contains(rs, r) {
			rs = append(rs, r)
		}
	}
	return rs
}()

// isBlankText reports whether text is empty or one of the blank marks.
func isBlankText(s string) bool {
	// Every cell is asked; most hold text whose first character already
	// starts no blank mark, folded or not.
	for _, r := range s {
		if isSpace(r) {
			continue
		}
		if !slices.Contains(blankStarts, r) && !slices.Contains(blankStarts, foldRune(r)) {
			return false
		}
		break
	}
	s = removeSpace(s)
	return s == "" || blankMarks[s] || blankMarks[foldWidth(s)]
}

// number is a number read from text: its value, whether it was written as a
// percentage (already divided by 100) and the unit written after it.
type number struct {
	v    decimal.Decimal
	pct  bool
	unit string
}

// numberUnits are the suffixes a number may carry; the caller decides which
// of them make sense for its column.
var numberUnits = []string{"万元", "元", "分", "个", "件", "项", "起", "条", "年度", "年", "天", "日"}

// plainNumber allows an exponent of at most two digits: "1e999999999"
// would make a decimal whose sums allocate a billion digits.
var plainNumber = regexp.MustCompile(`^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d{1,2})?$`)
var groupedInt = regexp.MustCompile(`^\d{1,3}(,\d{3})+$`)

// parseNumber reads a number a person typed: "406", "406.00", "4,950.68",
// "４０６", "406万元", "-3", "62.27%". ok is false when s is not a number;
// callers check isBlankText first.
func parseNumber(s string) (n number, ok bool) {
	s = strings.TrimSpace(removeSpace(foldWidth(s)))
	if strings.HasSuffix(s, "%") {
		n.pct = true
		s = strings.TrimSuffix(s, "%")
	} else {
		for _, u := range numberUnits {
			if strings.HasSuffix(s, u) {
				n.unit = u
				s = strings.TrimSuffix(s, u)
				break
			}
		}
	}
	if strings.Contains(s, ",") {
		sign := ""
		if strings.HasPrefix(s, "-") || strings.HasPrefix(s, "+") {
			sign, s = s[:1], s[1:]
		}
		intPart, frac, hasFrac := strings.Cut(s, ".")
		if !groupedInt.MatchString(intPart) {
			return number{}, false
		}
		s = sign + strings.ReplaceAll(intPart, ",", "")
		if hasFrac {
			s += "." + frac
		}
	}
	if len(s) > maxNumberLen || !plainNumber.MatchString(s) {
		return number{}, false
	}
	d, err := decimal.NewFromString(s)
	if err != nil || d.Abs().Cmp(maxTextNumber) >= 0 {
		return number{}, false
	}
	if n.pct {
		d = d.Shift(-2)
	}
	n.v = d
	return n, true
}

// maxNumberLen bounds the digits of a number: no spreadsheet writes more
// than a few dozen, and decimal parsing takes quadratic time in the length
// (a million-digit cell would take seconds).
const maxNumberLen = 100

// Text that reads as a number this large ("1e99") is not an amount anyone
// typed: it is unreadable, not a sum that swamps every other.
var maxTextNumber = decimal.New(1, 15)

// roundSignificant rounds d to 15 significant digits, the precision Excel
// itself shows: gnumeric writes 3699.98999999999999999 and openpyxl
// 81.68000000000001 for what the county typed as 3699.99 and 81.68.
func roundSignificant(d decimal.Decimal) decimal.Decimal {
	if d.IsZero() {
		return d
	}
	digits := d.NumDigits()
	if digits <= 15 {
		return d
	}
	// The leading digit stands for 10^lead; keep 14 digits after it.
	lead := int32(digits) + d.Exponent() - 1
	return d.Round(14 - lead)
}

// parseNumericCell reads the raw text of a numeric cell ("3.5E-2" included)
// and rounds it to 15 significant digits.
func parseNumericCell(raw string) (decimal.Decimal, bool) {
	raw = strings.TrimSpace(raw)
	if len(raw) > maxNumberLen {
		return decimal.Decimal{}, false
	}
	d, err := decimal.NewFromString(raw)
	// Beyond a double's range the file was not written by a spreadsheet,
	// and such an exponent would make every sum enormous.
	if err != nil || d.Exponent() > 308 || d.Exponent() < -400 {
		return decimal.Decimal{}, false
	}
	return roundSignificant(d), true
}

var (
	// 2023-02-07, 2023/2/7, 2023.2.7, each with an optional time after it.
	datePunct = regexp.MustCompile(`^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[T ].*)?$`)
	dateHan   = regexp.MustCompile(`^(\d{4})年(\d{1,2})月(\d{1,2})[日号]?$`)
	dateDense = regexp.MustCompile(`^(\d{4})(\d{2})(\d{2})$`)
)

// parseDateText reads a date typed as text: 2023-02-07, 2023/2/7,
// 2023.2.7, 2023年2月7日, 20230207 (full-width digits too), with or
// without a time after it.
func parseDateText(s string) (time.Time, bool) {
	s = foldWidth(strings.TrimSpace(s))
	m := datePunct.FindStringSubmatch(s)
	if m == nil {
		s = removeSpace(s)
		if m = dateHan.FindStringSubmatch(s); m == nil {
			m = dateDense.FindStringSubmatch(s)
		}
	}
	if m == nil {
		return time.Time{}, false
	}
	y, _ := strconv.Atoi(m[1])
	mo, _ := strconv.Atoi(m[2])
	d, _ := strconv.Atoi(m[3])
	return makeDate(y, mo, d)
}

// makeDate builds a date, refusing ones that do not exist (2023-02-30)
// and years no spreadsheet date can have (0001-01-01 is a typing slip, and
// the zero time means "no date" to the checker).
func makeDate(y, m, d int) (time.Time, bool) {
	if y < 1900 || y > 9999 {
		return time.Time{}, false
	}
	t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
	if t.Year() != y || int(t.Month()) != m || t.Day() != d {
		return time.Time{}, false
	}
	return t, true
}

// The serials of 9999-12-31, Excel's last date, in the two date systems.
const (
	maxSerial1900 = 2958465
	maxSerial1904 = 2957003
)

// serialToDate turns an Excel date serial into a date. In the 1900 system
// serial 1 is 1900-01-01 and Excel counts a 29 February 1900 that never was;
// in the 1904 system serial 0 is 1904-01-01. The time of day is dropped.
func serialToDate(serial decimal.Decimal, date1904 bool) (time.Time, bool) {
	return serialDays(serial.Floor().IntPart(), date1904)
}

// serialDays is the date of the whole serial days.
func serialDays(days int64, date1904 bool) (time.Time, bool) {
	if days < 1 && !date1904 || days < 0 || days > maxSerial1900 || date1904 && days > maxSerial1904 {
		return time.Time{}, false
	}
	switch {
	case date1904:
		return time.Date(1904, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, int(days)), true
	case days < 60:
		return time.Date(1899, 12, 31, 0, 0, 0, 0, time.UTC).AddDate(0, 0, int(days)), true
	case days == 60: // the phantom 1900-02-29
		return time.Date(1900, 2, 28, 0, 0, 0, 0, time.UTC), true
	default:
		return time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC).AddDate(0, 0, int(days)), true
	}
}

var minDense, maxDense = decimal.NewFromInt(19000101), decimal.NewFromInt(99991231)

// denseDate reads a number written as yyyymmdd (20230207), which is far
// beyond any date serial.
func denseDate(d decimal.Decimal) (time.Time, bool) {
	if !d.IsInteger() || d.LessThan(minDense) || d.GreaterThan(maxDense) {
		return time.Time{}, false
	}
	return denseWhole(d.IntPart())
}

func denseWhole(n int64) (time.Time, bool) {
	if n < 19000101 || n > 99991231 {
		return time.Time{}, false
	}
	v := int(n)
	return makeDate(v/10000, v/100%100, v%100)
}

// numberToDate reads the raw text of a numeric cell as a date: a number
// written yyyymmdd, else a date serial.
func numberToDate(raw string, date1904 bool) (time.Time, bool) {
	// Nearly every date cell holds a whole serial, read here without a
	// decimal: a ledger has one on every row.
	if n, err := strconv.ParseInt(raw, 10, 64); err == nil && len(raw) <= maxNumberLen {
		if t, ok := denseWhole(n); ok {
			return t, true
		}
		return serialDays(n, date1904)
	}
	d, ok := parseNumericCell(raw)
	if !ok {
		return time.Time{}, false
	}
	if t, ok := denseDate(d); ok {
		return t, true
	}
	return serialToDate(d, date1904)
}

var hundred = decimal.NewFromInt(100)

// ratioFromNumber turns a number into a fraction: a value written with a
// percent sign or in a percent-formatted cell is one already; otherwise a
// plain number above 1 is read as a percentage (62.27 → 0.6227).
func ratioFromNumber(v decimal.Decimal, isPercent bool) decimal.Decimal {
	if !isPercent && v.Abs().GreaterThan(decimal.NewFromInt(1)) {
		return v.Div(hundred)
	}
	return v
}
