package xlsxpatch

import (
	"bytes"
	"io"
	"testing"
)

// FuzzRewriteSheet feeds arbitrary worksheet XML to the streamed rewrite: it
// may fail, never panic, and a sheet it accepts keeps every byte it had
// outside the tags it edits.
func FuzzRewriteSheet(f *testing.F) {
	f.Add([]byte(`<worksheet><sheetData><row r="2"><c r="B2" s="1"><v>1</v></c></row></sheetData></worksheet>`))
	f.Add([]byte(`<x:worksheet xmlns:x="m"><x:sheetData><x:row><x:c/><x:c t="s"><x:v>0</x:v></x:c></x:row><x:row/></x:sheetData><x:legacyDrawing r:id="rId1"/></x:worksheet>`))
	f.Add([]byte(`<worksheet><cols><col min="1" max="9" style="2"/></cols><sheetData/><tableParts/></worksheet>`))
	f.Fuzz(func(t *testing.T, data []byte) {
		e := &sheetEdit{
			rows:      []fillRow{{row: 1, cells: []fillCell{{1, "FFFFC7CE"}, {3, "FFFFC7CE"}}}, {row: 2, cells: []fillCell{{2, "FFFFEB9C"}}}, {row: 40, cells: []fillCell{{1, "FFFFC7CE"}}}},
			restyle:   fakeRestyle,
			tab:       tabClear,
			legacyRID: "rId99",
		}
		var out bytes.Buffer
		if err := rewriteSheet(&out, bytes.NewReader(data), e); err != nil {
			return
		}
		if _, err := peekTabSelected(bytes.NewReader(out.Bytes())); err != nil && err != io.EOF {
			t.Errorf("the rewrite of an accepted sheet does not scan again: %v", err)
		}
	})
}

// FuzzSmallParts feeds arbitrary bytes to the rewrites of the parts read
// whole: styles, workbook, comments. They may refuse, never panic.
func FuzzSmallParts(f *testing.F) {
	f.Add([]byte(`<styleSheet><fills count="1"><fill/></fills><cellXfs count="1"><xf fillId="0"/></cellXfs></styleSheet>`))
	f.Add([]byte(`<workbook><bookViews><workbookView/></bookViews><sheets><sheet name="a" sheetId="1" r:id="rId1"/></sheets><definedNames><definedName localSheetId="0" name="x">a!A1</definedName></definedNames></workbook>`))
	f.Add([]byte(`<comments><authors><author>a</author></authors><commentList><comment ref="B2" authorId="0"><text><t>x</t></text></comment></commentList></comments>`))
	f.Fuzz(func(t *testing.T, data []byte) {
		if st, err := parseStyles(data); err == nil {
			st.markedXf(3, "FFFFC7CE")
			(&styleImport{dst: st, src: st, xf: map[int]int{}}).xfIndex(1)
			st.bytes()
		}
		rewriteWorkbook(data, []addedSheet{{name: "新", rid: "rId9", id: 9, names: [][]byte{[]byte(`<definedName localSheetId="0"/>`)}}}, true, 1)
		if np, err := parseNotes("c.xml", data); err == nil {
			np.add(2, 2, "a", "b", 0, 0)
			np.bytes()
			np.vml(1)
		}
		elements(data, 1, "si")
		innerOf(data)
		plainToRun(string(data))
	})
}
