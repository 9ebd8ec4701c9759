package sheets

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"io"
	"path"
	"strings"
)

// rowCounter counts the <row> elements of worksheet XML written to it,
// prefixed (<x:row>) or not, across Write calls. Text cannot hold a literal
// '<', so only tags are counted. It keeps nothing of the XML but the name of
// the tag being read.
type rowCounter struct {
	n     int
	inTag bool
	name  []byte // the tag name read so far, capped
}

const maxTagName = 64

func (c *rowCounter) Write(p []byte) (int, error) {
	for i := 0; i < len(p); {
		if !c.inTag {
			j := bytes.IndexByte(p[i:], '<')
			if j < 0 {
				break
			}
			i += j + 1
			c.inTag, c.name = true, c.name[:0]
			// The usual case: the whole name is in p, and is read in place.
			k := i
			for k < len(p) && isNameByte(p[k]) {
				k++
			}
			if k == len(p) {
				continue
			}
			c.count(p[i:k])
			c.inTag = p[k] == '<'
			i = k + 1
			continue
		}
		b := p[i]
		i++
		if isNameByte(b) {
			if len(c.name) <= maxTagName { // one more marks a name too long
				c.name = append(c.name, b)
			}
			continue
		}
		c.count(c.name)
		c.inTag, c.name = b == '<', c.name[:0]
	}
	return len(p), nil
}

// count counts the tag named name if it is a row; a name longer than
// maxTagName is not.
func (c *rowCounter) count(name []byte) {
	if len(name) > maxTagName {
		return
	}
	if k := bytes.LastIndexByte(name, ':'); k >= 0 {
		name = name[k+1:]
	}
	if string(name) == "row" {
		c.n++
	}
}

var rowName = []byte("row")

// countRows counts the <row> elements of worksheet XML held whole, as a
// rowCounter written data would: it searches for the name rather than
// reading every tag, since the name of every tag it counts holds "row".
func countRows(data []byte) int {
	n := 0
	for i := 0; ; {
		j := bytes.Index(data[i:], rowName)
		if j < 0 {
			return n
		}
		p := i + j
		i = p + len(rowName)
		end := p + len(rowName)
		if end == len(data) || isNameByte(data[end]) {
			continue // the name goes on, or is cut off by the end
		}
		start := p // of the name the bytes at p end
		for start > 0 && isNameByte(data[start-1]) {
			start--
		}
		if start == 0 || data[start-1] != '<' || end-start > maxTagName || start < p && data[p-1] != ':' {
			continue
		}
		n++
	}
}

func isNameByte(b byte) bool {
	return 'a' <= b && b <= 'z' || 'A' <= b && b <= 'Z' || '0' <= b && b <= '9' ||
		b == ':' || b == '_' || b == '-' || b == '.'
}

// isWorksheet reports whether the zip part name (lower-cased) is a worksheet.
func isWorksheet(name string) bool {
	return strings.HasPrefix(name, "xl/worksheets/") && strings.HasSuffix(name, ".xml")
}

// sheetNames maps worksheet parts (lower-cased, as "xl/worksheets/sheet1.xml")
// to the names the workbook gives them, for messages. A part it cannot map
// is simply absent: the message then names the part.
func sheetNames(zr *zip.Reader) map[string]string {
	var wb struct {
		Sheets []struct {
			Name string `xml:"name,attr"`
			ID   string `xml:"http://schemas.openxmlformats.org/officeDocument/2006/relationships id,attr"`
		} `xml:"sheets>sheet"`
	}
	var rels struct {
		Rels []struct {
			ID     string `xml:"Id,attr"`
			Target string `xml:"Target,attr"`
		} `xml:"Relationship"`
	}
	if decodeNamedPart(zr, "xl/workbook.xml", &wb) != nil || decodeNamedPart(zr, "xl/_rels/workbook.xml.rels", &rels) != nil {
		return nil
	}
	target := make(map[string]string, len(rels.Rels))
	for _, r := range rels.Rels {
		t := strings.ReplaceAll(r.Target, `\`, "/")
		if strings.HasPrefix(t, "/") {
			t = strings.TrimPrefix(t, "/")
		} else {
			t = path.Join("xl", t)
		}
		target[r.ID] = strings.ToLower(t)
	}
	names := make(map[string]string, len(wb.Sheets))
	for _, s := range wb.Sheets {
		if t, ok := target[s.ID]; ok {
			names[t] = s.Name
		}
	}
	return names
}

// maxSmallPart bounds the workbook and relationship parts sheetNames
// decodes; real ones are a few kilobytes.
const maxSmallPart = 16 << 20

// decodeNamedPart decodes the XML part name of zr into v.
func decodeNamedPart(zr *zip.Reader, name string, v any) error {
	for _, f := range zr.File {
		if strings.ToLower(strings.ReplaceAll(f.Name, `\`, "/")) != name {
			continue
		}
		rc, err := f.Open()
		if err != nil {
			return err
		}
		defer rc.Close()
		return xml.NewDecoder(io.LimitReader(rc, maxSmallPart)).Decode(v)
	}
	return zip.ErrFormat
}
