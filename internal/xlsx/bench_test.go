package xlsx

import (
	"archive/zip"
	"fmt"
	"io"
	"os"
	"testing"

	"fundcheck/internal/heapwatch"

	"github.com/xuri/excelize/v2"
)

// BenchmarkLedger reads generated payment ledgers (8 columns) four ways:
// this package, excelize's Rows and GetRows (raw values), and inflating the
// sheet part alone, the floor for any reader (its rows/s is the ledger's
// rows over the time to inflate them). It reports rows/s and
// peak-heap-MB: the highest heap (live and not yet swept objects, from
// runtime/metrics sampled every millisecond) while reading, above what was
// live before; and cpu-ms/op. The million-row ledger is opt-in: FUNDCHECK_BENCH_BIG=1.
func BenchmarkLedger(b *testing.B) {
	sizes := []int{2000, 100000}
	if os.Getenv("FUNDCHECK_BENCH_BIG") != "" {
		sizes = append(sizes, 1000000)
	}
	readers := []struct {
		name string
		read func(b *testing.B, path string) int
	}{
		{"xlsx", readXLSX},
		{"excelizeRows", readExcelizeRows},
		{"excelizeGetRows", readExcelizeGetRows},
		{"inflate", inflateSheet},
	}
	for _, n := range sizes {
		path := ledger(b, n)
		for _, r := range readers {
			b.Run(fmt.Sprintf("rows=%d/%s", n, r.name), func(b *testing.B) {
				peak, cpu := heapwatch.Start(), cpuTime()
				for b.Loop() {
					if rows := r.read(b, path); rows != n+1 && r.name != "inflate" {
						b.Fatalf("%d rows, want %d", rows, n+1)
					}
				}
				b.ReportMetric(float64(n+1)*float64(b.N)/b.Elapsed().Seconds(), "rows/s")
				b.ReportMetric(float64(peak())/(1<<20), "peak-heap-MB")
				b.ReportMetric(float64((cpuTime()-cpu).Milliseconds())/float64(b.N), "cpu-ms/op")
			})
		}
	}
}

func readXLSX(b *testing.B, path string) int {
	f, err := Open(path)
	if err != nil {
		b.Fatal(err)
	}
	defer f.Close()
	rows := 0
	err = f.Rows(ledgerSheet, func(row int, cells []Cell) error {
		rows++
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
	return rows
}

func readExcelizeRows(b *testing.B, path string) int {
	f, err := excelize.OpenFile(path, excelize.Options{RawCellValue: true})
	if err != nil {
		b.Fatal(err)
	}
	defer f.Close()
	it, err := f.Rows(ledgerSheet)
	if err != nil {
		b.Fatal(err)
	}
	rows := 0
	for it.Next() {
		if _, err := it.Columns(); err != nil {
			b.Fatal(err)
		}
		rows++
	}
	if err := it.Close(); err != nil {
		b.Fatal(err)
	}
	return rows
}

func readExcelizeGetRows(b *testing.B, path string) int {
	f, err := excelize.OpenFile(path, excelize.Options{RawCellValue: true})
	if err != nil {
		b.Fatal(err)
	}
	defer f.Close()
	rows, err := f.GetRows(ledgerSheet)
	if err != nil {
		b.Fatal(err)
	}
	return len(rows)
}

func inflateSheet(b *testing.B, path string) int {
	zr, err := zip.OpenReader(path)
	if err != nil {
		b.Fatal(err)
	}
	defer zr.Close()
	for _, zf := range zr.File {
		if zf.Name == "xl/worksheets/sheet1.xml" {
			rc, err := zf.Open()
			if err != nil {
				b.Fatal(err)
			}
			defer rc.Close()
			if _, err := io.Copy(io.Discard, rc); err != nil {
				b.Fatal(err)
			}
			return 0
		}
	}
	b.Fatal("no sheet part")
	return 0
}
