package sheets

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"path"
	"regexp"
	"strconv"
	"strings"
)

// repairNotes rewrites, in memory, the note drawings of a workbook so that
// excelize can add notes to it. excelize v2.11.1 fails on notes written by
// other programs in three ways: it parses every VML shape id as
// "_x0000_s<number>" (LibreOffice writes "shape_0"); it assumes a sheet's
// comments part is numbered like its VML drawing (LibreOffice numbers the
// comments by sheet, xl/comments3.xml beside vmlDrawing1.vml); and it finds
// the drawing of a note to delete by the box's position, which may be
// another cell's. So the note drawings and comment parts are renumbered 1…k
// in sheet order, other drawings moved out of the way, shape ids made
// numeric, and on the sheets that get notes every note's drawing is removed:
// writeNotes draws them all anew. Every other part is copied as stored.
func repairNotes(data []byte, notes []*cellNote) ([]byte, error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		// Not a zip (an encrypted or legacy file): excelize reports it.
		return data, nil
	}
	files := map[string]*zip.File{}
	hasVML := false
	for _, zf := range zr.File {
		files[zf.Name] = zf
		hasVML = hasVML || isVML(zf.Name)
	}
	if !hasVML {
		return data, nil
	}
	sheets, err := sheetParts(files)
	if err != nil {
		return nil, err
	}
	noted := map[string]bool{}
	for _, n := range notes {
		noted[n.sheet] = true
	}

	rename := map[string]string{}  // part → new part name
	content := map[string][]byte{} // part (old name) → new content
	k := 0
	for _, s := range sheets {
		if s.vml == "" || s.comments == "" {
			continue
		}
		k++
		rename[s.vml] = "xl/drawings/vmlDrawing" + strconv.Itoa(k) + ".vml"
		rename[s.comments] = "xl/comments" + strconv.Itoa(k) + ".xml"
		if r := relsOf(s.vml); files[r] != nil {
			rename[r] = relsOf(rename[s.vml])
		}
		b, err := readPart(files[s.vml])
		if err != nil {
			return nil, err
		}
		content[s.vml] = fixVML(b, k, noted[s.name])
	}
	other := 0
	for _, zf := range zr.File {
		if !isVML(zf.Name) || rename[zf.Name] != "" {
			continue
		}
		// Drawings that hold no notes (header images, form controls) get
		// numbers above any excelize will pick for new notes.
		other++
		rename[zf.Name] = "xl/drawings/vmlDrawing" + strconv.Itoa(1000+other) + ".vml"
		if r := relsOf(zf.Name); files[r] != nil {
			rename[r] = relsOf(rename[zf.Name])
		}
		b, err := readPart(zf)
		if err != nil {
			return nil, err
		}
		content[zf.Name] = fixVML(b, 1000+other, false)
	}
	for _, zf := range zr.File {
		switch {
		case zf.Name == "[Content_Types].xml":
			b, err := readPart(zf)
			if err != nil {
				return nil, err
			}
			content[zf.Name] = renameInContentTypes(b, rename)
		case strings.HasSuffix(zf.Name, ".rels") && strings.Contains(zf.Name, "/_rels/"):
			b, err := readPart(zf)
			if err != nil {
				return nil, err
			}
			if nb, changed := renameInRels(zf.Name, b, rename); changed {
				content[zf.Name] = nb
			}
		}
	}
	return rezip(zr, rename, content)
}

func isVML(name string) bool {
	return strings.HasPrefix(name, "xl/drawings/") && strings.HasSuffix(strings.ToLower(name), ".vml")
}

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

var (
	vmlShape     = regexp.MustCompile(`(?s)<v:shape\b[^>]*?(?:/>|>.*?</v:shape>)`)
	vmlShapeID   = regexp.MustCompile(`^(<v:shape\b[^>]*?\s)id="[^"]*"`)
	vmlExcelID   = regexp.MustCompile(`^<v:shape\b[^>]*?\sid="_x0000_s\d+"`)
	vmlShapeType = regexp.MustCompile(`<v:shapetype\b[^>]*?\sid="([^"]+)"`)
)

// fixVML numbers the shapes of drawing k the way Excel does (_x0000_s1025 …
// for the first drawing), names its shape type after k as excelize expects,
// and, if dropNotes, removes the drawings of its notes.
func fixVML(b []byte, k int, dropNotes bool) []byte {
	n := 0
	b = vmlShape.ReplaceAllFunc(b, func(shape []byte) []byte {
		if dropNotes && bytes.Contains(shape, []byte(`ObjectType="Note"`)) {
			return nil
		}
		if vmlExcelID.Match(shape) {
			return shape
		}
		n++
		id := fmt.Sprintf("_x0000_s%d", 1024*k+n)
		if !vmlShapeID.Match(shape) {
			return append([]byte(`<v:shape id="`+id+`"`), shape[len("<v:shape"):]...)
		}
		return vmlShapeID.ReplaceAll(shape, []byte(`${1}id="`+id+`"`))
	})
	if m := vmlShapeType.FindSubmatch(b); m != nil {
		old, nu := string(m[1]), "_x0000_t"+strconv.Itoa(k)
		b = bytes.ReplaceAll(b, []byte(`"`+old+`"`), []byte(`"`+nu+`"`))
		b = bytes.ReplaceAll(b, []byte(`"#`+old+`"`), []byte(`"#`+nu+`"`))
	}
	return b
}

var partNameAttr = regexp.MustCompile(`PartName="([^"]+)"`)

func renameInContentTypes(b []byte, rename map[string]string) []byte {
	return partNameAttr.ReplaceAllFunc(b, func(m []byte) []byte {
		old := strings.TrimPrefix(string(partNameAttr.FindSubmatch(m)[1]), "/")
		if nu, ok := rename[old]; ok {
			return []byte(`PartName="/` + nu + `"`)
		}
		return m
	})
}

var targetAttr = regexp.MustCompile(`Target="([^"]+)"`)

// renameInRels points the relationships of a part at renamed parts.
func renameInRels(relsName string, b []byte, rename map[string]string) ([]byte, bool) {
	// xl/worksheets/_rels/sheet1.xml.rels belongs to xl/worksheets/sheet1.xml.
	owner := path.Join(path.Dir(path.Dir(relsName)), strings.TrimSuffix(path.Base(relsName), ".rels"))
	changed := false
	out := targetAttr.ReplaceAllFunc(b, func(m []byte) []byte {
		target := string(targetAttr.FindSubmatch(m)[1])
		if strings.Contains(target, "://") {
			return m
		}
		old := resolve(owner, target)
		nu, ok := rename[old]
		if !ok || nu == old {
			return m
		}
		changed = true
		// excelize reads a sheet's drawing number from a relative target
		// (../drawings/vmlDrawing1.vml).
		return []byte(`Target="` + relative(path.Dir(owner), nu) + `"`)
	})
	return out, changed
}

// relative is the relationship target of part seen from folder dir.
func relative(dir, part string) string {
	from, to := strings.Split(dir, "/"), strings.Split(part, "/")
	i := 0
	for i < len(from) && i < len(to)-1 && from[i] == to[i] {
		i++
	}
	return strings.Repeat("../", len(from)-i) + strings.Join(to[i:], "/")
}

// rezip writes the package again: renamed or rewritten parts compressed
// anew, every other part copied byte for byte.
func rezip(zr *zip.Reader, rename map[string]string, content map[string][]byte) ([]byte, error) {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, zf := range zr.File {
		b, changed := content[zf.Name]
		name := zf.Name
		if nu, ok := rename[zf.Name]; ok {
			name = nu
		}
		if !changed && name == zf.Name {
			raw, err := zf.OpenRaw()
			if err != nil {
				return nil, err
			}
			w, err := zw.CreateRaw(&zf.FileHeader)
			if err != nil {
				return nil, err
			}
			if _, err := io.Copy(w, raw); err != nil {
				return nil, err
			}
			continue
		}
		if !changed {
			var err error
			if b, err = readPart(zf); err != nil {
				return nil, err
			}
		}
		w, err := zw.CreateHeader(&zip.FileHeader{Name: name, Method: zip.Deflate, Modified: zf.Modified})
		if err != nil {
			return nil, err
		}
		if _, err := w.Write(b); err != nil {
			return nil, err
		}
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}
