package xlsxw

import (
	"encoding/xml"
	"strings"
)

// maxCellChars is the most text a cell holds, in UTF-16 code units.
const maxCellChars = 32767

// Where text goes decides how it is escaped: SpreadsheetML's own strings
// (ST_Xstring: cell text, sheet names, tooltips, link locations, defined
// names' formulas) have each literal "_xHHHH_" escaped in turn, since Excel
// reads it as the character HHHH; a relationship's target, which belongs to
// the package, not to SpreadsheetML, is only made safe XML.
type textKind struct {
	xstring bool
	limit   int // in UTF-16 code units; 0 for none
}

var (
	cellText  = textKind{xstring: true, limit: maxCellChars}.write
	xstrText  = textKind{xstring: true}.write
	plainText = textKind{}.write
)

// write writes v to b as k says. encoding/xml escapes it, in text and in
// attributes alike: a byte that is not UTF-8 or a character XML cannot carry
// becomes U+FFFD. Its error is the writer's, which a bufio.Writer keeps for
// Flush.
func (k textKind) write(b writer, v string) {
	if k.limit > 0 {
		v = cut(v, k.limit)
	}
	if k.xstring && strings.Contains(v, "_x") {
		var e strings.Builder
		for i := range len(v) {
			if v[i] == '_' && isEscapeAt(v, i) {
				e.WriteString("_x005F")
			}
			e.WriteByte(v[i])
		}
		v = e.String()
	}
	xml.EscapeText(b, []byte(v))
}

// cut is the longest start of v that is at most limit UTF-16 code units.
func cut(v string, limit int) string {
	units := 0
	for i, r := range v {
		if units += utf16Len(r); units > limit {
			return v[:i]
		}
	}
	return v
}

func utf16Len(r rune) int {
	if r >= 0x10000 {
		return 2
	}
	return 1
}

// isEscapeAt reports whether v[i:] starts with Excel's escape of a
// character, "_x" four hex digits "_".
func isEscapeAt(v string, i int) bool {
	if len(v)-i < 7 || v[i+1] != 'x' || v[i+6] != '_' {
		return false
	}
	for _, c := range []byte(v[i+2 : i+6]) {
		if !('0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F') {
			return false
		}
	}
	return true
}

// preserve reports whether v begins or ends with white space, which XML
// readers drop unless told to keep it.
func preserve(v string) bool {
	if v == "" {
		return false
	}
	space := func(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }
	return space(v[0]) || space(v[len(v)-1])
}
