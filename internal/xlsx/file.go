package xlsx

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path"
	"strings"
	"sync"

	"fundcheck/internal/ahead"
)

// limits bound what a workbook may make the reader inflate and keep.
type limits struct {
	part          int64 // inflated size of a worksheet part
	sharedStrings int64 // inflated size of the shared-string part, kept in memory
	small         int64 // inflated size of any other part read (workbook, rels, styles)
}

var defaultLimits = limits{part: 8 << 30, sharedStrings: 1 << 30, small: 64 << 20}

// File is an open workbook. Its methods may be called from several
// goroutines at once.
type File struct {
	closer   io.Closer
	parts    map[string]*zip.File // by lower-cased name
	inflated map[string][]byte    // parts the caller inflated, by lower-cased name
	lim      limits

	sheets   []sheet
	date1904 bool
	styles   styles
	sstPath  string

	sstOnce sync.Once
	sst     *sharedStrings
	sstErr  error

	mu     sync.Mutex
	merges map[string][]Range // by sheet part, once scanned
}

type sheet struct{ name, part string }

// Open opens the workbook in the named file. Close it when done.
func Open(name string) (*File, error) {
	osf, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	st, err := osf.Stat()
	if err == nil {
		var f *File
		if f, err = newFile(osf, st.Size(), nil, defaultLimits); err == nil {
			f.closer = osf
			return f, nil
		}
	}
	osf.Close()
	return nil, err
}

// NewReader reads a workbook of the given size from r. inflated, which may
// be nil, holds parts the caller has already inflated and verified, by
// their name in the zip: the reader takes them from there rather than
// inflating them again. It must not be changed while the File is in use.
func NewReader(r io.ReaderAt, size int64, inflated map[string][]byte) (*File, error) {
	return newFile(r, size, inflated, defaultLimits)
}

// Close closes the underlying file, if Open opened it.
func (f *File) Close() error {
	if f.closer == nil {
		return nil
	}
	return f.closer.Close()
}

// Sheets returns the names of the worksheets, in workbook order. Chart
// sheets and dialog sheets are left out.
func (f *File) Sheets() []string {
	names := make([]string, len(f.sheets))
	for i, s := range f.sheets {
		names[i] = s.name
	}
	return names
}

// Date1904 reports whether date serial numbers count from 1904 rather than
// 1900.
func (f *File) Date1904() bool { return f.date1904 }

var oleMagic = []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}

func newFile(r io.ReaderAt, size int64, inflated map[string][]byte, lim limits) (*File, error) {
	var head [8]byte
	if n, _ := r.ReadAt(head[:], 0); n == len(head) && bytes.Equal(head[:], oleMagic) {
		return nil, ErrCompoundFile
	}
	zr, err := zip.NewReader(r, size)
	if err != nil {
		if errors.Is(err, zip.ErrFormat) || errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF) {
			return nil, ErrNotZip
		}
		return nil, err
	}
	f := &File{
		parts:    make(map[string]*zip.File, len(zr.File)),
		inflated: make(map[string][]byte, len(inflated)),
		lim:      lim,
		merges:   map[string][]Range{},
	}
	for _, zf := range zr.File {
		f.parts[partKey(zf.Name)] = zf
	}
	for name, data := range inflated {
		f.inflated[partKey(name)] = data
	}
	wbPart, err := f.officeDocument()
	if err != nil {
		return nil, err
	}
	rels, err := f.readRels(wbPart)
	if errors.Is(err, os.ErrNotExist) {
		return nil, fmt.Errorf("%w: %v", ErrNotWorkbook, err)
	}
	if err != nil {
		return nil, err
	}
	if err := f.readWorkbook(wbPart, rels); err != nil {
		return nil, err
	}
	for _, rel := range rels {
		switch {
		case strings.HasSuffix(rel.typ, "/sharedStrings"):
			f.sstPath = rel.target
		case strings.HasSuffix(rel.typ, "/styles"):
			// Without styles every number is plain, as in excelize.
			if err := f.readStyles(rel.target); err != nil && !errors.Is(err, os.ErrNotExist) {
				return nil, err
			}
		}
	}
	return f, nil
}

// partKey normalises a part name for lookup: OPC part names are
// case-insensitive, and some writers use backslashes.
func partKey(name string) string {
	return strings.ToLower(strings.TrimPrefix(strings.ReplaceAll(name, `\`, "/"), "/"))
}

// limitReader fails with ErrTooLarge once more than n bytes were read: a
// zip's declared sizes cannot be trusted.
type limitReader struct {
	r    io.Reader
	n    int64
	part string
}

func (l *limitReader) Read(p []byte) (int, error) {
	n, err := l.r.Read(p)
	l.n -= int64(n)
	if l.n < 0 {
		return n, tooLarge("%s inflates to more than its limit", l.part)
	}
	return n, err
}

// part is an open part of the workbook: a stream that inflates it, or,
// when Reader is nil, its bytes as the caller had inflated them.
type part struct {
	io.Reader
	data  []byte
	ahead *ahead.Reader // inflating the part, when it is big
	rc    io.ReadCloser
	name  string
}

func (p *part) Close() error {
	if p.ahead != nil {
		p.ahead.Close()
	}
	return p.rc.Close()
}

// tokenizer tokenizes the part, in place when its bytes are at hand.
func (p *part) tokenizer() *tokenizer {
	if p.Reader == nil {
		return newTokenizerBytes(p.data)
	}
	return newTokenizer(p)
}

// open opens the named part for reading, at most limit bytes inflated. A
// missing part gives an error wrapping fs.ErrNotExist.
func (f *File) open(name string, limit int64) (*part, error) {
	key := partKey(name)
	zf := f.parts[key]
	if zf == nil {
		return nil, &ParseError{Part: name, Err: os.ErrNotExist}
	}
	if data, ok := f.inflated[key]; ok {
		if int64(len(data)) > limit {
			return nil, &ParseError{Part: name, Err: tooLarge("%d bytes exceed the limit of %d bytes", len(data), limit)}
		}
		return &part{data: data, rc: io.NopCloser(nil), name: name}, nil
	}
	if zf.UncompressedSize64 > uint64(limit) {
		return nil, &ParseError{Part: name, Err: tooLarge("declared size %d exceeds the limit of %d bytes", zf.UncompressedSize64, limit)}
	}
	rc, err := zf.Open()
	if err != nil {
		return nil, &ParseError{Part: name, Err: err}
	}
	p := &part{Reader: &limitReader{r: rc, n: limit, part: name}, rc: rc, name: name}
	if zf.UncompressedSize64 >= ahead.Worthwhile {
		r := ahead.NewReader(p.Reader)
		p.Reader, p.ahead = r, r
	}
	return p, nil
}

// scanPart tokenizes a whole part, calling fn for every token; errors come
// back as *ParseError.
func (f *File) scanPart(name string, limit int64, fn func(t *tokenizer) error) error {
	p, err := f.open(name, limit)
	if err != nil {
		return err
	}
	defer p.Close()
	t := p.tokenizer()
	for {
		k, err := t.next()
		if err == nil && k != tokEOF {
			err = fn(t)
		}
		if err != nil {
			return &ParseError{Part: name, Offset: t.offset, Err: err}
		}
		if k == tokEOF {
			return nil
		}
	}
}

// relationship is one entry of a .rels part, its target resolved to a part
// name.
type relationship struct{ id, typ, target string }

// officeDocument finds the workbook part through the package relationships,
// falling back on the usual name.
func (f *File) officeDocument() (string, error) {
	rels, err := f.readRels("")
	if err != nil && !errors.Is(err, os.ErrNotExist) {
		return "", err
	}
	for _, r := range rels {
		if strings.HasSuffix(r.typ, "/officeDocument") && f.parts[partKey(r.target)] != nil {
			return r.target, nil
		}
	}
	if f.parts["xl/workbook.xml"] != nil {
		return "xl/workbook.xml", nil
	}
	return "", ErrNotWorkbook
}

// readRels reads the relationships of the part named source ("" for the
// package itself).
func (f *File) readRels(source string) ([]relationship, error) {
	dir, file := path.Split(source)
	var rels []relationship
	err := f.scanPart(dir+"_rels/"+file+".rels", f.lim.small, func(t *tokenizer) error {
		if t.kind != tokStart || string(t.name) != "Relationship" {
			return nil
		}
		if mode := t.attr("TargetMode"); string(mode) == "External" {
			return nil
		}
		id := t.attr("Id")
		typ := t.attr("Type")
		target := t.attr("Target")
		rels = append(rels, relationship{
			id:     string(appendText(nil, id)),
			typ:    string(typ),
			target: resolveTarget(dir, string(appendText(nil, target))),
		})
		return nil
	})
	return rels, err
}

// resolveTarget turns a relationship target into a part name: absolute
// targets ("/xl/worksheets/sheet1.xml") are from the package root, others
// relative to the source part's directory.
func resolveTarget(dir, target string) string {
	target = strings.ReplaceAll(target, `\`, "/")
	if strings.HasPrefix(target, "/") {
		return strings.TrimPrefix(path.Clean(target), "/")
	}
	return strings.TrimPrefix(path.Clean("/"+dir+target), "/")
}

// readWorkbook reads the sheet list and the date system.
func (f *File) readWorkbook(name string, rels []relationship) error {
	targets := make(map[string]relationship, len(rels))
	for _, r := range rels {
		targets[r.id] = r
	}
	err := f.scanPart(name, f.lim.small, func(t *tokenizer) error {
		if t.kind != tokStart {
			return nil
		}
		switch string(t.name) {
		case "workbookPr":
			v := t.attr("date1904")
			f.date1904 = string(v) == "1" || string(v) == "true"
		case "sheet":
			sheetName := t.attr("name")
			id := t.attr("id")
			rel, ok := targets[string(appendText(nil, id))]
			if ok && strings.HasSuffix(rel.typ, "/worksheet") {
				f.sheets = append(f.sheets, sheet{name: string(appendText(nil, sheetName)), part: rel.target})
			}
		}
		return nil
	})
	if errors.Is(err, os.ErrNotExist) {
		return ErrNotWorkbook
	}
	return err
}

// sheetPart returns the part holding the named sheet.
func (f *File) sheetPart(name string) (string, error) {
	for _, s := range f.sheets {
		if s.name == name {
			return s.part, nil
		}
	}
	return "", fmt.Errorf("%w: %q", ErrNoSheet, name)
}
