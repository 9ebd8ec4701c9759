package xlsxpatch

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"sort"
	"strconv"
	"strings"

	"fundcheck/internal/cellref"
)

// note is one cell's comment: its text kept as the raw content of <text>
// so that an existing note's rich text survives the merge.
type note struct {
	row, col int
	author   string
	text     string // raw CT_Rst content
	w, h     int    // box size in pixels, 0: the default
}

// notesPart is the comments of one sheet, existing and new.
type notesPart struct {
	rootTag string // the original <comments ...> start tag: keeps its namespace declarations
	pfx     string
	notes   []note
	at      map[[2]int]int
}

func newNotesPart() *notesPart {
	return &notesPart{rootTag: `<comments xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">`,
		at: map[[2]int]int{}}
}

// parseNotes reads an existing comments part.
func parseNotes(name string, b []byte) (*notesPart, error) {
	np := newNotesPart()
	if s, e, ok := findTag(b, "comments"); ok && b[e-2] != '/' {
		np.rootTag = string(b[s:e])
		np.pfx = prefixOf(tagName(b[s:e]))
	}
	var doc struct {
		Authors []string `xml:"authors>author"`
		List    []struct {
			Ref      string `xml:"ref,attr"`
			AuthorID int    `xml:"authorId,attr"`
			Text     struct {
				Inner string `xml:",innerxml"`
			} `xml:"text"`
		} `xml:"commentList>comment"`
	}
	if err := xml.Unmarshal(b, &doc); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	for _, c := range doc.List {
		row, col, ok := parseRef([]byte(c.Ref))
		if !ok {
			continue
		}
		author := ""
		if c.AuthorID >= 0 && c.AuthorID < len(doc.Authors) {
			author = doc.Authors[c.AuthorID]
		}
		np.addRaw(row, col, author, c.Text.Inner)
	}
	return np, nil
}

func (np *notesPart) addRaw(row, col int, author, raw string) {
	k := [2]int{row, col}
	if i, ok := np.at[k]; ok {
		np.notes[i].text += raw
		return
	}
	np.at[k] = len(np.notes)
	np.notes = append(np.notes, note{row: row, col: col, author: author, text: raw})
}

// add puts a plain-text note on a cell; on a cell that already has one the
// text is appended on a new line, since a cell holds a single note.
func (np *notesPart) add(row, col int, author, text string, w, h int) {
	k := [2]int{row, col}
	if i, ok := np.at[k]; ok {
		n := &np.notes[i]
		n.text = plainToRun(n.text) + `<r><t xml:space="preserve">` + escape("\n"+text) + `</t></r>`
	} else {
		np.addRaw(row, col, author, `<t xml:space="preserve">`+escape(text)+`</t>`)
	}
	n := &np.notes[np.at[k]]
	n.w, n.h = max(n.w, w), max(n.h, h)
}

// plainToRun wraps a note's leading plain <t> in a run, so that the text
// stays a list of runs once another run follows it.
func plainToRun(raw string) string {
	s := newScanner(strings.NewReader(raw))
	for s.scan() == nil {
		switch s.kind {
		case tokText, tokOther:
			continue
		case tokStart:
			if string(localName(tagName(s.tok))) != "t" {
				return raw
			}
			end := strings.Index(raw, "</"+string(tagName(s.tok))+">")
			if end < 0 {
				return raw
			}
			end += len(tagName(s.tok)) + 3
			p := prefixOf(tagName(s.tok))
			return "<" + p + "r>" + raw[:end] + "</" + p + "r>" + raw[end:]
		}
		return raw
	}
	return raw
}

// bytes is the comments part.
func (np *notesPart) bytes() []byte {
	var b bytes.Buffer
	p := np.pfx
	authors := map[string]int{}
	var names []string
	for i := range np.notes {
		n := &np.notes[i]
		if n.author == "" {
			n.author = DefaultAuthor // Excel offers to repair a workbook with an empty note author
		}
		if _, ok := authors[n.author]; !ok {
			authors[n.author] = len(names)
			names = append(names, n.author)
		}
	}
	b.WriteString(xml.Header)
	b.WriteString(np.rootTag)
	b.WriteString("<" + p + "authors>")
	for _, a := range names {
		b.WriteString("<" + p + "author>" + escape(a) + "</" + p + "author>")
	}
	b.WriteString("</" + p + "authors><" + p + "commentList>")
	for _, n := range np.sorted() {
		fmt.Fprintf(&b, `<%scomment ref="%s" authorId="%d"><%stext>%s</%stext></%scomment>`,
			p, cellref.Cell(n.row, n.col), authors[n.author], p, withPrefix([]byte(n.text), p), p, p)
	}
	b.WriteString("</" + p + "commentList></" + p + "comments>")
	return b.Bytes()
}

// sorted lists the notes in row-major order, as Excel writes them.
func (np *notesPart) sorted() []note {
	out := append([]note(nil), np.notes...)
	sort.Slice(out, func(i, j int) bool {
		if out[i].row != out[j].row {
			return out[i].row < out[j].row
		}
		return out[i].col < out[j].col
	})
	return out
}

// vml is the legacy drawing that shows the notes: one hidden "Note" shape per
// comment, numbered _x0000_s<1024·id+k> as Excel numbers them, so that
// excelize can add notes to the result later.
func (np *notesPart) vml(id int) []byte {
	var b strings.Builder
	b.WriteString(`<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel">`)
	b.WriteString(`<o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="` + strconv.Itoa(id) + `"/></o:shapelayout>`)
	b.WriteString(`<v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe">` +
		`<v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype>`)
	for k, n := range np.sorted() {
		r, c := n.row-1, n.col-1
		w, h := n.w, n.h
		if w <= 0 || h <= 0 {
			w, h = 144, 79
		}
		fmt.Fprintf(&b, `<v:shape id="_x0000_s%d" type="#_x0000_t202" style="position:absolute;margin-left:59.25pt;margin-top:1.5pt;width:%gpt;height:%gpt;z-index:%d;visibility:hidden" fillcolor="#ffffe1" o:insetmode="auto">`,
			id*1024+k+1, float64(w)*0.75, float64(h)*0.75, k+1)
		b.WriteString(`<v:fill color2="#ffffe1"/><v:shadow on="t" color="black" obscured="t"/><v:path o:connecttype="none"/>` +
			`<v:textbox style="mso-direction-alt:auto"><div style="text-align:left"></div></v:textbox>` +
			`<x:ClientData ObjectType="Note"><x:MoveWithCells/><x:SizeWithCells/>`)
		fmt.Fprintf(&b, `<x:Anchor>%d, 15, %d, 2, %d, 15, %d, 16</x:Anchor><x:AutoFill>False</x:AutoFill><x:Row>%d</x:Row><x:Column>%d</x:Column></x:ClientData></v:shape>`,
			c+1, r, c+3, r+4, r, c)
	}
	b.WriteString(`</xml>`)
	return []byte(b.String())
}
