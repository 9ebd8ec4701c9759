package xlsxw

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// fileURI is the file at path as a URI reference, the form a link's
// relationship target takes. Excel writes a space in a file name as "%20"
// and refuses a target with a bare one ("unreadable content" in Excel 2007);
// a bare '#' would end the file name and start a place inside the file, and
// a bare '%' would start an escape. So these, the other characters a URI
// may not carry, and bytes that are not UTF-8 are written as %XX of their
// bytes; other characters, Chinese among them, stay as they are, as Excel
// writes them. An absolute path becomes a file: URI.
func fileURI(path string) string {
	var b strings.Builder
	i := 0
	switch {
	case strings.HasPrefix(path, "//"): // a Windows share, //server/folder
		b.WriteString("file:")
	case strings.HasPrefix(path, "/"):
		b.WriteString("file://")
	case len(path) >= 3 && path[1] == ':' && path[2] == '/' && ('A' <= path[0] && path[0] <= 'Z' || 'a' <= path[0] && path[0] <= 'z'):
		b.WriteString("file:///" + path[:2])
		i = 2
	}
	for i < len(path) {
		r, size := utf8.DecodeRuneInString(path[i:])
		// ':' too, or a relative "c:x.xlsx" would read as a URI of scheme c.
		if r <= ' ' || r == 0x7f || strings.ContainsRune("\"#%:<>?[\\]^`{|}", r) ||
			r == utf8.RuneError && size == 1 || r == 0xFFFE || r == 0xFFFF {
			for _, c := range []byte(path[i : i+size]) {
				fmt.Fprintf(&b, "%%%02X", c)
			}
		} else {
			b.WriteString(path[i : i+size])
		}
		i += size
	}
	return b.String()
}
