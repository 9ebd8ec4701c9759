package sheets

// Test helpers that find a sheet's notes and their drawings inside the zip,
// independently of the writer, so that checkNotesDrawn can hold it to
// account.

import (
	"archive/zip"
	"encoding/xml"
	"fmt"
	"io"
	"path"
	"regexp"
	"strings"
)

var vmlShape = regexp.MustCompile(`(?s)<v:shape\b[^>]*?(?:/>|>.*?</v:shape>)`)

func readPart(zf *zip.File) ([]byte, error) {
	rc, err := zf.Open()
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	return io.ReadAll(rc)
}

// sheetPart is a worksheet and the note parts its relationships name.
type sheetPart struct {
	name, part, rels string
	vml, comments    string
}

type xmlRels struct {
	Rels []struct {
		ID     string `xml:"Id,attr"`
		Type   string `xml:"Type,attr"`
		Target string `xml:"Target,attr"`
		Mode   string `xml:"TargetMode,attr"`
	} `xml:"Relationship"`
}

// sheetParts lists the worksheets in workbook order with their note parts.
func sheetParts(files map[string]*zip.File) ([]sheetPart, error) {
	const book = "xl/workbook.xml"
	var wb struct {
		Sheets []struct {
			Name string `xml:"name,attr"`
			RID  string `xml:"http://schemas.openxmlformats.org/officeDocument/2006/relationships id,attr"`
		} `xml:"sheets>sheet"`
	}
	if err := decodePart(files[book], &wb); err != nil {
		return nil, err
	}
	var bookRels xmlRels
	if err := decodePart(files[relsOf(book)], &bookRels); err != nil {
		return nil, err
	}
	var out []sheetPart
	for _, s := range wb.Sheets {
		for _, r := range bookRels.Rels {
			if r.ID != s.RID {
				continue
			}
			sp := sheetPart{name: s.Name, part: resolve(book, r.Target)}
			sp.rels = relsOf(sp.part)
			if zf := files[sp.rels]; zf != nil {
				var rels xmlRels
				if err := decodePart(zf, &rels); err != nil {
					return nil, err
				}
				for _, sr := range rels.Rels {
					switch {
					case strings.HasSuffix(sr.Type, "/vmlDrawing"):
						sp.vml = resolve(sp.part, sr.Target)
					case strings.HasSuffix(sr.Type, "/comments"):
						sp.comments = resolve(sp.part, sr.Target)
					}
				}
			}
			if files[sp.vml] == nil || files[sp.comments] == nil {
				sp.vml, sp.comments = "", ""
			}
			out = append(out, sp)
		}
	}
	return out, nil
}

func decodePart(zf *zip.File, v any) error {
	if zf == nil {
		return nil
	}
	b, err := readPart(zf)
	if err != nil {
		return err
	}
	if err := xml.Unmarshal(b, v); err != nil {
		return fmt.Errorf("%s 无法解析：%w", zf.Name, err)
	}
	return nil
}

// relsOf is the relationships part of part: xl/_rels/workbook.xml.rels.
func relsOf(part string) string {
	return path.Join(path.Dir(part), "_rels", path.Base(part)+".rels")
}

// resolve turns a relationship target into a part name.
func resolve(from, target string) string {
	if strings.HasPrefix(target, "/") {
		return strings.TrimPrefix(target, "/")
	}
	return path.Join(path.Dir(from), target)
}
