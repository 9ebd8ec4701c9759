package xlsxpatch

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"fundcheck/internal/ahead"

	"github.com/klauspost/compress/flate"
)

// DefaultAuthor signs notes whose Mark has no Author: Excel asks to repair a
// workbook whose note has an empty author.
const DefaultAuthor = "fundcheck"

// Mark asks for a fill colour, a note, or both on one cell of an original sheet.
type Mark struct {
	Row, Col int    // 1-based
	Fill     string // RGB "FFC7CE" or ARGB "FFFFC7CE"; "" leaves the cell's look alone
	Note     string // "" adds no note
	Author   string // "" means DefaultAuthor
	// Width and Height size the note's box in pixels; 0 means 144×79, Excel's default.
	Width, Height int
}

// Plan says what the patched copy gets on top of the original.
type Plan struct {
	// NewSheets names the donor sheets to copy, in order. The first becomes
	// the active tab.
	NewSheets []string
	// AtEnd puts the new sheets after the original ones instead of before.
	AtEnd bool
	// Marks holds, per original sheet name, the cells to colour or annotate.
	// Several marks on one cell merge: the first fill wins, notes are joined.
	Marks map[string][]Mark
	// Inflated holds parts of the original the caller has already inflated
	// (and whose checksums it has verified), by zip entry name: they are
	// read from here instead of being inflated again.
	Inflated map[string][]byte
}

var (
	// ErrNoWorkbook means the package has no workbook part.
	ErrNoWorkbook = errors.New("no workbook part")
	// ErrNoSheet means a plan names a sheet the workbook does not have.
	ErrNoSheet = errors.New("no such sheet")
	// ErrSheetExists means a new sheet would take the name of an original one.
	ErrSheetExists = errors.New("sheet name already used")
)

// PartError reports a failure inside one part, with the byte offset of the
// uncompressed part where it was found when there is one.
type PartError struct {
	Part   string
	Offset int64
	Err    error
}

func (e *PartError) Error() string {
	if e.Part == "" {
		return fmt.Sprintf("byte %d: %v", e.Offset, e.Err)
	}
	return fmt.Sprintf("%s: byte %d: %v", e.Part, e.Offset, e.Err)
}

func (e *PartError) Unwrap() error { return e.Err }

// MarkError reports an unusable mark.
type MarkError struct {
	Sheet string
	Mark  Mark
	Err   error
}

func (e *MarkError) Error() string {
	return fmt.Sprintf("sheet %q, row %d column %d: %v", e.Sheet, e.Mark.Row, e.Mark.Col, e.Err)
}

func (e *MarkError) Unwrap() error { return e.Err }

// sheetPatch is what happens to one original worksheet part.
type sheetPatch struct {
	info      sheetInfo
	edit      sheetEdit
	rels      []byte // rewritten relationships part, or nil
	relsIsNew bool
	notes     *notesPart
	notesPart string
	vmlPart   string
	vmlID     int
	dropped   []string // parts the new notes replace
}

// Apply writes to dst the original workbook with the plan applied: every part
// the plan does not need to change is copied byte for byte, still compressed;
// worksheets that get fills are streamed through, so memory grows with the
// number of marks and the small parts, not with the size of the sheets.
// donor may be nil when the plan adds no sheets.
func Apply(dst io.Writer, orig, donor *zip.Reader, p Plan) error {
	op := openPkg(orig, p.Inflated)
	wb, wbDoc, err := readWorkbook(op)
	if err != nil {
		return err
	}
	ctDoc, err := op.read("[Content_Types].xml")
	if err != nil {
		return err
	}
	if ctDoc == nil {
		return &PartError{Part: "[Content_Types].xml", Err: errors.New("missing")}
	}
	ct, err := parseContentTypes(ctDoc)
	if err != nil {
		return err
	}
	names := &namer{taken: map[string]bool{}}
	for k := range op.byKey {
		names.taken[k] = true
	}

	var wbRelsAdd []rel
	relTaken := map[string]bool{}
	for _, r := range wb.rels {
		relTaken[r.ID] = true
	}
	var added []newPart
	stylesPart := wb.partOf("styles")
	stylesDoc, err := op.read(stylesPart)
	if err != nil {
		return err
	}
	if stylesDoc == nil {
		stylesPart = names.fresh("xl/styles.xml")
		stylesDoc = []byte(minimalStyles)
		wbRelsAdd = append(wbRelsAdd, rel{ID: unusedRelID(wb.rels, relTaken), Type: relBase + "styles",
			Target: relTarget(wb.part, stylesPart)})
		added = append(added, newPart{name: stylesPart, ctype: ctStyles})
	}
	st, err := parseStyles(stylesDoc)
	if err != nil {
		return &PartError{Part: stylesPart, Err: err}
	}

	sheets, err := planSheets(op, wb, p, st, names, len(p.NewSheets) > 0)
	if err != nil {
		return err
	}

	var wbDocNew []byte
	if len(p.NewSheets) > 0 {
		if donor == nil {
			return errors.New("xlsxpatch: the plan adds sheets but no donor workbook was given")
		}
		tparts, addSheets, rels, err := transplant(donor, wb, p, st, names, relTaken)
		if err != nil {
			return err
		}
		added = append(added, tparts...)
		wbRelsAdd = append(wbRelsAdd, rels...)
		if wbDocNew, err = rewriteWorkbook(wbDoc, addSheets, !p.AtEnd, len(wb.sheets)); err != nil {
			return &PartError{Part: wb.part, Err: err}
		}
	}
	for _, sp := range sheets {
		if sp.notes == nil {
			continue
		}
		added = append(added, newPart{name: sp.notesPart, ctype: ctComments})
		added = append(added, newPart{name: sp.vmlPart, ctype: ctVML, data: sp.notes.vml(sp.vmlID)})
	}

	changed := map[string][]byte{}
	if wbDocNew != nil {
		changed[strings.ToLower(wb.part)] = wbDocNew
	}
	if len(wbRelsAdd) > 0 {
		b, err := op.read(relsName(wb.part))
		if err != nil {
			return err
		}
		changed[strings.ToLower(relsName(wb.part))] = appendRels(b, wbRelsAdd)
	}
	bySheetPart := map[string]*sheetPatch{}
	dropped := map[string]bool{}
	for _, sp := range sheets {
		bySheetPart[strings.ToLower(sp.info.part)] = sp
		if sp.rels != nil && !sp.relsIsNew {
			changed[strings.ToLower(relsName(sp.info.part))] = sp.rels
		}
		for _, d := range sp.dropped {
			dropped[strings.ToLower(d)] = true
		}
	}
	if b := rewriteContentTypes(ctDoc, ct, added, dropped); !bytes.Equal(b, ctDoc) {
		changed["[content_types].xml"] = b
	}

	restyled := len(p.NewSheets) > 0 || !op.has(stylesPart)
	for _, sp := range sheets {
		restyled = restyled || len(sp.edit.rows) > 0
	}

	zw := zip.NewWriter(dst)
	// Only rewritten parts are compressed here; speed matters more than the
	// last few percent of size on a sheet of a million rows.
	zw.RegisterCompressor(zip.Deflate, newFlate)
	for _, f := range op.files {
		key := strings.ToLower(strings.TrimPrefix(f.Name, "/"))
		if op.byKey[key] != f {
			continue // a duplicate name: the reader would only ever see the first
		}
		switch {
		case key == strings.ToLower(stylesPart) && restyled:
			continue // written last: the sheets may still add cell formats
		case dropped[key]:
			continue
		case changed[key] != nil:
			if err := writePart(zw, f.Name, f.Modified, changed[key]); err != nil {
				return err
			}
		case bySheetPart[key] != nil:
			if err := patchSheet(zw, op, f, bySheetPart[key]); err != nil {
				return err
			}
		default:
			if err := copyRaw(zw, f); err != nil {
				return err
			}
		}
	}
	now := time.Now()
	for _, sp := range sheets {
		if sp.rels != nil && sp.relsIsNew {
			if err := writePart(zw, relsName(sp.info.part), now, sp.rels); err != nil {
				return err
			}
		}
		if sp.notes != nil {
			if err := writePart(zw, sp.notesPart, now, sp.notes.bytes()); err != nil {
				return err
			}
		}
	}
	for _, np := range added {
		if np.data != nil {
			if err := writePart(zw, np.name, now, np.data); err != nil {
				return err
			}
		}
	}
	if restyled {
		if err := writePart(zw, stylesPart, now, st.bytes()); err != nil {
			return err
		}
	}
	return zw.Close()
}

const ctStyles = "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"

const minimalStyles = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`

// findSheet looks a sheet up by name; Excel compares names case-insensitively.
func findSheet(sheets []sheetInfo, name string) (int, bool) {
	for i, s := range sheets {
		if s.name == name {
			return i, true
		}
	}
	for i, s := range sheets {
		if strings.EqualFold(s.name, name) {
			return i, true
		}
	}
	return -1, false
}

// planSheets decides, for every original worksheet, what its rewrite changes.
func planSheets(op *pkg, wb *workbookInfo, p Plan, st *styles, names *namer, addingSheets bool) ([]*sheetPatch, error) {
	bySheet := map[int]*sheetPatch{}
	var order []int
	get := func(i int) *sheetPatch {
		if sp, ok := bySheet[i]; ok {
			return sp
		}
		sp := &sheetPatch{info: wb.sheets[i]}
		sp.edit.restyle = st.markedXf
		if addingSheets {
			sp.edit.tab = tabClear
		}
		bySheet[i] = sp
		order = append(order, i)
		return sp
	}
	sheetNames := make([]string, 0, len(p.Marks))
	for name := range p.Marks {
		sheetNames = append(sheetNames, name)
	}
	sort.Strings(sheetNames)
	for _, name := range sheetNames {
		marks := p.Marks[name]
		if len(marks) == 0 {
			continue
		}
		i, ok := findSheet(wb.sheets, name)
		if !ok || wb.sheets[i].part == "" || !op.has(wb.sheets[i].part) {
			return nil, fmt.Errorf("%q: %w", name, ErrNoSheet)
		}
		sp := get(i)
		if err := sp.addMarks(op, name, marks, names); err != nil {
			return nil, err
		}
	}
	if addingSheets {
		for i, s := range wb.sheets {
			if _, ok := bySheet[i]; ok || s.part == "" || !op.has(s.part) {
				continue
			}
			rc, err := op.open(op.file(s.part))
			if err != nil {
				return nil, &PartError{Part: s.part, Err: err}
			}
			sel, err := peekTabSelected(rc)
			rc.Close()
			if err != nil {
				return nil, inPart(s.part, err)
			}
			if sel {
				get(i)
			}
		}
	}
	out := make([]*sheetPatch, 0, len(order))
	sort.Ints(order)
	for _, i := range order {
		out = append(out, bySheet[i])
	}
	return out, nil
}

// addMarks turns a sheet's marks into its cell edit and its notes.
func (sp *sheetPatch) addMarks(op *pkg, name string, marks []Mark, names *namer) error {
	type cellKey struct{ row, col int }
	fills := map[cellKey]string{}
	var noteMarks []Mark
	for _, m := range marks {
		if m.Row < 1 || m.Row > maxRow || m.Col < 1 || m.Col > maxCol {
			return &MarkError{Sheet: name, Mark: m, Err: errors.New("cell outside the sheet")}
		}
		if m.Fill != "" {
			c, err := argb(m.Fill)
			if err != nil {
				return &MarkError{Sheet: name, Mark: m, Err: err}
			}
			if _, ok := fills[cellKey{m.Row, m.Col}]; !ok {
				fills[cellKey{m.Row, m.Col}] = c
			}
		}
		if m.Note != "" {
			noteMarks = append(noteMarks, m)
		}
	}
	keys := make([]cellKey, 0, len(fills))
	for k := range fills {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		if keys[i].row != keys[j].row {
			return keys[i].row < keys[j].row
		}
		return keys[i].col < keys[j].col
	})
	for _, k := range keys {
		rows := &sp.edit.rows
		if n := len(*rows); n == 0 || (*rows)[n-1].row != k.row {
			*rows = append(*rows, fillRow{row: k.row})
		}
		last := &(*rows)[len(*rows)-1]
		last.cells = append(last.cells, fillCell{col: k.col, fill: fills[k]})
	}
	if len(noteMarks) == 0 {
		return nil
	}
	return sp.planNotes(op, noteMarks, names)
}

// planNotes gives the sheet a fresh comments part and VML drawing holding its
// existing notes plus the new ones. Both get the same number N
// (xl/commentsN.xml, xl/drawings/vmlDrawingN.vml), the smallest free one:
// excelize finds a sheet's comments from its drawing's number and numbers
// new ones after the count of comments parts, so anything else breaks later
// AddComment calls on the result. The parts replaced are dropped.
func (sp *sheetPatch) planNotes(op *pkg, marks []Mark, names *namer) error {
	relsPart := relsName(sp.info.part)
	rb, err := op.read(relsPart)
	if err != nil {
		return err
	}
	rels, err := parseRels(relsPart, rb)
	if err != nil {
		return err
	}
	taken := map[string]bool{}
	commentsRel, vmlRels := -1, []int{}
	for i, r := range rels {
		taken[r.ID] = true
		switch {
		case r.external():
		case r.is("comments") && commentsRel < 0:
			commentsRel = i
		case r.is("vmlDrawing"):
			vmlRels = append(vmlRels, i)
		}
	}
	sp.notes = newNotesPart()
	if commentsRel >= 0 {
		old := resolve(sp.info.part, rels[commentsRel].Target)
		b, err := op.read(old)
		if err != nil {
			return err
		}
		if b != nil {
			if sp.notes, err = parseNotes(old, b); err != nil {
				return err
			}
			sp.dropped = append(sp.dropped, old)
		}
		// A sheet with notes and a single VML drawing shows the notes in it;
		// a second one would be the header and footer pictures', left alone.
		if len(vmlRels) == 1 {
			sp.dropped = append(sp.dropped, resolve(sp.info.part, rels[vmlRels[0]].Target))
			rels = append(rels[:vmlRels[0]], rels[vmlRels[0]+1:]...)
			if vmlRels[0] < commentsRel {
				commentsRel--
			}
		}
	}
	for _, d := range sp.dropped {
		delete(names.taken, strings.ToLower(d))
	}
	n := names.pair("xl/comments", ".xml", "xl/drawings/vmlDrawing", ".vml")
	sp.notesPart = "xl/comments" + strconv.Itoa(n) + ".xml"
	sp.vmlPart = "xl/drawings/vmlDrawing" + strconv.Itoa(n) + ".vml"
	sp.vmlID = n
	if commentsRel >= 0 {
		rels[commentsRel].Target = relTarget(sp.info.part, sp.notesPart)
	} else {
		rels = append(rels, rel{ID: unusedRelID(rels, taken), Type: relBase + "comments",
			Target: relTarget(sp.info.part, sp.notesPart)})
	}
	sp.edit.legacyRID = unusedRelID(rels, taken)
	rels = append(rels, rel{ID: sp.edit.legacyRID, Type: relBase + "vmlDrawing", Target: relTarget(sp.info.part, sp.vmlPart)})
	for _, m := range marks {
		author := m.Author
		if author == "" {
			author = DefaultAuthor
		}
		sp.notes.add(m.Row, m.Col, author, m.Note, m.Width, m.Height)
	}
	sp.rels = appendRels(nil, rels)
	sp.relsIsNew = rb == nil
	return nil
}

// argb normalises a colour to the ARGB form styles.xml uses.
func argb(s string) (string, error) {
	c := strings.ToUpper(strings.TrimPrefix(s, "#"))
	if len(c) == 6 {
		c = "FF" + c
	}
	if len(c) != 8 || strings.Trim(c, "0123456789ABCDEF") != "" {
		return "", fmt.Errorf("fill %q is not an RGB colour like FFC7CE", s)
	}
	return c, nil
}

// transplant copies the plan's donor sheets and returns the new parts, the
// workbook entries and the workbook relationships for them.
func transplant(donor *zip.Reader, wb *workbookInfo, p Plan, st *styles, names *namer, relTaken map[string]bool) ([]newPart, []addedSheet, []rel, error) {
	dp := openPkg(donor, nil)
	dwb, _, err := readWorkbook(dp)
	if err != nil {
		return nil, nil, nil, fmt.Errorf("donor: %w", err)
	}
	tr, err := newTransplanter(dp, dwb, st, names)
	if err != nil {
		return nil, nil, nil, err
	}
	maxID := 0
	for _, s := range wb.sheets {
		maxID = max(maxID, s.id)
	}
	var sheets []addedSheet
	var rels []rel
	seen := map[string]bool{}
	for i, name := range p.NewSheets {
		pos, ok := findSheet(dwb.sheets, name)
		if !ok || dwb.sheets[pos].part == "" {
			return nil, nil, nil, fmt.Errorf("donor sheet %q: %w", name, ErrNoSheet)
		}
		if _, clash := findSheet(wb.sheets, name); clash || seen[strings.ToLower(name)] {
			return nil, nil, nil, fmt.Errorf("%q: %w", name, ErrSheetExists)
		}
		seen[strings.ToLower(name)] = true
		ns, err := tr.sheet(dwb.sheets[pos], dwb.names, pos, i == 0)
		if err != nil {
			return nil, nil, nil, err
		}
		rid := unusedRelID(wb.rels, relTaken)
		rels = append(rels, rel{ID: rid, Type: relBase + "worksheet", Target: relTarget(wb.part, ns.part)})
		sheets = append(sheets, addedSheet{name: dwb.sheets[pos].name, rid: rid, id: maxID + 1 + i, names: ns.names})
	}
	return tr.parts, sheets, rels, nil
}

// rewriteContentTypes declares the content type of every added part and
// forgets the dropped ones.
func rewriteContentTypes(doc []byte, ct *contentTypes, add []newPart, dropped map[string]bool) []byte {
	var edits []edit
	var b strings.Builder
	for _, p := range add {
		if p.ctype == "" || ct.of(p.name) == p.ctype {
			continue
		}
		b.WriteString(`<Override PartName="/` + escape(p.name) + `" ContentType="` + escape(p.ctype) + `"/>`)
	}
	if len(dropped) > 0 {
		s := newScanner(bytes.NewReader(doc))
		depth := 0
		for s.scan() == nil {
			switch s.kind {
			case tokStart, tokEmpty:
				if v, ok := attr(s.tok, "PartName"); depth == 1 && ok && string(localName(tagName(s.tok))) == "Override" &&
					dropped[strings.ToLower(strings.TrimPrefix(string(v), "/"))] {
					if s.kind == tokEmpty {
						edits = append(edits, edit{int(s.off), int(s.next), nil})
					}
				}
				if s.kind == tokStart {
					depth++
				}
			case tokEnd:
				depth--
			}
		}
		doc = applyEdits(doc, edits)
	}
	if b.Len() == 0 {
		return doc
	}
	return insertBeforeClose(doc, "Types", []byte(b.String()))
}

// flateWriters recycles compressors: each costs about a megabyte to set up.
var flateWriters sync.Pool

type pooledFlate struct{ *flate.Writer }

func (p pooledFlate) Close() error {
	err := p.Writer.Close()
	flateWriters.Put(p.Writer)
	return err
}

func newFlate(w io.Writer) (io.WriteCloser, error) {
	if fw, ok := flateWriters.Get().(*flate.Writer); ok {
		fw.Reset(w)
		return pooledFlate{fw}, nil
	}
	fw, err := flate.NewWriter(w, flate.BestSpeed)
	return pooledFlate{fw}, err
}

// copyRaw copies a zip entry without decompressing it.
func copyRaw(zw *zip.Writer, f *zip.File) error {
	r, err := f.OpenRaw()
	if err != nil {
		return &PartError{Part: f.Name, Err: err}
	}
	fh := f.FileHeader
	w, err := zw.CreateRaw(&fh)
	if err != nil {
		return err
	}
	_, err = io.Copy(w, r)
	return err
}

func writePart(zw *zip.Writer, name string, mod time.Time, data []byte) error {
	method := zip.Deflate
	if len(data) < 2048 {
		method = zip.Store // a compressor's set-up costs more than it saves here
	}
	w, err := zw.CreateHeader(&zip.FileHeader{Name: name, Method: method, Modified: mod})
	if err != nil {
		return err
	}
	_, err = w.Write(data)
	return err
}

// patchSheet streams one worksheet through its rewrite.
func patchSheet(zw *zip.Writer, op *pkg, f *zip.File, sp *sheetPatch) error {
	rc, err := op.open(f)
	if err != nil {
		return &PartError{Part: f.Name, Err: err}
	}
	defer rc.Close()
	w, err := zw.CreateHeader(&zip.FileHeader{Name: f.Name, Method: zip.Deflate, Modified: f.Modified})
	if err != nil {
		return err
	}
	if f.UncompressedSize64 < ahead.Worthwhile {
		return inPart(f.Name, rewriteSheet(w, rc, &sp.edit))
	}
	// Inflating (unless done already), rewriting and deflating a big sheet
	// run side by side.
	src := io.Reader(rc)
	if _, done := op.inflated[f.Name]; !done {
		ar := ahead.NewReader(rc)
		defer ar.Close()
		src = ar
	}
	dst := ahead.NewWriter(w)
	defer dst.Close() // on a panic; closing twice is harmless
	err = rewriteSheet(dst, src, &sp.edit)
	if cerr := dst.Close(); err == nil {
		err = cerr
	}
	return inPart(f.Name, err)
}

// inPart names the part in an error that lacks it.
func inPart(part string, err error) error {
	var pe *PartError
	if err == nil {
		return nil
	}
	if errors.As(err, &pe) && pe.Part == "" {
		pe.Part = part
		return err
	}
	return &PartError{Part: part, Err: err}
}

// SheetNames lists a workbook's sheets in tab order without reading them.
func SheetNames(zr *zip.Reader) ([]string, error) {
	wb, _, err := readWorkbook(openPkg(zr, nil))
	if err != nil {
		return nil, err
	}
	names := make([]string, len(wb.sheets))
	for i, s := range wb.sheets {
		names[i] = s.name
	}
	return names, nil
}
