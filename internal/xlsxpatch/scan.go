package xlsxpatch

import (
	"bufio"
	"bytes"
	"errors"
	"io"
)

// tokKind classifies what the scanner returns.
type tokKind int

const (
	tokText  tokKind = iota // character data between tags (possibly a chunk of it)
	tokStart                // <a ...>
	tokEnd                  // </a>
	tokEmpty                // <a .../>
	tokOther                // comment, processing instruction, CDATA, doctype
)

// maxTag bounds one tag so that a hostile part without '>' cannot make the
// scanner buffer the whole stream.
const maxTag = 8 << 20

var (
	errTagTooLong = errors.New("XML tag longer than 8 MiB")
	errNotSheet   = errors.New("not worksheet XML")
)

// scanner splits an XML byte stream into tags and text without decoding it:
// the patcher copies almost everything verbatim, and encoding/xml would cost
// about four times as much while losing the original bytes.
type scanner struct {
	r    *bufio.Reader
	tok  []byte // current token, valid until the next call
	kind tokKind
	off  int64 // stream offset of the current token, for error positions
	next int64
}

func newScanner(r io.Reader) *scanner {
	size := 256 << 10
	if l, ok := r.(interface{ Len() int }); ok { // a small part in memory needs no big buffer
		size = min(size, l.Len()+16)
	}
	return &scanner{r: bufio.NewReaderSize(r, size)}
}

// scan reads the next token; it returns io.EOF at the end of the stream.
func (s *scanner) scan() error {
	s.off = s.next
	s.tok = s.tok[:0]
	b, err := s.r.ReadByte()
	if err != nil {
		return err
	}
	if b != '<' {
		s.kind = tokText
		s.tok = append(s.tok, b)
		err = s.readText()
		s.next += int64(len(s.tok))
		return err
	}
	s.tok = append(s.tok, b)
	peek, _ := s.r.Peek(8)
	switch {
	case bytes.HasPrefix(peek, []byte("!--")):
		s.kind = tokOther
		err = s.readUntil("-->")
	case bytes.HasPrefix(peek, []byte("![CDATA[")):
		s.kind = tokOther
		err = s.readUntil("]]>")
	case bytes.HasPrefix(peek, []byte("?")):
		s.kind = tokOther
		err = s.readUntil("?>")
	case bytes.HasPrefix(peek, []byte("!")):
		s.kind = tokOther
		err = s.readUntil(">")
	default:
		err = s.readTag()
	}
	s.next += int64(len(s.tok))
	if err == io.EOF {
		return io.ErrUnexpectedEOF
	}
	return err
}

// readText reads character data up to the next '<', in chunks of at most
// 32 KiB so that a long text never has to be held whole.
func (s *scanner) readText() error {
	for len(s.tok) < 32<<10 {
		chunk, err := s.r.ReadSlice('<')
		switch err {
		case nil:
			s.tok = append(s.tok, chunk[:len(chunk)-1]...)
			return s.r.UnreadByte()
		case bufio.ErrBufferFull:
			s.tok = append(s.tok, chunk...)
		case io.EOF:
			s.tok = append(s.tok, chunk...)
			return nil
		default:
			return err
		}
	}
	return nil
}

func (s *scanner) readUntil(end string) error {
	last := end[len(end)-1]
	for {
		chunk, err := s.r.ReadSlice(last)
		s.tok = append(s.tok, chunk...)
		if len(s.tok) > maxTag {
			return errTagTooLong
		}
		switch err {
		case nil:
			if len(s.tok) > len(end) && bytes.HasSuffix(s.tok, []byte(end)) {
				return nil
			}
		case bufio.ErrBufferFull:
		default:
			return err
		}
	}
}

// readTag reads up to the '>' that closes the tag, skipping quoted values.
func (s *scanner) readTag() error {
	var quote byte
	from := len(s.tok)
	for {
		chunk, err := s.r.ReadSlice('>')
		s.tok = append(s.tok, chunk...)
		if len(s.tok) > maxTag {
			return errTagTooLong
		}
		if err == bufio.ErrBufferFull {
			continue
		}
		if err != nil {
			return err
		}
		for _, c := range s.tok[from : len(s.tok)-1] {
			switch {
			case quote != 0:
				if c == quote {
					quote = 0
				}
			case c == '"' || c == '\'':
				quote = c
			}
		}
		from = len(s.tok)
		if quote != 0 {
			continue // a '>' inside a quoted value
		}
		switch {
		case len(s.tok) > 1 && s.tok[1] == '/':
			s.kind = tokEnd
		case s.tok[len(s.tok)-2] == '/':
			s.kind = tokEmpty
		default:
			s.kind = tokStart
		}
		return nil
	}
}

// copyThrough writes the raw bytes up to and including the next occurrence
// of end to w and reports true, provided they are already buffered and hold
// no comment, CDATA section or processing instruction (where end could
// appear without being a tag). Otherwise it consumes nothing and reports false.
func (s *scanner) copyThrough(w io.Writer, end []byte) (bool, error) {
	buf, _ := s.r.Peek(s.r.Buffered())
	i := indexTag(buf, end)
	if i < 0 && s.r.Buffered() < s.r.Size()/2 {
		buf, _ = s.r.Peek(s.r.Size())
		i = indexTag(buf, end)
	}
	if i < 0 || hasMarkup(buf[:i]) {
		return false, nil
	}
	n := i + len(end)
	if _, err := w.Write(buf[:n]); err != nil {
		return false, err
	}
	s.r.Discard(n)
	s.next += int64(n)
	return true, nil
}

// indexTag is bytes.Index for an end tag such as "</row>": it looks for the
// tag's last letter, which is rare in sheet XML, instead of for '<', which
// is everywhere.
func indexTag(b, end []byte) int {
	k := len(end) - 2
	for from := k; from < len(b); {
		j := bytes.IndexByte(b[from:], end[k])
		if j < 0 {
			return -1
		}
		start := from + j - k
		if start+len(end) <= len(b) && bytes.Equal(b[start:start+len(end)], end) {
			return start
		}
		from += j + 1
	}
	return -1
}

// hasMarkup reports whether b holds "<!" or "<?".
func hasMarkup(b []byte) bool {
	if bytes.IndexByte(b, '!') < 0 && bytes.IndexByte(b, '?') < 0 {
		return false
	}
	return bytes.Contains(b, []byte("<!")) || bytes.Contains(b, []byte("<?"))
}

// tagName returns the qualified name of a start, end or empty tag.
func tagName(tag []byte) []byte {
	if len(tag) == 0 {
		return nil
	}
	i := 1
	if len(tag) > 1 && tag[1] == '/' {
		i = 2
	}
	j := i
	for j < len(tag) && !isSpace(tag[j]) && tag[j] != '>' && tag[j] != '/' {
		j++
	}
	return tag[i:j]
}

// localName strips a namespace prefix.
func localName(qname []byte) []byte {
	if i := bytes.IndexByte(qname, ':'); i >= 0 {
		return qname[i+1:]
	}
	return qname
}

// prefixOf returns "x:" for "x:row" and "" for "row".
func prefixOf(qname []byte) string {
	if i := bytes.IndexByte(qname, ':'); i >= 0 {
		return string(qname[:i+1])
	}
	return ""
}

// isXMLName reports whether name is an XML name, prefixed or not: no
// quotes, markup or other punctuation a copy of it could be broken by.
func isXMLName(name []byte) bool {
	if len(name) == 0 || name[0] == ':' || name[len(name)-1] == ':' || bytes.Count(name, []byte(":")) > 1 {
		return false
	}
	for i, c := range name {
		switch {
		case c >= 0x80, 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', c == '_', c == ':':
		case i > 0 && ('0' <= c && c <= '9' || c == '-' || c == '.'):
		default:
			return false
		}
	}
	return true
}

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

// attrSpan finds attribute name in tag and returns the start and end of its
// value (without quotes); ok is false when the attribute is absent.
// The name is matched exactly, prefix included.
func attrSpan(tag []byte, name string) (start, end int, ok bool) {
	_, start, end, ok = attrFind(tag, name)
	return
}

// attrFind is attrSpan that also reports where the attribute's name starts.
func attrFind(tag []byte, name string) (nameStart, start, end int, ok bool) {
	i := 1 + len(tagName(tag))
	for i < len(tag) {
		for i < len(tag) && isSpace(tag[i]) {
			i++
		}
		ns := i
		for i < len(tag) && tag[i] != '=' && !isSpace(tag[i]) && tag[i] != '>' && tag[i] != '/' {
			i++
		}
		ne := i
		for i < len(tag) && isSpace(tag[i]) {
			i++
		}
		if i >= len(tag) || tag[i] != '=' {
			if ne == ns {
				i++ // '/' or '>' or junk: step over it
			}
			continue
		}
		i++
		for i < len(tag) && isSpace(tag[i]) {
			i++
		}
		if i >= len(tag) || (tag[i] != '"' && tag[i] != '\'') {
			return 0, 0, 0, false
		}
		q := tag[i]
		vs := i + 1
		ve := bytes.IndexByte(tag[vs:], q)
		if ve < 0 {
			return 0, 0, 0, false
		}
		ve += vs
		if string(tag[ns:ne]) == name {
			return ns, vs, ve, true
		}
		i = ve + 1
	}
	return 0, 0, 0, false
}

// attr returns the raw (still escaped) value of attribute name.
func attr(tag []byte, name string) ([]byte, bool) {
	s, e, ok := attrSpan(tag, name)
	if !ok {
		return nil, false
	}
	return tag[s:e], true
}

// setAttr returns tag with attribute name set to the already escaped value,
// replacing it in place or adding it before the closing '>' or '/>'.
func setAttr(tag []byte, name, value string) []byte {
	out := make([]byte, 0, len(tag)+len(name)+len(value)+4)
	if s, e, ok := attrSpan(tag, name); ok {
		out = append(out, tag[:s]...)
		out = append(out, value...)
		return append(out, tag[e:]...)
	}
	end := len(tag) - 1
	if end > 0 && tag[end-1] == '/' {
		end--
	}
	out = append(out, tag[:end]...)
	out = append(out, ' ')
	out = append(out, name...)
	out = append(out, '=', '"')
	out = append(out, value...)
	out = append(out, '"')
	return append(out, tag[end:]...)
}

// removeAttr returns tag without attribute name.
func removeAttr(tag []byte, name string) []byte {
	ns, _, e, ok := attrFind(tag, name)
	if !ok {
		return tag
	}
	for ns > 0 && isSpace(tag[ns-1]) {
		ns--
	}
	out := make([]byte, 0, len(tag))
	out = append(out, tag[:ns]...)
	return append(out, tag[e+1:]...)
}

// isTrue reads an xsd:boolean.
func isTrue(v []byte) bool { return string(v) == "1" || string(v) == "true" }
