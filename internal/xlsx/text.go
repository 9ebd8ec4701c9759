package xlsx

import (
	"bytes"
	"unicode/utf8"
)

// Spreadsheet limits (Excel's): a sheet has at most 16384 columns and
// 1048576 rows.
const (
	MaxCol = 16384
	MaxRow = 1048576
)

// appendText appends XML character data to dst: entity and character
// references decoded, line ends normalised to \n as XML requires (and as
// encoding/xml, hence excelize, does). A reference that is unknown or names
// an invalid character is kept literally.
func appendText(dst, src []byte) []byte {
	for len(src) > 0 {
		i := indexRefOrCR(src)
		if i < 0 {
			return append(dst, src...)
		}
		dst = append(dst, src[:i]...)
		src = src[i:]
		if src[0] == '\r' {
			dst = append(dst, '\n')
			src = src[1:]
			if len(src) > 0 && src[0] == '\n' {
				src = src[1:]
			}
			continue
		}
		r, n := decodeReference(src)
		if n == 0 {
			dst = append(dst, '&')
			src = src[1:]
			continue
		}
		dst = utf8.AppendRune(dst, r)
		src = src[n:]
	}
	return dst
}

// indexRefOrCR is bytes.IndexAny(s, "&\r") without building a set on each
// call: cell values are short and this is on the hot path.
func indexRefOrCR(s []byte) int {
	for i, c := range s {
		if c == '&' || c == '\r' {
			return i
		}
	}
	return -1
}

// appendCDATA appends the content of a CDATA section: literal, apart from
// line-end normalisation.
func appendCDATA(dst, src []byte) []byte {
	for {
		i := bytes.IndexByte(src, '\r')
		if i < 0 {
			return append(dst, src...)
		}
		dst = append(append(dst, src[:i]...), '\n')
		src = src[i+1:]
		if len(src) > 0 && src[0] == '\n' {
			src = src[1:]
		}
	}
}

// decodeReference decodes the reference at the start of s ("&amp;",
// "&#20013;", "&#x4E2D;"), reporting its length, or 0 if it is not one.
func decodeReference(s []byte) (rune, int) {
	end := bytes.IndexByte(s[:min(len(s), 12)], ';')
	if end < 2 {
		return 0, 0
	}
	name := s[1:end]
	if name[0] == '#' {
		var r rune
		digits, base := name[1:], rune(10)
		if len(digits) > 0 && (digits[0] == 'x' || digits[0] == 'X') {
			digits, base = digits[1:], 16
		}
		if len(digits) == 0 {
			return 0, 0
		}
		for _, c := range digits {
			d := hexValue(c)
			if d < 0 || rune(d) >= base {
				return 0, 0
			}
			r = r*base + rune(d)
		}
		if !isXMLChar(r) {
			return 0, 0
		}
		return r, end + 1
	}
	switch string(name) {
	case "amp":
		return '&', end + 1
	case "lt":
		return '<', end + 1
	case "gt":
		return '>', end + 1
	case "quot":
		return '"', end + 1
	case "apos":
		return '\'', end + 1
	}
	return 0, 0
}

// isXMLChar reports whether r may appear in an XML 1.0 document.
func isXMLChar(r rune) bool {
	return r == 0x09 || r == 0x0A || r == 0x0D ||
		r >= 0x20 && r <= 0xD7FF || r >= 0xE000 && r <= 0xFFFD || r >= 0x10000 && r <= 0x10FFFF
}

func hexValue(c byte) int {
	switch {
	case c >= '0' && c <= '9':
		return int(c - '0')
	case c >= 'a' && c <= 'f':
		return int(c-'a') + 10
	case c >= 'A' && c <= 'F':
		return int(c-'A') + 10
	}
	return -1
}

// hasEscapes reports whether s may hold an OOXML "_xHHHH_" escape.
func hasEscapes(s []byte) bool { return bytes.Contains(s, []byte("_x")) }

// appendUnescaped appends s with OOXML's "_xHHHH_" escapes of string items
// decoded: "_x000D_" is a carriage return, "_x005F_" a literal underscore.
// Like excelize, an escape of a surrogate is dropped.
func appendUnescaped(dst, s []byte) []byte {
	for {
		i := bytes.Index(s, []byte("_x"))
		if i < 0 || len(s)-i < 7 {
			return append(dst, s...)
		}
		dst = append(dst, s[:i]...)
		s = s[i:]
		r, ok := rune(0), s[6] == '_'
		for _, c := range s[2:6] {
			d := hexValue(c)
			ok = ok && d >= 0
			r = r<<4 | rune(d)
		}
		if !ok {
			dst = append(dst, '_')
			s = s[1:]
			continue
		}
		if utf8.ValidRune(r) {
			dst = utf8.AppendRune(dst, r)
		}
		s = s[7:]
	}
}

// parseRef parses a cell reference such as "B12" or "$B$12". Either part may
// be absent ("B", "12"), giving 0 for it; ok is false for anything else or
// for a column or row beyond the sheet's limits.
func parseRef(s []byte) (col, row int, ok bool) {
	i := 0
	if i < len(s) && s[i] == '$' {
		i++
	}
	for ; i < len(s); i++ {
		c := s[i] | 0x20
		if c < 'a' || c > 'z' {
			break
		}
		col = col*26 + int(c-'a') + 1
		if col > MaxCol {
			return 0, 0, false
		}
	}
	if i < len(s) && s[i] == '$' {
		i++
	}
	row, rest, _ := parseUint(s[i:], MaxRow)
	if len(rest) > 0 {
		return 0, 0, false
	}
	return col, row, col > 0 || row > 0
}

// parseUint parses leading decimal digits of s as a number no greater than
// limit, returning the rest of s. ok is false when there are no digits or the
// number exceeds limit.
func parseUint(s []byte, limit int) (n int, rest []byte, ok bool) {
	i := 0
	for ; i < len(s) && s[i] >= '0' && s[i] <= '9'; i++ {
		n = n*10 + int(s[i]-'0')
		if n > limit {
			return 0, s, false
		}
	}
	return n, s[i:], i > 0
}

// parseIndex parses an attribute or value that must be a whole number
// within limit, allowing surrounding spaces.
func parseIndex(s []byte, limit int) (int, bool) {
	n, rest, ok := parseUint(bytes.TrimSpace(s), limit)
	return n, ok && len(rest) == 0
}

// parseRange parses "A2:A17", or "A2" for a single cell.
func parseRange(s []byte) (Range, bool) {
	a, b, two := bytes.Cut(bytes.TrimSpace(s), []byte(":"))
	c1, r1, ok1 := parseRef(a)
	if !two {
		b = a
	}
	c2, r2, ok2 := parseRef(b)
	if !ok1 || !ok2 || c1 == 0 || r1 == 0 || c2 == 0 || r2 == 0 {
		return Range{}, false
	}
	return Range{FirstCol: min(c1, c2), FirstRow: min(r1, r2), LastCol: max(c1, c2), LastRow: max(r1, r2)}, true
}
