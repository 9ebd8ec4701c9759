package xlsxpatch

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"path"
	"sort"
	"strconv"
	"strings"
)

const (
	nsRel       = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
	relBase     = nsRel + "/"
	ctComments  = "application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml"
	ctVML       = "application/vnd.openxmlformats-officedocument.vmlDrawing"
	ctWorksheet = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"
)

// maxSmallPart bounds the parts the patcher reads whole (workbook, styles,
// rels, comments, donor parts): a zip bomb must not exhaust memory.
const maxSmallPart = 256 << 20

// pkg is an OPC package opened for reading.
type pkg struct {
	files    []*zip.File
	byKey    map[string]*zip.File // lower-case part name → file: part names are case-insensitive
	inflated map[string][]byte    // parts the caller has inflated already, by zip name
}

func openPkg(zr *zip.Reader, inflated map[string][]byte) *pkg {
	p := &pkg{files: zr.File, byKey: make(map[string]*zip.File, len(zr.File)), inflated: inflated}
	for _, f := range zr.File {
		k := strings.ToLower(strings.TrimPrefix(f.Name, "/"))
		if _, dup := p.byKey[k]; !dup {
			p.byKey[k] = f
		}
	}
	return p
}

func (p *pkg) file(name string) *zip.File { return p.byKey[strings.ToLower(name)] }

func (p *pkg) has(name string) bool { return p.file(name) != nil }

// open reads f's content, from the caller's inflated copy when there is one.
func (p *pkg) open(f *zip.File) (io.ReadCloser, error) {
	if b, ok := p.inflated[f.Name]; ok {
		return inMemory{bytes.NewReader(b)}, nil
	}
	return f.Open()
}

// inMemory is a part read from memory. It keeps bytes.Reader's Len, by which
// newScanner sizes its buffer to the part.
type inMemory struct{ *bytes.Reader }

func (inMemory) Close() error { return nil }

// read returns a small part whole, which the caller must not modify; a
// missing part is (nil, nil).
func (p *pkg) read(name string) ([]byte, error) {
	f := p.file(name)
	if f == nil {
		return nil, nil
	}
	if b, ok := p.inflated[f.Name]; ok && len(b) <= maxSmallPart {
		return b, nil
	}
	rc, err := f.Open()
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	defer rc.Close()
	b, err := io.ReadAll(io.LimitReader(rc, maxSmallPart+1))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	if len(b) > maxSmallPart {
		return nil, fmt.Errorf("%s: part larger than %d MiB", name, maxSmallPart>>20)
	}
	return b, nil
}

// rel is one relationship of a part.
type rel struct {
	ID     string `xml:"Id,attr"`
	Type   string `xml:"Type,attr"`
	Target string `xml:"Target,attr"`
	Mode   string `xml:"TargetMode,attr"`
}

func (r rel) external() bool { return strings.EqualFold(r.Mode, "External") }

// is reports whether the relationship has the given kind ("worksheet",
// "comments"…), in the transitional or the strict namespace.
func (r rel) is(kind string) bool { return strings.HasSuffix(r.Type, "/"+kind) }

func parseRels(name string, b []byte) ([]rel, error) {
	if b == nil {
		return nil, nil
	}
	var doc struct {
		Rels []rel `xml:"Relationship"`
	}
	if err := xml.Unmarshal(b, &doc); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return doc.Rels, nil
}

// relsName is the relationships part of part: xl/workbook.xml → xl/_rels/workbook.xml.rels.
func relsName(part string) string {
	dir, file := path.Split(part)
	return dir + "_rels/" + file + ".rels"
}

// resolve turns a relationship target of part "from" into a part name.
func resolve(from, target string) string {
	if strings.HasPrefix(target, "/") {
		return path.Clean(target)[1:]
	}
	return strings.TrimPrefix(path.Join(path.Dir(from), target), "/")
}

// relTarget is the relative target that points from part "from" to part "to".
func relTarget(from, to string) string {
	fromDir := strings.Split(path.Dir(from), "/")
	toParts := strings.Split(to, "/")
	if path.Dir(from) == "." {
		fromDir = nil
	}
	i := 0
	for i < len(fromDir) && i < len(toParts)-1 && fromDir[i] == toParts[i] {
		i++
	}
	return strings.Repeat("../", len(fromDir)-i) + strings.Join(toParts[i:], "/")
}

// unusedRelID returns "rIdN" for the smallest N above every numeric id in rels.
func unusedRelID(rels []rel, taken map[string]bool) string {
	n := len(rels)
	for _, r := range rels {
		if v, err := strconv.Atoi(strings.TrimPrefix(r.ID, "rId")); err == nil && v > n {
			n = v
		}
	}
	for {
		n++
		id := "rId" + strconv.Itoa(n)
		if !taken[id] {
			taken[id] = true
			return id
		}
	}
}

// appendRels returns the relationships part b (nil: a new one) with add appended.
func appendRels(b []byte, add []rel) []byte {
	var buf bytes.Buffer
	for _, r := range add {
		buf.WriteString(`<Relationship Id="`)
		xml.EscapeText(&buf, []byte(r.ID))
		buf.WriteString(`" Type="`)
		xml.EscapeText(&buf, []byte(r.Type))
		buf.WriteString(`" Target="`)
		xml.EscapeText(&buf, []byte(r.Target))
		if r.Mode != "" {
			buf.WriteString(`" TargetMode="`)
			xml.EscapeText(&buf, []byte(r.Mode))
		}
		buf.WriteString(`"/>`)
	}
	if b == nil {
		return []byte(xml.Header + `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
			buf.String() + `</Relationships>`)
	}
	return insertBeforeClose(b, "Relationships", buf.Bytes())
}

// insertBeforeClose puts ins just before the root's end tag (expanding a
// self-closing root); the root's prefix is applied by the caller's content.
func insertBeforeClose(doc []byte, root string, ins []byte) []byte {
	if i := lastEndTag(doc, root); i >= 0 {
		return splice(doc, i, i, ins)
	}
	// <Relationships .../> has no end tag.
	if s, e, ok := findTag(doc, root); ok && doc[e-2] == '/' {
		name := tagName(doc[s:e])
		out := splice(doc, e-2, e, []byte(">"))
		end := append([]byte(">"), ins...)
		end = append(end, "</"+string(name)+">"...)
		return splice(out, e-2, e-1, end)
	}
	return doc
}

// lastEndTag finds the offset of the last </local> or </p:local>.
func lastEndTag(doc []byte, local string) int {
	for i := len(doc); ; {
		j := bytes.LastIndex(doc[:i], []byte("</"))
		if j < 0 {
			return -1
		}
		if string(localName(tagName(doc[j:]))) == local {
			return j
		}
		i = j
	}
}

// findTag finds the first start or empty tag with the given local name.
func findTag(doc []byte, local string) (start, end int, ok bool) {
	s := newScanner(bytes.NewReader(doc))
	for s.scan() == nil {
		if (s.kind == tokStart || s.kind == tokEmpty) && string(localName(tagName(s.tok))) == local {
			return int(s.off), int(s.next), true
		}
	}
	return 0, 0, false
}

// edit replaces doc[at:to] with ins.
type edit struct {
	at, to int
	ins    []byte
}

// applyEdits applies non-overlapping edits, back to front so offsets hold;
// at one offset a replacement goes before an insertion so that the inserted
// bytes end up in front of the replaced ones.
func applyEdits(doc []byte, edits []edit) []byte {
	sort.SliceStable(edits, func(i, j int) bool {
		if edits[i].at != edits[j].at {
			return edits[i].at > edits[j].at
		}
		return edits[i].to > edits[j].to
	})
	out := append([]byte(nil), doc...)
	for _, e := range edits {
		out = splice(out, e.at, e.to, e.ins)
	}
	return out
}

func splice(b []byte, from, to int, ins []byte) []byte {
	out := make([]byte, 0, len(b)-(to-from)+len(ins))
	out = append(out, b[:from]...)
	out = append(out, ins...)
	return append(out, b[to:]...)
}

// escape is XML text escaping into a string.
func escape(s string) string {
	var b strings.Builder
	xml.EscapeText(&b, []byte(s))
	return b.String()
}
