package xlsxpatch

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"path"
	"strconv"
	"strings"
)

// newPart is a part the patch adds to the package.
type newPart struct {
	name, ctype string
	data        []byte
}

// newSheet is a transplanted sheet: its name, its part and the defined
// names local to it (raw <definedName> elements, localSheetId still the donor's).
type newSheet struct {
	name, part string
	names      [][]byte
}

// workbookInfo is what the patcher needs from a workbook part.
type workbookInfo struct {
	part   string
	rels   []rel
	sheets []sheetInfo
	names  [][]byte // raw <definedName> elements
}

type sheetInfo struct {
	name, rid, part string
	id              int
}

// readWorkbook finds the workbook part through the package relationships and
// lists its sheets with their parts.
func readWorkbook(p *pkg) (*workbookInfo, []byte, error) {
	b, err := p.read("_rels/.rels")
	if err != nil {
		return nil, nil, err
	}
	rels, err := parseRels("_rels/.rels", b)
	if err != nil {
		return nil, nil, err
	}
	wb := &workbookInfo{part: "xl/workbook.xml"}
	for _, r := range rels {
		if r.is("officeDocument") && !r.external() {
			wb.part = resolve("", r.Target)
			break
		}
	}
	doc, err := p.read(wb.part)
	if err != nil {
		return nil, nil, err
	}
	if doc == nil {
		return nil, nil, fmt.Errorf("%s: %w", wb.part, ErrNoWorkbook)
	}
	b, err = p.read(relsName(wb.part))
	if err != nil {
		return nil, nil, err
	}
	if wb.rels, err = parseRels(relsName(wb.part), b); err != nil {
		return nil, nil, err
	}
	var x struct {
		Sheets []struct {
			Name string `xml:"name,attr"`
			ID   int    `xml:"sheetId,attr"`
			RID  string `xml:"http://schemas.openxmlformats.org/officeDocument/2006/relationships id,attr"`
			SRID string `xml:"http://purl.oclc.org/ooxml/officeDocument/relationships id,attr"`
		} `xml:"sheets>sheet"`
	}
	if err := xml.Unmarshal(doc, &x); err != nil {
		return nil, nil, fmt.Errorf("%s: %w", wb.part, err)
	}
	for _, s := range x.Sheets {
		si := sheetInfo{name: s.Name, rid: s.RID, id: s.ID}
		if si.rid == "" {
			si.rid = s.SRID
		}
		for _, r := range wb.rels {
			if r.ID == si.rid && !r.external() {
				si.part = resolve(wb.part, r.Target)
			}
		}
		wb.sheets = append(wb.sheets, si)
	}
	wb.names = elements(doc, 2, "definedName")
	return wb, doc, nil
}

// elements returns the raw elements with the given local name at depth d.
func elements(doc []byte, d int, local string) [][]byte {
	var out [][]byte
	s := newScanner(bytes.NewReader(doc))
	depth, start := 0, -1
	for s.scan() == nil {
		switch s.kind {
		case tokStart, tokEmpty:
			if depth == d && string(localName(tagName(s.tok))) == local {
				if s.kind == tokEmpty {
					out = append(out, doc[s.off:s.next])
					continue
				}
				start = int(s.off)
			}
			if s.kind == tokStart {
				depth++
			}
		case tokEnd:
			depth--
			if depth == d && start >= 0 {
				out = append(out, doc[start:s.next])
				start = -1
			}
		}
	}
	return out
}

// contentTypes maps part names and extensions to content types.
type contentTypes struct {
	defaults  map[string]string
	overrides map[string]string
}

func parseContentTypes(b []byte) (*contentTypes, error) {
	var x struct {
		Defaults []struct {
			Ext string `xml:"Extension,attr"`
			CT  string `xml:"ContentType,attr"`
		} `xml:"Default"`
		Overrides []struct {
			Part string `xml:"PartName,attr"`
			CT   string `xml:"ContentType,attr"`
		} `xml:"Override"`
	}
	if err := xml.Unmarshal(b, &x); err != nil {
		return nil, fmt.Errorf("[Content_Types].xml: %w", err)
	}
	ct := &contentTypes{defaults: map[string]string{}, overrides: map[string]string{}}
	for _, d := range x.Defaults {
		ct.defaults[strings.ToLower(d.Ext)] = d.CT
	}
	for _, o := range x.Overrides {
		ct.overrides[strings.ToLower(strings.TrimPrefix(o.Part, "/"))] = o.CT
	}
	return ct, nil
}

func (ct *contentTypes) of(part string) string {
	if t, ok := ct.overrides[strings.ToLower(part)]; ok {
		return t
	}
	return ct.defaults[strings.ToLower(strings.TrimPrefix(path.Ext(part), "."))]
}

// namer hands out part names no part of the package uses yet.
type namer struct{ taken map[string]bool }

func (n *namer) fresh(name string) string {
	dir, file := path.Split(name)
	ext := path.Ext(file)
	base := strings.TrimRight(strings.TrimSuffix(file, ext), "0123456789")
	for i := 1; ; i++ {
		c := dir + base + strconv.Itoa(i) + ext
		if !n.taken[strings.ToLower(c)] {
			n.taken[strings.ToLower(c)] = true
			return c
		}
	}
}

// pair returns the smallest n for which both a<n>ax and b<n>bx are free, and takes them.
func (n *namer) pair(a, ax, b, bx string) int {
	for i := 1; ; i++ {
		x, y := strings.ToLower(a+strconv.Itoa(i)+ax), strings.ToLower(b+strconv.Itoa(i)+bx)
		if !n.taken[x] && !n.taken[y] {
			n.taken[x], n.taken[y] = true, true
			return i
		}
	}
}

// transplanter copies sheets of a donor workbook into the patched package.
type transplanter struct {
	donor  *pkg
	ct     *contentTypes
	shared [][]byte // donor shared strings: raw content of each <si>
	styles *styleImport
	names  *namer
	copied map[string]string // donor part → new part
	parts  []newPart
}

func newTransplanter(donor *pkg, wb *workbookInfo, dst *styles, names *namer) (*transplanter, error) {
	b, err := donor.read("[Content_Types].xml")
	if err != nil {
		return nil, err
	}
	ct, err := parseContentTypes(b)
	if err != nil {
		return nil, fmt.Errorf("donor %w", err)
	}
	t := &transplanter{donor: donor, ct: ct, names: names, copied: map[string]string{}}
	ss, err := donor.read(wb.partOf("sharedStrings"))
	if err != nil {
		return nil, err
	}
	for _, si := range elements(ss, 1, "si") {
		t.shared = append(t.shared, innerOf(si))
	}
	sb, err := donor.read(wb.partOf("styles"))
	if err != nil {
		return nil, err
	}
	src, err := parseStyles(sb)
	if err != nil {
		return nil, fmt.Errorf("donor %w", err)
	}
	t.styles = &styleImport{dst: dst, src: src, xf: map[int]int{}}
	return t, nil
}

// partOf is the part the workbook relates to with the given kind, or "".
func (wb *workbookInfo) partOf(kind string) string {
	for _, r := range wb.rels {
		if r.is(kind) && !r.external() {
			return resolve(wb.part, r.Target)
		}
	}
	return ""
}

// innerOf strips an element's own start and end tags.
func innerOf(el []byte) []byte {
	_, e, ok := findTag(el, string(localName(tagName(el))))
	end := bytes.LastIndex(el, []byte("</"))
	if !ok || el[e-2] == '/' || end < e {
		return nil
	}
	return el[e:end]
}

// sheet transplants one donor sheet; selected says whether it is the tab shown.
func (t *transplanter) sheet(si sheetInfo, wbNames [][]byte, pos int, selected bool) (newSheet, error) {
	b, err := t.donor.read(si.part)
	if err != nil {
		return newSheet{}, err
	}
	if b == nil {
		return newSheet{}, fmt.Errorf("donor sheet %q: part %s missing", si.name, si.part)
	}
	data, err := t.rewrite(b, selected)
	if err != nil {
		return newSheet{}, fmt.Errorf("donor sheet %q: %w", si.name, err)
	}
	part, err := t.copyPart(si.part, data)
	if err != nil {
		return newSheet{}, err
	}
	ns := newSheet{name: si.name, part: part}
	for _, n := range wbNames {
		if v, ok := attr(n, "localSheetId"); ok && string(v) == strconv.Itoa(pos) {
			ns.names = append(ns.names, n)
		}
	}
	return ns, nil
}

// copyPart copies a donor part (with data instead of its content when data is
// not nil) and everything it refers to, under fresh names.
func (t *transplanter) copyPart(name string, data []byte) (string, error) {
	if n, ok := t.copied[strings.ToLower(name)]; ok {
		return n, nil
	}
	if data == nil {
		b, err := t.donor.read(name)
		if err != nil {
			return "", err
		}
		if b == nil {
			return "", fmt.Errorf("donor part %s missing", name)
		}
		data = b
	}
	fresh := t.names.fresh(name)
	t.copied[strings.ToLower(name)] = fresh
	t.parts = append(t.parts, newPart{name: fresh, ctype: t.ct.of(name), data: data})
	rb, err := t.donor.read(relsName(name))
	if err != nil {
		return "", err
	}
	rels, err := parseRels(relsName(name), rb)
	if err != nil {
		return "", err
	}
	if len(rels) == 0 {
		return fresh, nil
	}
	for i, r := range rels {
		if r.external() {
			continue
		}
		child, err := t.copyPart(resolve(name, r.Target), nil)
		if err != nil {
			return "", err
		}
		rels[i].Target = relTarget(fresh, child)
	}
	t.parts = append(t.parts, newPart{name: relsName(fresh),
		ctype: "application/vnd.openxmlformats-package.relationships+xml", data: appendRels(nil, rels)})
	return fresh, nil
}

// rewrite remaps a donor sheet's cell formats into the patched styles and
// turns its shared strings into inline strings, so that the original's
// sharedStrings part stays as it was.
func (t *transplanter) rewrite(doc []byte, selected bool) ([]byte, error) {
	var out bytes.Buffer
	s := newScanner(bytes.NewReader(doc))
	depth := 0
	var inViews, viewSeen, sharedCell, inV bool
	var v []byte
	for {
		err := s.scan()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, &PartError{Offset: s.off, Err: err}
		}
		tok := s.tok
		switch s.kind {
		case tokStart, tokEmpty:
			local := string(localName(tagName(tok)))
			switch {
			case depth == 1:
				inViews = local == "sheetViews"
			case depth == 2 && inViews && local == "sheetView":
				tok = removeAttr(tok, "tabSelected")
				if selected && !viewSeen {
					tok = setAttr(tok, "tabSelected", "1")
				}
				viewSeen = true
			case depth == 2 && local == "col":
				tok = t.restyle(tok, "style")
			case depth == 2 && local == "row":
				tok = t.restyle(tok, "s")
			case depth == 3 && local == "c":
				tok = t.restyle(tok, "s")
				if string(attrOr(tok, "t", "")) == "s" {
					if s.kind == tokEmpty {
						tok = removeAttr(tok, "t")
					} else {
						tok = setAttr(tok, "t", "inlineStr")
						sharedCell = true
					}
				}
			case depth == 4 && sharedCell && local == "v":
				if s.kind == tokEmpty {
					p := prefixOf(tagName(tok))
					out.WriteString("<" + p + "is><" + p + "t></" + p + "t></" + p + "is>")
					continue
				}
				inV, v = true, v[:0]
				depth++
				continue
			}
			if s.kind == tokStart {
				depth++
			}
		case tokText:
			if inV {
				v = append(v, tok...)
				continue
			}
		case tokEnd:
			depth--
			if inV && depth == 4 {
				inV = false
				i, err := strconv.Atoi(strings.TrimSpace(string(v)))
				if err != nil || i < 0 || i >= len(t.shared) {
					return nil, &PartError{Offset: s.off, Err: fmt.Errorf("shared string index %q out of range", v)}
				}
				p := prefixOf(tagName(tok))
				out.WriteString("<" + p + "is>")
				out.Write(withPrefix(t.shared[i], p))
				out.WriteString("</" + p + "is>")
				continue
			}
			if depth == 3 {
				sharedCell = false
			}
		}
		out.Write(tok)
	}
	return out.Bytes(), nil
}

func (t *transplanter) restyle(tok []byte, name string) []byte {
	v, ok := attr(tok, name)
	if !ok {
		return tok
	}
	i, err := strconv.Atoi(string(v))
	if err != nil {
		return removeAttr(tok, name)
	}
	return setAttr(tok, name, strconv.Itoa(t.styles.xfIndex(i)))
}

// styleImport appends a donor's cell formats, with their fonts, fills,
// borders and number formats, to the patched styles. Index 0 of each list
// maps to the original's default, so the new sheets share its look.
type styleImport struct {
	dst, src *styles
	xf       map[int]int
}

func (m *styleImport) xfIndex(i int) int {
	if i <= 0 {
		return 0
	}
	if n, ok := m.xf[i]; ok {
		return n
	}
	raw := m.src.kid("cellXfs", i)
	if raw == nil {
		return 0
	}
	raw = editFirstTag(raw, func(tag []byte) []byte {
		tag = m.remap(tag, "numFmtId", m.numFmt)
		tag = m.remap(tag, "fontId", func(i int) int { return m.kid("fonts", i, 1) })
		tag = m.remap(tag, "fillId", func(i int) int { return m.kid("fills", i, 2) })
		tag = m.remap(tag, "borderId", func(i int) int { return m.kid("borders", i, 1) })
		return m.remap(tag, "xfId", func(int) int { return 0 })
	})
	if m.dst.count("cellXfs") == 0 {
		m.dst.appendKid("cellXfs", defaultXf)
	}
	n := m.dst.appendKid("cellXfs", raw)
	m.xf[i] = n
	return n
}

func (m *styleImport) remap(tag []byte, name string, f func(int) int) []byte {
	v, ok := attr(tag, name)
	if !ok {
		return tag
	}
	i, err := strconv.Atoi(string(v))
	if err != nil {
		return removeAttr(tag, name)
	}
	return setAttr(tag, name, strconv.Itoa(f(i)))
}

// kid copies child i of a donor section; the first keep indexes are the
// reserved defaults and map to themselves.
func (m *styleImport) kid(sec string, i, keep int) int {
	if i < keep {
		return i
	}
	if sec == "fills" {
		m.dst.reserveFills()
	}
	raw := m.src.kid(sec, i)
	if raw == nil {
		return 0
	}
	return m.dst.appendKid(sec, raw)
}

func (m *styleImport) numFmt(id int) int {
	code, ok := m.src.fmtCode[id]
	if id < 164 || !ok {
		return id
	}
	if n, ok := m.dst.numFmts[code]; ok {
		return n
	}
	m.dst.maxNumFm++
	n := m.dst.maxNumFm
	m.dst.numFmts[code] = n
	m.dst.appendKid("numFmts", []byte(`<numFmt numFmtId="`+strconv.Itoa(n)+`" formatCode="`+code+`"/>`))
	return n
}
