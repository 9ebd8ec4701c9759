package xlsx

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
)

// ledgerSheet is the sheet of the generated payment ledgers.
const ledgerSheet = "资金支付明细"

// ledger returns the path of a generated payment ledger of n rows (plus a
// header) × 8 columns, made once and kept under os.TempDir() so that
// benchmark reruns are fast.
func ledger(tb testing.TB, n int) string {
	tb.Helper()
	dir := filepath.Join(os.TempDir(), "fundcheck-xlsx-bench")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		tb.Fatal(err)
	}
	path := filepath.Join(dir, fmt.Sprintf("ledger-%d-v1.xlsx", n))
	if _, err := os.Stat(path); err == nil {
		return path
	}
	tmp := strings.TrimSuffix(path, ".xlsx") + "-inline.xlsx"
	if err := writeLedger(tmp, n); err != nil {
		tb.Fatal(err)
	}
	defer os.Remove(tmp)
	if err := toSharedStrings(tmp, path+".part"); err != nil {
		tb.Fatal(err)
	}
	if err := os.Rename(path+".part", path); err != nil {
		tb.Fatal(err)
	}
	return path
}

// writeLedger writes the ledger with excelize's StreamWriter: 序号, 凭证号
// (unique), 支付日期 (date format), 项目名称 (50 projects), 收款单位 (200
// payees), 资金级次 (4 levels), 金额 (an amount), 支付进度 (a percentage).
func writeLedger(path string, n int) error {
	f := excelize.NewFile()
	defer f.Close()
	if err := f.SetSheetName("Sheet1", ledgerSheet); err != nil {
		return err
	}
	sw, err := f.NewStreamWriter(ledgerSheet)
	if err != nil {
		return err
	}
	dateStyle, _ := f.NewStyle(&excelize.Style{NumFmt: 14})
	moneyStyle, _ := f.NewStyle(&excelize.Style{NumFmt: 4})
	pctStyle, _ := f.NewStyle(&excelize.Style{NumFmt: 10})
	header := []any{"序号", "凭证号", "支付日期", "项目名称", "收款单位", "资金级次", "金额（万元）", "支付进度"}
	if err := sw.SetRow("A1", header); err != nil {
		return err
	}
	levels := []string{"中央", "省级", "市级", "县级"}
	start := time.Date(2023, 1, 1, 0, 0, 0, 0, time.UTC)
	row := make([]any, 8)
	for i := 1; i <= n; i++ {
		row[0] = i
		row[1] = fmt.Sprintf("记-%04d-%07d", 2023, i)
		row[2] = excelize.Cell{StyleID: dateStyle, Value: start.AddDate(0, 0, i%365)}
		row[3] = fmt.Sprintf("第%d号 乡村振兴产业项目&配套", i%50+1)
		row[4] = fmt.Sprintf("阿城区第%d合作社", i%200+1)
		row[5] = levels[i%4]
		row[6] = excelize.Cell{StyleID: moneyStyle, Value: float64(i%100000) / 100}
		row[7] = excelize.Cell{StyleID: pctStyle, Value: float64(i%1000) / 1000}
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		if err := sw.SetRow(cell, row); err != nil {
			return err
		}
	}
	if err := sw.Flush(); err != nil {
		return err
	}
	return f.SaveAs(path)
}

// toSharedStrings copies the workbook at src to dst with the inline strings
// of the StreamWriter's sheet turned into shared strings, the way Excel and
// WPS store text.
func toSharedStrings(src, dst string) error {
	zr, err := zip.OpenReader(src)
	if err != nil {
		return err
	}
	defer zr.Close()
	out, err := os.Create(dst)
	if err != nil {
		return err
	}
	defer out.Close()
	zw := zip.NewWriter(out)
	index := map[string]int{}
	var items [][]byte
	for _, zf := range zr.File {
		edit := map[string]func([]byte) []byte{
			"xl/worksheets/sheet1.xml": func(b []byte) []byte {
				open, end := []byte(` t="inlineStr"><is><t>`), []byte(`</t></is>`)
				var res bytes.Buffer
				for {
					i := bytes.Index(b, open)
					if i < 0 {
						res.Write(b)
						return res.Bytes()
					}
					res.Write(b[:i])
					b = b[i+len(open):]
					j := bytes.Index(b, end)
					k, ok := index[string(b[:j])]
					if !ok {
						k = len(items)
						index[string(b[:j])] = k
						items = append(items, b[:j])
					}
					res.WriteString(` t="s"><v>` + strconv.Itoa(k) + `</v>`)
					b = b[j+len(end):]
				}
			},
			"xl/_rels/workbook.xml.rels": func(b []byte) []byte {
				return bytes.Replace(b, []byte("</Relationships>"), []byte(`<Relationship Id="rIdSST" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>`), 1)
			},
			"[Content_Types].xml": func(b []byte) []byte {
				return bytes.Replace(b, []byte("</Types>"), []byte(`<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>`), 1)
			},
		}[zf.Name]
		if edit == nil {
			if err := zw.Copy(zf); err != nil {
				return err
			}
			continue
		}
		rc, err := zf.Open()
		if err != nil {
			return err
		}
		b, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			return err
		}
		w, err := zw.Create(zf.Name)
		if err != nil {
			return err
		}
		if _, err := w.Write(edit(b)); err != nil {
			return err
		}
	}
	w, err := zw.Create("xl/sharedStrings.xml")
	if err != nil {
		return err
	}
	fmt.Fprintf(w, `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>`+"\n"+`<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="%d" uniqueCount="%d">`, len(items), len(items))
	for _, it := range items {
		fmt.Fprintf(w, "<si><t>%s</t></si>", it)
	}
	io.WriteString(w, "</sst>")
	if err := zw.Close(); err != nil {
		return err
	}
	return out.Close()
}

// TestLedgerMatchesExcelize compares the two readers on a generated ledger,
// shared strings and all.
func TestLedgerMatchesExcelize(t *testing.T) {
	if testing.Short() {
		t.Skip("generates a ledger")
	}
	compareWithExcelize(t, ledger(t, 2000))
}
