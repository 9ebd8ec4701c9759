package batch_test

import (
	"fmt"
	"io"
	"os"
	"runtime"
	"sync"
	"testing"

	"fundcheck/batch"
	"fundcheck/checker"
	"fundcheck/internal/benchdata"
	"fundcheck/internal/gctune"
	"fundcheck/internal/heapwatch"
	"fundcheck/sheets"

	"github.com/xuri/excelize/v2"
)

// The end-to-end benchmarks run what fundcheck does to a file — read, check,
// write the annotated copy (batch.Default) — on generated county workbooks
// (internal/benchdata), and the same work done with excelize alone for
// comparison: GetRows of every sheet, then a note and a filled style on
// every cell the check flagged, then the whole workbook written out.
//
// Metrics: rows/s (ledger rows over wall time), peak-heap-MB (the highest
// heap in use — live and not yet swept objects, runtime/metrics sampled every
// millisecond — above the heap before the run; peak RSS of the real program
// is measured by scripts/bench.sh), and flagged (ledger cells flagged by the
// check, which the benchmark insists on).
//
// The million-row ledger and the batch of 3,000 files are opt-in:
// FUNDCHECK_BENCH_BIG=1.

const ledgerSheet = "支付台账"

// TestMain sets the collector as the program does (main.go), so that the
// benchmarks measure what a user gets.
func TestMain(m *testing.M) {
	gctune.Apply()
	os.Exit(m.Run())
}

func big() bool { return os.Getenv("FUNDCHECK_BENCH_BIG") != "" }

// ledgerCase is one workbook size: ledger rows and the pairs of repeated
// vouchers that make the check flag 2×repeats ledger cells.
type ledgerCase struct {
	name     string
	payments int
	repeats  int
}

func ledgerCases() []ledgerCase {
	cs := []ledgerCase{{"county", 2000, 30}, {"ledger100k", 100_000, 500}}
	if big() {
		cs = append(cs, ledgerCase{"ledger1M", 1_000_000, 500})
	}
	return cs
}

func benchFile(b *testing.B, payments, repeats int) string {
	b.Helper()
	p, err := benchdata.County(50, payments, repeats)
	if err != nil {
		b.Fatal(err)
	}
	return p
}

// BenchmarkFile checks one workbook, fundcheck's way and excelize's way. The
// excelize way is not run on the million-row ledger: on 100k rows it already
// takes tens of seconds.
func BenchmarkFile(b *testing.B) {
	for _, c := range ledgerCases() {
		path := benchFile(b, c.payments, c.repeats)
		// Read and checked once, by whichever of the two runs first.
		marks := sync.OnceValues(func() ([]checker.Ref, error) { return flagged(path, c.repeats) })
		b.Run(c.name+"/fundcheck", func(b *testing.B) {
			refs, err := marks()
			if err != nil {
				b.Fatal(err)
			}
			out := b.TempDir()
			peak := heapwatch.Start()
			for b.Loop() {
				freshStart(b)
				rs := batch.Default().Run([]string{path}, batch.Options{OutDir: out, Overwrite: true, Jobs: 1}, nil)
				if rs[0].Err != nil {
					b.Fatal(rs[0].Err)
				}
			}
			report(b, c.payments, peak)
			b.ReportMetric(float64(len(refs)), "flagged")
		})
		if c.payments > 100_000 {
			continue
		}
		b.Run(c.name+"/excelize", func(b *testing.B) {
			refs, err := marks()
			if err != nil {
				b.Fatal(err)
			}
			peak := heapwatch.Start()
			for b.Loop() {
				freshStart(b)
				excelizeCopy(b, path, refs)
			}
			report(b, c.payments, peak)
		})
	}
}

// freshStart collects, outside the timer, the garbage the last iteration
// left: each iteration stands for one run of the program, which starts with
// an empty heap, and at GOGC 400 that garbage would otherwise count in the
// next iteration's peak heap (346 MB instead of 158 MB on the 100k ledger).
func freshStart(b *testing.B) {
	b.StopTimer()
	runtime.GC()
	b.StartTimer()
}

// flagged reads and checks the workbook once and returns the ledger cells
// the check flags: about two for each repeated voucher, or an error.
func flagged(path string, repeats int) ([]checker.Ref, error) {
	wb, err := sheets.Read(path, sheets.Options{})
	if err != nil {
		return nil, err
	}
	refs := ledgerRefs(checker.Check(wb))
	if want := 2 * repeats; len(refs) < want || len(refs) > want+want/10+20 {
		return nil, fmt.Errorf("%s: %d ledger cells flagged, want about %d", path, len(refs), want)
	}
	return refs, nil
}

// BenchmarkBatch checks a folder of county workbooks with two jobs: copies
// of a few generated counties under different names (300 files; 3,000 with
// FUNDCHECK_BENCH_BIG=1). Run keeps every result, so memory grows with the
// number of files by what a result keeps (kept-KB/file); the program keeps
// none (Each), and internal/app's BenchmarkCheckFolder measures it whole.
func BenchmarkBatch(b *testing.B) {
	counts := []int{300}
	if big() {
		counts = append(counts, 3000)
	}
	for _, n := range counts {
		b.Run(fmt.Sprintf("files=%d", n), func(b *testing.B) {
			out := b.TempDir()
			files, err := benchdata.Folder(b.TempDir(), n)
			if err != nil {
				b.Fatal(err)
			}
			peak := heapwatch.Start()
			var results []batch.Result
			for b.Loop() {
				results = batch.Default().Run(files, batch.Options{OutDir: out, Overwrite: true, Jobs: 2}, nil)
				for _, r := range results {
					if r.Err != nil {
						b.Fatal(r.Err)
					}
				}
			}
			report(b, n*2000, peak)
			b.ReportMetric(b.Elapsed().Seconds()/float64(b.N)/float64(n)*1000, "ms/file")
			// What a result keeps: its report, never the workbook it was
			// made from.
			b.ReportMetric(float64(heapwatch.Live())/float64(n)/(1<<10), "kept-KB/file")
			runtime.KeepAlive(results)
		})
	}
}

func report(b *testing.B, rows int, peak func() uint64) {
	b.ReportMetric(float64(rows)*float64(b.N)/b.Elapsed().Seconds(), "rows/s")
	b.ReportMetric(float64(peak())/(1<<20), "peak-heap-MB")
}

// ledgerRefs is every ledger cell the report flags, once each.
func ledgerRefs(rep *checker.Report) []checker.Ref {
	seen := map[checker.Ref]bool{}
	var refs []checker.Ref
	for _, f := range rep.Findings {
		for _, r := range f.Refs {
			if r.Sheet == ledgerSheet && r.Col > 0 && !seen[r] {
				seen[r] = true
				refs = append(refs, r)
			}
		}
	}
	return refs
}

// excelizeCopy is the work of one file done with excelize: every sheet read
// with GetRows, a note and a filled copy of the cell's style on every
// flagged cell, the workbook written.
func excelizeCopy(b *testing.B, path string, marks []checker.Ref) {
	f, err := excelize.OpenFile(path)
	if err != nil {
		b.Fatal(err)
	}
	defer f.Close()
	for _, s := range f.GetSheetList() {
		if _, err := f.GetRows(s); err != nil {
			b.Fatal(err)
		}
	}
	styles := map[int]int{}
	for _, m := range marks {
		cell, _ := excelize.CoordinatesToCellName(m.Col, m.Row)
		if err := f.AddComment(m.Sheet, excelize.Comment{Cell: cell, Author: "fundcheck", Text: "凭证号重复"}); err != nil {
			b.Fatal(err)
		}
		old, _ := f.GetCellStyle(m.Sheet, cell)
		ns, ok := styles[old]
		if !ok {
			st, _ := f.GetStyle(old)
			st.Fill = excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"FFEB9C"}}
			if ns, err = f.NewStyle(st); err != nil {
				b.Fatal(err)
			}
			styles[old] = ns
		}
		if err := f.SetCellStyle(m.Sheet, cell, cell, ns); err != nil {
			b.Fatal(err)
		}
	}
	if _, err := f.WriteTo(io.Discard); err != nil {
		b.Fatal(err)
	}
}
