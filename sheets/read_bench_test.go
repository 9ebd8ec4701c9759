package sheets

import (
	"fmt"
	"path/filepath"
	"testing"

	"github.com/xuri/excelize/v2"
)

// writeLedger writes a workbook whose 支付台账 holds n payments, through
// excelize's stream writer, as a county's big export would look.
func writeLedger(b *testing.B, n int) string {
	b.Helper()
	f := excelize.NewFile()
	defer f.Close()
	heads := map[string][]any{
		SheetInfo:     {"项目", "内容"},
		SheetNotices:  {"资金级次", "金额（万元）", "收到文件日期", "落实到项目日期"},
		SheetProjects: {"项目名称", "项目类别", "预算资金（万元）"},
		SheetScores:   {"序号", "自评得分"},
	}
	for name, head := range heads {
		f.NewSheet(name)
		f.SetSheetRow(name, "A1", &head)
	}
	f.NewSheet(SheetLedger)
	f.DeleteSheet("Sheet1")
	dateStyle, _ := f.NewStyle(&excelize.Style{NumFmt: 14})
	sw, err := f.NewStreamWriter(SheetLedger)
	if err != nil {
		b.Fatal(err)
	}
	sw.SetRow("A1", []any{"支付日期", "项目编号", "项目名称", "支付金额（万元）", "凭证号", "收款单位"})
	for i := 2; i <= n+1; i++ {
		cell, _ := excelize.CoordinatesToCellName(1, i)
		sw.SetRow(cell, []any{
			excelize.Cell{Value: 44927 + i%365, StyleID: dateStyle},
			fmt.Sprintf("XM%04d", i%500), fmt.Sprintf("项目%d", i%500), float64(i%1000) / 100,
			fmt.Sprintf("记-%06d", i), "某某合作社",
		})
	}
	if err := sw.Flush(); err != nil {
		b.Fatal(err)
	}
	path := filepath.Join(b.TempDir(), "ledger.xlsx")
	if err := f.SaveAs(path); err != nil {
		b.Fatal(err)
	}
	return path
}

func BenchmarkReadLedger20k(b *testing.B) {
	path := writeLedger(b, 20000)
	b.ResetTimer()
	for range b.N {
		wb, err := Read(path, Options{})
		if err != nil || len(wb.Payments) != 20000 {
			b.Fatal(err)
		}
	}
}
