package app

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"strings"
	"testing"
	"time"

	"fundcheck/batch"
	"fundcheck/internal/benchdata"
	"fundcheck/internal/gctune"
	"fundcheck/internal/heapwatch"
	"fundcheck/sheets"
)

// TestMain sets the collector as the program does (main.go), so that the
// benchmark measures what a user gets.
func TestMain(m *testing.M) {
	gctune.Apply()
	os.Exit(m.Run())
}

// BenchmarkCheckFolder runs the whole command as a province's script does,
// `fundcheck check --json --out DIR -j 2 FOLDER`, on a folder of generated
// county workbooks (300 files; 3,000 with FUNDCHECK_BENCH_BIG=1): the real
// checker, the copies, the summary, and the JSON document (thrown away).
// Unlike batch's BenchmarkBatch, which keeps Run's results, nothing here may
// keep a file's result once it is printed, summarised and in the JSON, so the
// peak heap must not grow with the number of files.
//
// Metrics: peak-heap-MB (the highest heap in use above the heap before the
// run, as in batch) and ms/file (wall time per file).
func BenchmarkCheckFolder(b *testing.B) {
	counts := []int{300}
	if os.Getenv("FUNDCHECK_BENCH_BIG") != "" {
		counts = append(counts, 3000)
	}
	for _, n := range counts {
		b.Run(fmt.Sprintf("files=%d", n), func(b *testing.B) {
			in, out := b.TempDir(), b.TempDir()
			if _, err := benchdata.Folder(in, n); err != nil {
				b.Fatal(err)
			}
			var stderr bytes.Buffer
			env := Env{
				Stdin: strings.NewReader(""), Stdout: io.Discard, Stderr: &stderr,
				ExeDir: ".", Now: time.Now, Checker: batch.Default(),
				WriteTemplate: sheets.WriteTemplate, Version: "bench",
			}
			args := []string{"fundcheck", "check", "--no-pause", "--json", "--overwrite", "--jobs", "2", "--out", out, in}
			peak := heapwatch.Start()
			for b.Loop() {
				stderr.Reset()
				if code := Run(args, env); code != batch.ExitOK {
					b.Fatalf("exit %d\n%s", code, stderr.String())
				}
				if !strings.Contains(stderr.String(), "汇总 →") {
					b.Fatalf("no summary written\n%s", stderr.String())
				}
			}
			b.ReportMetric(float64(peak())/(1<<20), "peak-heap-MB")
			b.ReportMetric(b.Elapsed().Seconds()/float64(b.N)/float64(n)*1000, "ms/file")
		})
	}
}
