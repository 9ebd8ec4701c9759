package xlsxpatch

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"testing"

	"fundcheck/internal/cellref"
	"fundcheck/internal/heapwatch"

	"github.com/xuri/excelize/v2"
)

// benchBook returns the path of a generated workbook, cached in the temp
// folder: a county workbook (基本信息, 项目清单 with projects rows, 资金明细
// with payments rows) written by excelize's StreamWriter.
func benchBook(b *testing.B, projects, payments int) string {
	b.Helper()
	p := filepath.Join(os.TempDir(), fmt.Sprintf("xlsxpatch-bench-%d-%d.xlsx", projects, payments))
	if _, err := os.Stat(p); err == nil {
		return p
	}
	f := excelize.NewFile()
	defer f.Close()
	must := func(err error) {
		if err != nil {
			b.Fatal(err)
		}
	}
	must(f.SetSheetName("Sheet1", "基本信息"))
	for i, kv := range [][2]string{{"县（区）", "阿城区"}, {"年度", "2024"}, {"填报单位", "县财政局"}} {
		must(f.SetSheetRow("基本信息", fmt.Sprintf("A%d", i+1), &[]any{kv[0], kv[1]}))
	}
	money, err := f.NewStyle(&excelize.Style{NumFmt: 4})
	must(err)
	date, err := f.NewStyle(&excelize.Style{NumFmt: 14})
	must(err)
	stream := func(sheet string, header []any, n int, row func(i int) []any) {
		_, err := f.NewSheet(sheet)
		must(err)
		sw, err := f.NewStreamWriter(sheet)
		must(err)
		must(sw.SetRow("A1", header))
		for i := 1; i <= n; i++ {
			cell, _ := excelize.CoordinatesToCellName(1, i+1)
			must(sw.SetRow(cell, row(i)))
		}
		must(sw.Flush())
	}
	stream("项目清单", []any{"序号", "项目名称", "类别", "计划投资", "中央资金", "省级资金", "县级资金", "开工日期", "完工日期", "状态"}, projects, func(i int) []any {
		return []any{i, fmt.Sprintf("项目%d", i), "产业", excelize.Cell{StyleID: money, Value: 100 + float64(i)},
			excelize.Cell{StyleID: money, Value: 60.5}, excelize.Cell{StyleID: money, Value: 20.25}, excelize.Cell{StyleID: money, Value: 19.25},
			excelize.Cell{StyleID: date, Value: 45300 + i%200}, excelize.Cell{StyleID: date, Value: 45500 + i%200}, "已完工"}
	})
	stream("资金明细", []any{"序号", "项目名称", "付款日期", "金额", "收款单位", "凭证号", "资金来源", "备注"}, payments, func(i int) []any {
		return []any{i, fmt.Sprintf("项目%d", i%max(projects, 1)), excelize.Cell{StyleID: date, Value: 45300 + i%300},
			excelize.Cell{StyleID: money, Value: float64(i%997) * 1.25}, fmt.Sprintf("收款单位%d", i%500), fmt.Sprintf("凭%07d", i), "中央", ""}
	})
	must(f.SaveAs(p))
	return p
}

// benchMarks spreads n fill+note marks over the ledger's amount column.
func benchMarks(payments, n int) map[string][]Mark {
	marks := make([]Mark, 0, n)
	for i := 0; i < n; i++ {
		row := 2 + i*payments/n
		marks = append(marks, Mark{Row: row, Col: 4, Fill: "FFC7CE", Note: fmt.Sprintf("金额与项目清单不一致（第%d行）", row)})
	}
	return map[string][]Mark{"资金明细": marks}
}

func benchPatch(b *testing.B, projects, payments, marks int) {
	path := benchBook(b, projects, payments)
	data, err := os.ReadFile(path)
	if err != nil {
		b.Fatal(err)
	}
	donor := donorBook(b, "资金明细")
	plan := Plan{NewSheets: []string{"审核结论", "问题清单"}, Marks: benchMarks(payments, marks)}
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	runtime.GC()
	b.ResetTimer()
	cpu0 := cpuMs(b, 0)
	stop := heapwatch.Start()
	for i := 0; i < b.N; i++ {
		zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
		if err != nil {
			b.Fatal(err)
		}
		dz, err := zip.NewReader(bytes.NewReader(donor), int64(len(donor)))
		if err != nil {
			b.Fatal(err)
		}
		if err := Apply(io.Discard, zr, dz, plan); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(stop())/(1<<20), "peakHeapMB")
	b.ReportMetric(cpuMs(b, cpu0)/float64(b.N), "cpu-ms/op")
}

// benchExcelize does the same with excelize alone: open, a note and a
// cloned style with the fill on every marked cell, write.
func benchExcelize(b *testing.B, projects, payments, marks int) {
	path := benchBook(b, projects, payments)
	data, err := os.ReadFile(path)
	if err != nil {
		b.Fatal(err)
	}
	plan := benchMarks(payments, marks)
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	runtime.GC()
	b.ResetTimer()
	cpu0 := cpuMs(b, 0)
	stop := heapwatch.Start()
	for i := 0; i < b.N; i++ {
		f, err := excelize.OpenReader(bytes.NewReader(data))
		if err != nil {
			b.Fatal(err)
		}
		styles := map[int]int{}
		for _, m := range plan["资金明细"] {
			cell := cellref.Cell(m.Row, m.Col)
			if err := f.AddComment("资金明细", excelize.Comment{Cell: cell, Author: DefaultAuthor, Text: m.Note}); err != nil {
				b.Fatal(err)
			}
			old, _ := f.GetCellStyle("资金明细", cell)
			ns, ok := styles[old]
			if !ok {
				st, _ := f.GetStyle(old)
				st.Fill = excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{m.Fill}}
				if ns, err = f.NewStyle(st); err != nil {
					b.Fatal(err)
				}
				styles[old] = ns
			}
			if err := f.SetCellStyle("资金明细", cell, cell, ns); err != nil {
				b.Fatal(err)
			}
		}
		if _, err := f.WriteTo(io.Discard); err != nil {
			b.Fatal(err)
		}
		f.Close()
	}
	b.ReportMetric(float64(stop())/(1<<20), "peakHeapMB")
	b.ReportMetric(cpuMs(b, cpu0)/float64(b.N), "cpu-ms/op")
}

func BenchmarkPatchCounty(b *testing.B)        { benchPatch(b, 50, 2000, 60) }
func BenchmarkExcelizeCounty(b *testing.B)     { benchExcelize(b, 50, 2000, 60) }
func BenchmarkPatchLedger100k(b *testing.B)    { benchPatch(b, 50, 100_000, 1000) }
func BenchmarkExcelizeLedger100k(b *testing.B) { benchExcelize(b, 50, 100_000, 1000) }

func BenchmarkPatchLedger1M(b *testing.B) {
	if os.Getenv("FUNDCHECK_BENCH_BIG") == "" {
		b.Skip("set FUNDCHECK_BENCH_BIG=1 for the 1M-row ledger")
	}
	benchPatch(b, 50, 1_000_000, 1000)
}

func BenchmarkExcelizeLedger1M(b *testing.B) {
	if os.Getenv("FUNDCHECK_BENCH_BIG") == "" {
		b.Skip("set FUNDCHECK_BENCH_BIG=1 for the 1M-row ledger")
	}
	benchExcelize(b, 50, 1_000_000, 1000)
}

// BenchmarkDonor is the cost of building the two new sheets with excelize.
func BenchmarkDonor(b *testing.B) {
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		donorBook(b, "资金明细")
	}
}
