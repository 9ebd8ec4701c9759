package xlsxpatch

import (
	"bytes"
	"strconv"
	"strings"
	"testing"
)

// fakeRestyle names the new format after the old one and the fill, so the
// expected XML shows which original format each marked cell started from.
func fakeRestyle(xf int, fill string) int {
	n, _ := strconv.Atoi(strconv.Itoa(xf) + "0" + strconv.Itoa(len(fill)))
	return n
}

func TestRewriteSheet(t *testing.T) {
	const ws = `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">`
	fill := func(row int, cols ...int) fillRow {
		fr := fillRow{row: row}
		for _, c := range cols {
			fr.cells = append(fr.cells, fillCell{col: c, fill: "FFFFC7CE"})
		}
		return fr
	}
	tests := []struct {
		name   string
		in     string
		rows   []fillRow
		tab    tabChange
		legacy string
		want   string
	}{{
		name: "existing cells keep their attributes, s replaced or added",
		in:   ws + `<sheetData><row r="2"><c r="A2" s="3" t="s"><v>1</v></c><c r="B2"><v>2</v></c></row></sheetData></worksheet>`,
		rows: []fillRow{fill(2, 1, 2)},
		want: ws + `<sheetData><row r="2"><c r="A2" s="308" t="s"><v>1</v></c><c r="B2" s="8"><v>2</v></c></row></sheetData></worksheet>`,
	}, {
		name: "self-closing cell and missing cells in order",
		in:   ws + `<sheetData><row r="1"><c r="B1" s="3"/><c r="D1"><v>1</v></c></row></sheetData></worksheet>`,
		rows: []fillRow{fill(1, 1, 2, 3, 5)},
		want: ws + `<sheetData><row r="1"><c r="A1" s="8"/><c r="B1" s="308"/><c r="C1" s="8"/><c r="D1"><v>1</v></c><c r="E1" s="8"/></row></sheetData></worksheet>`,
	}, {
		name: "missing rows before, between and after, and a self-closing row",
		in:   ws + `<sheetData><row r="3"><c r="A3"><v>1</v></c></row><row r="5" s="7" customFormat="1"/></sheetData></worksheet>`,
		rows: []fillRow{fill(1, 2), fill(4, 1), fill(5, 2), fill(9, 3)},
		want: ws + `<sheetData><row r="1"><c r="B1" s="8"/></row><row r="3"><c r="A3"><v>1</v></c></row><row r="4"><c r="A4" s="8"/></row>` +
			`<row r="5" s="7" customFormat="1"><c r="B5" s="708"/></row><row r="9"><c r="C9" s="8"/></row></sheetData></worksheet>`,
	}, {
		name: "cells and rows without r get their position written once something is inserted",
		in:   ws + `<sheetData><row><c><v>1</v></c><c><v>2</v></c><c><v>3</v></c></row><row><c><v>4</v></c></row></sheetData></worksheet>`,
		rows: []fillRow{fill(1, 2, 4), fill(2, 1)},
		want: ws + `<sheetData><row><c r="A1"><v>1</v></c><c r="B1" s="8"><v>2</v></c><c r="C1"><v>3</v></c><c r="D1" s="8"/></row><row><c r="A2" s="8"><v>4</v></c></row></sheetData></worksheet>`,
	}, {
		name: "empty sheetData, column style for inserted cells",
		in:   ws + `<cols><col min="2" max="3" style="6" width="9"/></cols><sheetData/></worksheet>`,
		rows: []fillRow{fill(2, 1, 3)},
		want: ws + `<cols><col min="2" max="3" style="6" width="9"/></cols><sheetData><row r="2"><c r="A2" s="8"/><c r="C2" s="608"/></row></sheetData></worksheet>`,
	}, {
		name: "a cell without s in a styled column or row starts from that style",
		in:   ws + `<cols><col min="1" max="9" style="6"/></cols><sheetData><row r="1"><c r="A1"><v>1</v></c></row><row r="2" s="4" customFormat="1"><c r="A2"/></row></sheetData></worksheet>`,
		rows: []fillRow{fill(1, 1), fill(2, 1)},
		want: ws + `<cols><col min="1" max="9" style="6"/></cols><sheetData><row r="1"><c r="A1" s="608"><v>1</v></c></row><row r="2" s="4" customFormat="1"><c r="A2" s="408"/></row></sheetData></worksheet>`,
	}, {
		name:   "legacyDrawing goes before tableParts and extLst, after drawing",
		in:     ws + `<sheetData/><pageSetup/><drawing r:id="rId1"/><tableParts count="1"><tablePart r:id="rId2"/></tableParts><extLst/></worksheet>`,
		legacy: "rId9",
		want:   ws + `<sheetData/><pageSetup/><drawing r:id="rId1"/><legacyDrawing r:id="rId9"/><tableParts count="1"><tablePart r:id="rId2"/></tableParts><extLst/></worksheet>`,
	}, {
		name:   "legacyDrawing at the end, relationships namespace declared when the root lacks it",
		in:     `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData></sheetData><pageMargins left="1"/></worksheet>`,
		legacy: "rId1",
		want:   `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData></sheetData><pageMargins left="1"/><legacyDrawing xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:id="rId1"/></worksheet>`,
	}, {
		name:   "an existing legacyDrawing is pointed at the new drawing",
		in:     ws + `<sheetData/><legacyDrawing r:id="rId3"></legacyDrawing><legacyDrawingHF r:id="rId4"/></worksheet>`,
		legacy: "rId7",
		want:   ws + `<sheetData/><legacyDrawing r:id="rId7"/><legacyDrawingHF r:id="rId4"/></worksheet>`,
	}, {
		name: "prefixed SpreadsheetML",
		in:   `<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData><x:row r="2"><x:c r="B2" s="1"><x:v>1</x:v></x:c></x:row></x:sheetData></x:worksheet>`,
		rows: []fillRow{fill(2, 1, 2), fill(3, 1)}, legacy: "rId2",
		want: `<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData><x:row r="2"><x:c r="A2" s="8"/><x:c r="B2" s="108"><x:v>1</x:v></x:c></x:row><x:row r="3"><x:c r="A3" s="8"/></x:row></x:sheetData>` +
			`<x:legacyDrawing xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:id="rId2"/></x:worksheet>`,
	}, {
		name: "tab selection cleared",
		in:   ws + `<sheetViews><sheetView tabSelected="1" workbookViewId="0"><pane ySplit="1"/></sheetView></sheetViews><sheetData/></worksheet>`,
		tab:  tabClear,
		want: ws + `<sheetViews><sheetView workbookViewId="0"><pane ySplit="1"/></sheetView></sheetViews><sheetData/></worksheet>`,
	}, {
		name: "declaration, comments, CDATA and text pass through",
		in:   `<?xml version="1.0"?>` + "\n" + ws + `<!-- a > b --><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t><![CDATA[<c r="Z9"/>]]></t></is></c></row></sheetData></worksheet>`,
		rows: []fillRow{fill(1, 1)},
		want: `<?xml version="1.0"?>` + "\n" + ws + `<!-- a > b --><sheetData><row r="1"><c r="A1" t="inlineStr" s="8"><is><t><![CDATA[<c r="Z9"/>]]></t></is></c></row></sheetData></worksheet>`,
	}}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var out bytes.Buffer
			e := &sheetEdit{rows: tc.rows, restyle: fakeRestyle, tab: tc.tab, legacyRID: tc.legacy}
			if err := rewriteSheet(&out, strings.NewReader(tc.in), e); err != nil {
				t.Fatal(err)
			}
			if out.String() != tc.want {
				t.Errorf("got\n%s\nwant\n%s", out.String(), tc.want)
			}
		})
	}
}

func TestRewriteSheetErrors(t *testing.T) {
	for _, in := range []string{
		`<worksheet><sheetData><row r="1"><c r="A1`,
		`<worksheet><sheetData>`,
	} {
		var out bytes.Buffer
		err := rewriteSheet(&out, strings.NewReader(in), &sheetEdit{restyle: fakeRestyle})
		if _, ok := err.(*PartError); !ok {
			t.Errorf("%q: error %v, want a *PartError", in, err)
		}
	}
}

func TestScannerAttributes(t *testing.T) {
	tag := []byte(`<c r="A1" s='3' t = "s" x:y="&quot;>"/>`)
	if v, _ := attr(tag, "s"); string(v) != "3" {
		t.Errorf("s = %q", v)
	}
	if v, _ := attr(tag, "t"); string(v) != "s" {
		t.Errorf("t = %q", v)
	}
	if v, _ := attr(tag, "x:y"); string(v) != "&quot;>" {
		t.Errorf("x:y = %q", v)
	}
	if got := string(removeAttr(tag, "t")); got != `<c r="A1" s='3' x:y="&quot;>"/>` {
		t.Errorf("removeAttr: %s", got)
	}
	if got := string(setAttr(tag, "q", "1")); got != `<c r="A1" s='3' t = "s" x:y="&quot;>" q="1"/>` {
		t.Errorf("setAttr: %s", got)
	}
}

func TestIndexTag(t *testing.T) {
	for _, tc := range []struct {
		b, end string
		want   int
	}{
		{`<c r="A1"><v>1</v></c></row><row>`, "</row>", 22},
		{`w</row>`, "</row>", 1},
		{`</ro`, "</row>", -1},
		{`<x:c/></x:row>`, "</x:row>", 6},
		{`row>`, "</row>", -1},
	} {
		if got := indexTag([]byte(tc.b), []byte(tc.end)); got != tc.want {
			t.Errorf("indexTag(%q, %q) = %d, want %d", tc.b, tc.end, got, tc.want)
		}
	}
}
