package xlsxpatch

import (
	"archive/zip"
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/xuri/excelize/v2"
)

// donorBook builds the kind of donor the annotated copy uses: a verdict sheet
// with a chart and a findings sheet with internal links, a filter and a
// frozen header. target is the original sheet the links jump to.
func donorBook(t testing.TB, target string) []byte {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	must(f.SetSheetName("Sheet1", "审核结论"))
	_, err := f.NewSheet("问题清单")
	must(err)
	bold, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true, Color: "C00000"}})
	must(err)
	pct, err := f.NewStyle(&excelize.Style{CustomNumFmt: ptr("0.0%"), Border: []excelize.Border{{Type: "bottom", Style: 1, Color: "000000"}}})
	must(err)
	must(f.SetSheetRow("审核结论", "A1", &[]any{"指标", "计算得分", "自评得分"}))
	must(f.SetCellStyle("审核结论", "A1", "C1", bold))
	for i, r := range [][]any{{"产出", 30.5, 28}, {"效益", 20, 25}, {"满意度", 8, 10}} {
		must(f.SetSheetRow("审核结论", fmt.Sprintf("A%d", i+2), &r))
	}
	must(f.SetCellValue("审核结论", "E2", 0.875))
	must(f.SetCellStyle("审核结论", "E2", "E2", pct))
	must(f.AddChart("审核结论", "G2", &excelize.Chart{Type: excelize.Col,
		Series: []excelize.ChartSeries{
			{Name: "'审核结论'!$B$1", Categories: "'审核结论'!$A$2:$A$4", Values: "'审核结论'!$B$2:$B$4"},
			{Name: "'审核结论'!$C$1", Categories: "'审核结论'!$A$2:$A$4", Values: "'审核结论'!$C$2:$C$4"}},
		Title: excelize.ChartTitle{Paragraph: []excelize.RichTextRun{{Text: "计算得分与自评得分"}}}}))
	must(f.SetSheetRow("问题清单", "A1", &[]any{"代码", "严重程度", "单元格", "说明"}))
	must(f.SetCellStyle("问题清单", "A1", "D1", bold))
	for i := 0; i < 3; i++ {
		row := i + 2
		cell := fmt.Sprintf("C%d", row)
		must(f.SetSheetRow("问题清单", fmt.Sprintf("A%d", row), &[]any{fmt.Sprintf("E%03d", i), "错误", fmt.Sprintf("%s!B%d", target, i+2), "金额不一致"}))
		must(f.SetCellHyperLink("问题清单", cell, fmt.Sprintf("'%s'!B%d", target, i+2), "Location"))
	}
	must(f.SetCellHyperLink("问题清单", "D4", "https://example.com/规则", "External"))
	must(f.AutoFilter("问题清单", "A1:D4", nil))
	must(f.SetPanes("问题清单", &excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}))
	var buf bytes.Buffer
	must(f.Write(&buf))
	return buf.Bytes()
}

func ptr[T any](v T) *T { return &v }

func zipOf(t testing.TB, b []byte) *zip.Reader {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatal(err)
	}
	return zr
}

func readFixture(t testing.TB, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// patch applies p to orig with the standard donor and returns the result.
func patch(t testing.TB, orig []byte, p Plan, target string) []byte {
	t.Helper()
	var out bytes.Buffer
	if err := Apply(&out, zipOf(t, orig), zipOf(t, donorBook(t, target)), p); err != nil {
		t.Fatal(err)
	}
	return out.Bytes()
}

func openBook(t testing.TB, b []byte) *excelize.File {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	return f
}

// TestMain-free debugging aid: XLSXPATCH_KEEP=dir keeps every patched book.
func keep(t testing.TB, name string, b []byte) {
	if dir := os.Getenv("XLSXPATCH_KEEP"); dir != "" {
		os.WriteFile(filepath.Join(dir, name), b, 0o644)
	}
}
