package xlsx

import (
	"bytes"
	"io"
)

// maxToken bounds one XML token (a tag with its attributes, or a run of
// character data). Excel's longest cell text, 32767 characters, takes at
// most 128 KiB in UTF-8 and a few times that as character references.
const maxToken = 1 << 20

type tokenKind uint8

const (
	tokEOF   tokenKind = iota
	tokStart           // start tag, or empty-element tag when selfClosing
	tokEnd             // end tag
	tokText            // character data, references not yet decoded
	tokCDATA           // CDATA section content
)

type attr struct{ name, value []byte }

// tokenizer splits a stream of XML into tokens. It understands just enough
// XML for OOXML parts: tags, attributes, character data, CDATA, and skips
// comments, processing instructions and declarations. Namespace prefixes
// are dropped from element and attribute names, and xmlns attributes
// ignored. The slices of a token are valid until the next call of next.
type tokenizer struct {
	r        io.Reader
	buf      []byte
	pos, end int   // unread input is buf[pos:end]
	base     int64 // stream offset of buf[0]
	eof      bool

	// the current token
	kind        tokenKind
	selfClosing bool
	name        []byte
	attrs       []attr
	text        []byte
	offset      int64 // stream offset of the token
}

func newTokenizer(r io.Reader) *tokenizer {
	return &tokenizer{r: r, buf: make([]byte, 64<<10), attrs: make([]attr, 0, 8)}
}

// newTokenizerBytes tokenizes data, which it reads in place and never
// changes.
func newTokenizerBytes(data []byte) *tokenizer {
	return &tokenizer{buf: data, end: len(data), eof: true, attrs: make([]attr, 0, 8)}
}

// fill reads more input, keeping buf[pos:end] and moving it to the front of
// the buffer. It reports false at the end of input.
func (t *tokenizer) fill() (bool, error) {
	if t.eof {
		return false, nil
	}
	if t.pos > 0 {
		t.end = copy(t.buf, t.buf[t.pos:t.end])
		t.base += int64(t.pos)
		t.pos = 0
	}
	if t.end == len(t.buf) {
		if len(t.buf) >= maxToken {
			return false, tooLarge("XML token longer than %d bytes", maxToken)
		}
		nb := make([]byte, min(2*len(t.buf), maxToken))
		copy(nb, t.buf[:t.end])
		t.buf = nb
	}
	for {
		n, err := t.r.Read(t.buf[t.end:])
		t.end += n
		if err == io.EOF {
			t.eof = true
			return n > 0, nil
		}
		if err != nil {
			return false, err
		}
		if n > 0 {
			return true, nil
		}
	}
}

// index returns the position, relative to pos, of the first sep at or after
// pos+from, reading more input as needed; -1 if input ends first.
func (t *tokenizer) index(from int, sep []byte) (int, error) {
	for {
		from = min(from, t.end-t.pos)
		var i int
		if len(sep) == 1 {
			i = bytes.IndexByte(t.buf[t.pos+from:t.end], sep[0])
		} else {
			i = bytes.Index(t.buf[t.pos+from:t.end], sep)
		}
		if i >= 0 {
			return from + i, nil
		}
		from = max(from, t.end-t.pos-len(sep)+1)
		ok, err := t.fill()
		if !ok {
			return -1, err
		}
	}
}

// ensure reads until at least n bytes are unread or input ends.
func (t *tokenizer) ensure(n int) error {
	for t.end-t.pos < n {
		if ok, err := t.fill(); !ok {
			return err
		}
	}
	return nil
}

var (
	sepLT      = []byte("<")
	sepGT      = []byte(">")
	sepComment = []byte("-->")
	sepPI      = []byte("?>")
	sepCDATA   = []byte("]]>")
	openCDATA  = []byte("<![CDATA[")
	openComm   = []byte("<!--")
)

// next reads the next token. A token longer than maxToken is an error
// whether the input is streamed, where the buffer cannot hold it, or read in
// place, so that a part gives the same tokens either way.
func (t *tokenizer) next() (tokenKind, error) {
	k, err := t.scan()
	if err == nil && t.r == nil && int64(t.pos)-t.offset > maxToken {
		return tokEOF, tooLarge("XML token longer than %d bytes", maxToken)
	}
	return k, err
}

func (t *tokenizer) scan() (tokenKind, error) {
	t.selfClosing, t.name, t.text, t.attrs = false, nil, nil, t.attrs[:0]
	for {
		t.kind = tokEOF
		if t.pos >= t.end {
			if ok, err := t.fill(); !ok {
				return tokEOF, err
			}
		}
		t.offset = t.base + int64(t.pos)
		if t.buf[t.pos] != '<' {
			return t.scanText()
		}
		if err := t.ensure(2); err != nil {
			return tokEOF, err
		}
		if t.end-t.pos < 2 {
			return tokEOF, syntaxError("unexpected end of input in a tag")
		}
		var skip []byte
		switch t.buf[t.pos+1] {
		case '/':
			return t.scanEndTag()
		case '?':
			skip = sepPI
		case '!':
			if err := t.ensure(len(openCDATA)); err != nil {
				return tokEOF, err
			}
			rest := t.buf[t.pos:t.end]
			switch {
			case bytes.HasPrefix(rest, openComm):
				skip = sepComment
			case bytes.HasPrefix(rest, openCDATA):
				return t.scanCDATA()
			default:
				skip = sepGT
			}
		default:
			return t.scanStartTag()
		}
		i, err := t.index(2, skip)
		if i < 0 {
			if err == nil {
				err = syntaxError("unterminated markup")
			}
			return tokEOF, err
		}
		t.pos += i + len(skip)
	}
}

func (t *tokenizer) scanText() (tokenKind, error) {
	i, err := t.index(0, sepLT)
	if err != nil {
		return tokEOF, err
	}
	if i < 0 {
		i = t.end - t.pos
	}
	t.kind, t.text = tokText, t.buf[t.pos:t.pos+i]
	t.pos += i
	return t.kind, nil
}

func (t *tokenizer) scanCDATA() (tokenKind, error) {
	i, err := t.index(len(openCDATA), sepCDATA)
	if i < 0 {
		if err == nil {
			err = syntaxError("unterminated CDATA section")
		}
		return tokEOF, err
	}
	t.kind, t.text = tokCDATA, t.buf[t.pos+len(openCDATA):t.pos+i]
	t.pos += i + len(sepCDATA)
	return t.kind, nil
}

func (t *tokenizer) scanEndTag() (tokenKind, error) {
	i, err := t.index(2, sepGT)
	if i < 0 {
		if err == nil {
			err = syntaxError("unterminated end tag")
		}
		return tokEOF, err
	}
	t.kind, t.name = tokEnd, localName(trimRightSpace(t.buf[t.pos+2:t.pos+i]))
	t.pos += i + 1
	return t.kind, nil
}

// scanStartTag reads a start tag, parsing it as it finds its end (the first
// '>' outside quotes: attribute values may contain '>'); a tag cut by the end
// of the buffer is parsed again once more input is in.
func (t *tokenizer) scanStartTag() (tokenKind, error) {
	for {
		n, err := t.parseStartTag(t.buf[t.pos+1 : t.end])
		if err != nil {
			return tokEOF, err
		}
		if n >= 0 {
			t.kind = tokStart
			t.pos += 1 + n
			return t.kind, nil
		}
		ok, err := t.fill()
		if !ok {
			if err == nil {
				err = syntaxError("unterminated start tag")
			}
			return tokEOF, err
		}
	}
}

// parseStartTag parses the start tag in s, which follows its '<'. It returns
// the tag's length up to and including '>', or -1 if s ends first.
func (t *tokenizer) parseStartTag(s []byte) (int, error) {
	t.attrs, t.selfClosing = t.attrs[:0], false
	i := 0
	for i < len(s) && !isSpace(s[i]) && s[i] != '>' && s[i] != '/' {
		i++
	}
	if i == len(s) {
		return -1, nil
	}
	if i == 0 {
		return 0, syntaxError("tag without a name")
	}
	t.name = localName(s[:i])
	for {
		for i < len(s) && isSpace(s[i]) {
			i++
		}
		if i == len(s) {
			return -1, nil
		}
		switch s[i] {
		case '>':
			return i + 1, nil
		case '/':
			if i+1 == len(s) {
				return -1, nil
			}
			if s[i+1] != '>' {
				return 0, syntaxError("stray '/' in <%s>", t.name)
			}
			t.selfClosing = true
			return i + 2, nil
		}
		start := i
		for i < len(s) && s[i] != '=' && !isSpace(s[i]) && s[i] != '>' && s[i] != '/' {
			i++
		}
		name := s[start:i]
		for i < len(s) && isSpace(s[i]) {
			i++
		}
		if i == len(s) {
			return -1, nil
		}
		if s[i] != '=' || len(name) == 0 {
			return 0, syntaxError("attribute without a value in <%s>", t.name)
		}
		for i++; i < len(s) && isSpace(s[i]); i++ {
		}
		if i == len(s) {
			return -1, nil
		}
		quote := s[i]
		if quote != '"' && quote != '\'' {
			return 0, syntaxError("unquoted attribute value in <%s>", t.name)
		}
		end := bytes.IndexByte(s[i+1:], quote)
		if end < 0 {
			return -1, nil
		}
		value := s[i+1 : i+1+end]
		i += end + 2
		if bytes.Equal(name, []byte("xmlns")) || bytes.HasPrefix(name, []byte("xmlns:")) {
			continue
		}
		t.attrs = append(t.attrs, attr{localName(name), value})
	}
}

// attr returns the raw value of the attribute with the given local name,
// nil if there is none.
func (t *tokenizer) attr(name string) []byte {
	for _, a := range t.attrs {
		if string(a.name) == name {
			return a.value
		}
	}
	return nil
}

// skipPast moves past the next occurrence of sep in the raw input, without
// tokenizing what lies before it. It reports false if input ends first.
func (t *tokenizer) skipPast(sep []byte) (bool, error) {
	for {
		if i := bytes.Index(t.buf[t.pos:t.end], sep); i >= 0 {
			t.pos += i + len(sep)
			return true, nil
		}
		t.pos = max(t.pos, t.end-len(sep)+1)
		if ok, err := t.fill(); !ok {
			return false, err
		}
	}
}

func localName(s []byte) []byte {
	if i := bytes.LastIndexByte(s, ':'); i >= 0 {
		return s[i+1:]
	}
	return s
}

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

func trimRightSpace(s []byte) []byte {
	for len(s) > 0 && isSpace(s[len(s)-1]) {
		s = s[:len(s)-1]
	}
	return s
}
