package xlsxw

import "unicode/utf8"

// maxCellChars is the most text a cell holds, in UTF-16 code units.
const maxCellChars = 32767

// Where text goes decides how it is escaped: SpreadsheetML's own strings
// (ST_Xstring: cell text, sheet names, tooltips, link locations, defined
// names' formulas) have each literal "_xHHHH_" escaped in turn, since Excel
// reads it as the character HHHH; a relationship's target, which belongs to
// the package, not to SpreadsheetML, is only made safe XML.
type textKind struct {
	attr, xstring bool
	limit         int // in UTF-16 code units; 0 for none
}

var (
	cellText = textKind{xstring: true, limit: maxCellChars}.write
	xstrText = textKind{xstring: true}.write
	xstrAttr = textKind{attr: true, xstring: true}.write
	attrText = textKind{attr: true}.write
)

// write writes v to b as k says; a byte that is not UTF-8 or a character
// XML cannot carry becomes U+FFFD.
func (k textKind) write(b writer, v string) {
	units := 0
	for i := 0; i < len(v); {
		r, size := utf8.DecodeRuneInString(v[i:])
		if units += utf16Len(r); k.limit > 0 && units > k.limit {
			return
		}
		if k.xstring && r == '_' && isEscapeAt(v, i) {
			b.WriteString("_x005F")
		}
		escapeRune(b, r, size, v[i:i+size], k.attr)
		i += size
	}
}

func escapeRune(b writer, r rune, size int, raw string, attr bool) {
	switch {
	case r == '&':
		b.WriteString("&amp;")
	case r == '<':
		b.WriteString("&lt;")
	case r == '>':
		b.WriteString("&gt;")
	case r == '"' && attr:
		b.WriteString("&quot;")
	case r == '\n' && attr:
		b.WriteString("&#xA;")
	case r == '\t' && attr:
		b.WriteString("&#x9;")
	case r == '\r':
		b.WriteString("&#xD;") // a literal one would be read back as \n
	case !allowed(r) || (r == utf8.RuneError && size == 1):
		b.WriteRune(utf8.RuneError)
	default:
		b.WriteString(raw)
	}
}

// allowed reports whether XML 1.0 can carry r.
func allowed(r rune) bool {
	return r == 0x09 || r == 0x0A || r == 0x0D ||
		r >= 0x20 && r <= 0xD7FF || r >= 0xE000 && r <= 0xFFFD || r >= 0x10000 && r <= 0x10FFFF
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
