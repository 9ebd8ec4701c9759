package xlsxpatch

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strconv"
)

// sectionOrder is CT_Stylesheet's child order; a missing section is created
// before the next one that exists.
var sectionOrder = []string{"numFmts", "fonts", "fills", "borders", "cellStyleXfs", "cellXfs",
	"cellStyles", "dxfs", "tableStyles", "colors", "extLst"}

// section is one child of <styleSheet>: offsets of its start tag, its end
// (after the end tag) and of each of its own children.
type section struct {
	start, tagEnd, endTag, end int
	empty                      bool
	kids                       [][2]int
}

// styles is a styles part plus what the patch appends to it. Nothing already
// in it changes: new fills, fonts, borders, number formats and cell formats
// go after the existing ones, so every existing s="N" keeps its meaning.
type styles struct {
	doc     []byte
	prefix  string
	rootEnd int // offset of the root's end tag, -1 when the root is self-closing
	sec     map[string]*section

	add      map[string][][]byte // section → appended children
	addKey   map[string]map[string]int
	markXf   map[markStyle]int
	fillOf   map[string]int
	numFmts  map[string]int // format code (raw) → id, original and added
	fmtCode  map[int]string // id → format code, original ones
	maxNumFm int
}

type markStyle struct {
	xf   int
	fill string
}

func parseStyles(doc []byte) (*styles, error) {
	st := &styles{doc: doc, rootEnd: -1, sec: map[string]*section{}, add: map[string][][]byte{},
		addKey: map[string]map[string]int{}, markXf: map[markStyle]int{}, fillOf: map[string]int{},
		numFmts: map[string]int{}, fmtCode: map[int]string{}, maxNumFm: 163}
	s := newScanner(bytes.NewReader(doc))
	depth := 0
	var cur *section
	kidStart := 0
	for {
		err := s.scan()
		if err != nil {
			if errors.Is(err, io.EOF) {
				break
			}
			return nil, fmt.Errorf("styles at byte %d: %w", s.off, err)
		}
		off, next := int(s.off), int(s.next)
		switch s.kind {
		case tokStart, tokEmpty:
			name := tagName(s.tok)
			switch depth {
			case 0:
				st.prefix = prefixOf(name)
			case 1:
				cur = &section{start: off, tagEnd: next, end: next, empty: s.kind == tokEmpty}
				if _, dup := st.sec[string(localName(name))]; !dup {
					st.sec[string(localName(name))] = cur
				}
			case 2:
				kidStart = off
				if string(localName(name)) == "numFmt" {
					st.noteNumFmt(s.tok)
				}
			}
			if s.kind == tokEmpty {
				if depth == 2 && cur != nil {
					cur.kids = append(cur.kids, [2]int{off, next})
				}
				continue
			}
			depth++
		case tokEnd:
			depth--
			switch depth {
			case 0:
				st.rootEnd = off
			case 1:
				if cur != nil {
					cur.endTag, cur.end = off, next
				}
			case 2:
				if cur != nil {
					cur.kids = append(cur.kids, [2]int{kidStart, next})
				}
			}
		}
	}
	if depth != 0 {
		return nil, fmt.Errorf("styles: unbalanced XML")
	}
	return st, nil
}

func (st *styles) noteNumFmt(tag []byte) {
	id, err := strconv.Atoi(string(attrOr(tag, "numFmtId", "")))
	code, _ := attr(tag, "formatCode")
	if err != nil {
		return
	}
	st.fmtCode[id] = string(code)
	if _, ok := st.numFmts[string(code)]; !ok {
		st.numFmts[string(code)] = id
	}
	if id > st.maxNumFm {
		st.maxNumFm = id
	}
}

func attrOr(tag []byte, name, def string) []byte {
	if v, ok := attr(tag, name); ok {
		return v
	}
	return []byte(def)
}

// count is the number of children a section has now, appended ones included.
func (st *styles) count(sec string) int {
	n := len(st.add[sec])
	if s := st.sec[sec]; s != nil {
		n += len(s.kids)
	}
	return n
}

// kid returns the raw child i of a section, or nil.
func (st *styles) kid(sec string, i int) []byte {
	s := st.sec[sec]
	if s == nil || i < 0 || i >= len(s.kids) {
		return nil
	}
	return st.doc[s.kids[i][0]:s.kids[i][1]]
}

// appendKid adds raw to a section (once per distinct content) and returns its index.
func (st *styles) appendKid(sec string, raw []byte) int {
	keys := st.addKey[sec]
	if keys == nil {
		keys = map[string]int{}
		st.addKey[sec] = keys
	}
	if i, ok := keys[string(raw)]; ok {
		return i
	}
	i := st.count(sec)
	st.add[sec] = append(st.add[sec], raw)
	keys[string(raw)] = i
	return i
}

// defaultXf stands in for a missing or out-of-range cell format.
var defaultXf = []byte(`<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>`)

// markedXf returns the index of a cell format that is xf with a solid fill
// of colour argb; number format, font, border and alignment stay xf's.
func (st *styles) markedXf(xf int, argb string) int {
	k := markStyle{xf, argb}
	if i, ok := st.markXf[k]; ok {
		return i
	}
	if st.fillOf[argb] == 0 {
		st.reserveFills()
		st.fillOf[argb] = st.appendKid("fills", []byte(`<fill><patternFill patternType="solid"><fgColor rgb="`+
			argb+`"/><bgColor indexed="64"/></patternFill></fill>`))
	}
	base := st.kid("cellXfs", xf)
	if base == nil {
		base = defaultXf
	}
	raw := editFirstTag(base, func(tag []byte) []byte {
		tag = setAttr(tag, "fillId", strconv.Itoa(st.fillOf[argb]))
		return setAttr(tag, "applyFill", "1")
	})
	if st.count("cellXfs") == 0 {
		st.appendKid("cellXfs", defaultXf)
	}
	i := st.appendKid("cellXfs", raw)
	st.markXf[k] = i
	return i
}

// reserveFills makes sure fills 0 and 1, which Excel reserves, exist
// before a fill is added.
func (st *styles) reserveFills() {
	for st.count("fills") < 2 {
		st.appendKid("fills", []byte([]string{`<fill><patternFill patternType="none"/></fill>`,
			`<fill><patternFill patternType="gray125"/></fill>`}[st.count("fills")]))
	}
}

// editFirstTag applies f to the first tag of a raw element.
func editFirstTag(raw []byte, f func([]byte) []byte) []byte {
	s := newScanner(bytes.NewReader(raw))
	for s.scan() == nil {
		if s.kind == tokStart || s.kind == tokEmpty {
			tag := f(append([]byte(nil), s.tok...))
			return splice(raw, int(s.off), int(s.next), tag)
		}
	}
	return raw
}

// bytes returns the styles part with every addition in place.
func (st *styles) bytes() []byte {
	var edits []edit
	for i, name := range sectionOrder {
		add := st.add[name]
		if len(add) == 0 {
			continue
		}
		var body []byte
		for _, raw := range add {
			body = append(body, withPrefix(raw, st.prefix)...)
		}
		total := strconv.Itoa(st.count(name))
		if s := st.sec[name]; s != nil {
			tag := setAttr(st.doc[s.start:s.tagEnd], "count", total)
			if s.empty {
				tag = append(tag[:len(tag)-2:len(tag)-2], '>')
				tag = append(tag, body...)
				tag = append(tag, "</"+string(tagName(st.doc[s.start:s.tagEnd]))+">"...)
				edits = append(edits, edit{s.start, s.tagEnd, tag})
				continue
			}
			edits = append(edits, edit{s.start, s.tagEnd, tag})
			edits = append(edits, edit{s.endTag, s.endTag, body})
			continue
		}
		at := st.rootEnd
		for _, later := range sectionOrder[i+1:] {
			if s := st.sec[later]; s != nil {
				at = s.start
				break
			}
		}
		if at < 0 {
			continue // a self-closing root cannot be a usable styles part
		}
		q := st.prefix + name
		ins := []byte("<" + q + ` count="` + total + `">`)
		ins = append(ins, body...)
		ins = append(ins, "</"+q+">"...)
		edits = append(edits, edit{at, at, ins})
	}
	return applyEdits(st.doc, edits)
}

// withPrefix gives every unprefixed element name in raw the prefix p ("x:").
func withPrefix(raw []byte, p string) []byte {
	if p == "" {
		return raw
	}
	var out []byte
	s := newScanner(bytes.NewReader(raw))
	for s.scan() == nil {
		if s.kind == tokStart || s.kind == tokEmpty || s.kind == tokEnd {
			name := tagName(s.tok)
			if bytes.IndexByte(name, ':') < 0 {
				i := 1
				if s.kind == tokEnd {
					i = 2
				}
				out = append(out, s.tok[:i]...)
				out = append(out, p...)
				out = append(out, s.tok[i:]...)
				continue
			}
		}
		out = append(out, s.tok...)
	}
	return out
}
