package xlsx

import (
	"errors"
	"math"
	"os"
)

// sharedStrings is the workbook's shared-string table, compact: all strings
// back to back in one arena, and where each ends.
type sharedStrings struct {
	data []byte
	ends []uint32
}

func (s *sharedStrings) get(i int) ([]byte, bool) {
	if i < 0 || i >= len(s.ends) {
		return nil, false
	}
	start := uint32(0)
	if i > 0 {
		start = s.ends[i-1]
	}
	return s.data[start:s.ends[i]], true
}

// stringItem collects the text of a string item, <si> or <is>: the <t> of
// plain text or of rich-text runs, but not the phonetic runs (<rPh>).
type stringItem struct {
	inT   bool
	inRPh int
}

// feed handles one token inside the item, appending its text to dst.
func (s *stringItem) feed(t *tokenizer, dst []byte) []byte {
	switch t.kind {
	case tokStart:
		switch string(t.name) {
		case "t":
			s.inT = !t.selfClosing && s.inRPh == 0
		case "rPh":
			if !t.selfClosing {
				s.inRPh++
			}
		}
	case tokEnd:
		switch string(t.name) {
		case "t":
			s.inT = false
		case "rPh":
			s.inRPh = max(s.inRPh-1, 0)
		}
	case tokText:
		if s.inT {
			dst = appendText(dst, t.text)
		}
	case tokCDATA:
		if s.inT {
			dst = appendCDATA(dst, t.text)
		}
	}
	return dst
}

// unescapeTail decodes the "_xHHHH_" escapes in buf[start:], using scratch.
func unescapeTail(buf []byte, start int, scratch *[]byte) []byte {
	if !hasEscapes(buf[start:]) {
		return buf
	}
	*scratch = append((*scratch)[:0], buf[start:]...)
	return appendUnescaped(buf[:start], *scratch)
}

// sharedStrings returns the shared-string table, reading it on first use.
func (f *File) sharedStrings() (*sharedStrings, error) {
	f.sstOnce.Do(func() { f.sst, f.sstErr = f.readSharedStrings() })
	return f.sst, f.sstErr
}

func (f *File) readSharedStrings() (*sharedStrings, error) {
	sst := &sharedStrings{}
	if f.sstPath == "" {
		return sst, nil
	}
	var (
		item    stringItem
		inSI    bool
		start   int
		scratch []byte
	)
	err := f.scanPart(f.sstPath, f.lim.sharedStrings, func(t *tokenizer) error {
		if t.kind == tokStart && string(t.name) == "sst" {
			if n, ok := parseIndex(t.attr("uniqueCount"), 1<<20); ok {
				sst.ends = make([]uint32, 0, n)
			}
			return nil
		}
		if !inSI {
			if t.kind == tokStart && string(t.name) == "si" {
				if t.selfClosing {
					sst.ends = append(sst.ends, uint32(len(sst.data)))
					return nil
				}
				inSI, item, start = true, stringItem{}, len(sst.data)
			}
			return nil
		}
		if t.kind == tokEnd && string(t.name) == "si" {
			inSI = false
			sst.data = unescapeTail(sst.data, start, &scratch)
			if len(sst.data) > math.MaxUint32 {
				return tooLarge("shared strings exceed 4 GiB")
			}
			sst.ends = append(sst.ends, uint32(len(sst.data)))
			return nil
		}
		sst.data = item.feed(t, sst.data)
		return nil
	})
	if errors.Is(err, os.ErrNotExist) {
		return sst, nil
	}
	return sst, err
}
