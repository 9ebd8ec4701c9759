package xlsxpatch

import (
	"regexp"
	"strings"
	"testing"
)

// prefixed rewrites a SpreadsheetML part the way some writers do: every
// element of the main namespace carries an x: prefix.
func prefixed(doc string) string {
	doc = strings.Replace(doc, `xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"`,
		`xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"`, 1)
	return regexp.MustCompile(`<(/?)([A-Za-z]+[ />])`).ReplaceAllString(doc, "<${1}x:$2")
}

// TestApplyPrefixedSpreadsheetML patches a workbook whose workbook, styles
// and sheet parts use the x: prefix.
func TestApplyPrefixedSpreadsheetML(t *testing.T) {
	orig := excelizeOriginal(t)
	for _, part := range []string{"xl/workbook.xml", "xl/styles.xml", "xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml"} {
		orig = withPart(t, orig, part, prefixed(string(mustPart(t, orig, part))))
	}
	if !strings.Contains(string(mustPart(t, orig, "xl/worksheets/sheet2.xml")), "<x:row ") {
		t.Fatal("the fixture is not prefixed")
	}
	got := patch(t, orig, Plan{NewSheets: []string{"审核结论", "问题清单"}, Marks: map[string][]Mark{ledger: testMarks}}, ledger)
	checkPatched(t, orig, got, true)
	for _, part := range []string{"xl/workbook.xml", "xl/styles.xml", "xl/worksheets/sheet2.xml"} {
		if s := string(mustPart(t, got, part)); regexp.MustCompile(`<(sheet|xf|fill|c|row|legacyDrawing) `).MatchString(s) {
			t.Errorf("%s: an unprefixed element was added to a prefixed part", part)
		}
	}
}
