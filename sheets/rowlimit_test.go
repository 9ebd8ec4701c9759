package sheets

import (
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"fundcheck/checker"

	"github.com/xuri/excelize/v2"
)

// TestMoreFindingsThanRows: when the findings do not fit in a sheet (Excel's
// 1,048,576 rows, 12 here), 问题清单 and 问题汇总 list what fits and a last
// row says how many are left out; the filter covers exactly the rows
// written.
func TestMoreFindingsThanRows(t *testing.T) {
	defer func(n int) { rowsPerSheet = n }(rowsPerSheet)
	rowsPerSheet = 12

	in := countyWorkbook(t, t.TempDir(), 12, 40)
	r := sampleReport(in)
	for i := len(r.Findings); i < 30; i++ {
		r.Findings = append(r.Findings, checker.Finding{Code: "TZ402", Severity: checker.Warning, Message: "第" + strconv.Itoa(i) + "条",
			Refs: []checker.Ref{{Sheet: SheetLedger, Row: 5 + i, Col: 3}}})
	}
	out, err := WriteCopy(in, r, CopyOptions{})
	if err != nil {
		t.Fatal(err)
	}
	checkCut(t, out, SheetFindings, 6, len(r.Findings)-10)

	dir := t.TempDir()
	path := filepath.Join(dir, "审核汇总.xlsx")
	var entries []SummaryEntry
	for _, c := range []string{"宾县", "阿城区", "五常市"} {
		entries = append(entries, SummaryEntry{Input: filepath.Join(dir, c+".xlsx"), Output: filepath.Join(dir, c+"_审核结果.xlsx"),
			Report: summaryReport(c, "80", "0", "80", "B", "", r.Findings[:8]...)})
	}
	if err := WriteSummary(path, entries); err != nil {
		t.Fatal(err)
	}
	checkCut(t, path, SheetAllProblem, 7, 3*8-10)
}

// checkCut checks that sheet of the workbook at path lists 10 rows below
// its header and then, in column col, that left are left out.
func checkCut(t *testing.T, path, sheet string, col, left int) {
	t.Helper()
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.GetRows(sheet)
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 12 {
		t.Fatalf("%s has %d rows, want the header, 10 findings and a last row", sheet, len(rows))
	}
	last := rows[11]
	if len(last) < col || !strings.HasPrefix(last[col-1], "另有 "+strconv.Itoa(left)+" 条问题未列出") || !strings.Contains(last[col-1], "最多 12 行") {
		t.Errorf("%s's last row %q", sheet, last)
	}
	if rows[10][0] == "" {
		t.Errorf("%s's row 11 is empty", sheet)
	}
	ok := false
	for _, d := range f.GetDefinedName() {
		if d.Name == "_xlnm._FilterDatabase" && d.Scope == sheet {
			ok = strings.HasSuffix(d.RefersTo, "!$A$1:$G$12")
		}
	}
	if !ok {
		t.Errorf("%s's filter does not cover rows 1-12: %+v", sheet, f.GetDefinedName())
	}
}
