package sheets

import (
	"path/filepath"
	"testing"
)

// BenchmarkRefuseZipBomb measures refusing a workbook whose sheet declares
// 10 GB (a 10 MB file): the central directory is enough, nothing is
// inflated. Peak memory of the whole process:
//
//	go test -c ./sheets && /usr/bin/time -v ./sheets.test -test.run '^$' -test.bench RefuseZipBomb -test.benchtime 20x
func BenchmarkRefuseZipBomb(b *testing.B) {
	path := filepath.Join(b.TempDir(), "bomb.xlsx")
	writeBomb(b, path, 10<<30, 10<<30)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		if _, err := openWorkbook(path, Options{}); err == nil {
			b.Fatal("bomb opened")
		}
	}
}

// BenchmarkOpenGood measures opening the small sample, for comparison.
func BenchmarkOpenGood(b *testing.B) {
	path := filepath.Join(brokenDir, "good.xlsx")
	b.ReportAllocs()
	for b.Loop() {
		f, err := openWorkbook(path, Options{})
		if err != nil {
			b.Fatal(err)
		}
		f.Close()
	}
}

// BenchmarkOpenLargeLedger measures opening a 200,000-row ledger: the checks
// before excelize (directory, CRC of every part) against the open itself.
func BenchmarkOpenLargeLedger(b *testing.B) {
	path := filepath.Join(b.TempDir(), "ledger.xlsx")
	writeCorpusLedger(b, path, 200_000)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		f, err := openWorkbook(path, Options{})
		if err != nil {
			b.Fatal(err)
		}
		f.Close()
	}
}

// BenchmarkOpenBook measures Open on a 2,000-row ledger, a county's size:
// recognising the file and inflating and checking every part, which a
// province's batch pays once per file.
func BenchmarkOpenBook(b *testing.B) {
	path := filepath.Join(b.TempDir(), "ledger.xlsx")
	writeCorpusLedger(b, path, 2000)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		bk, err := Open(path, Options{})
		if err != nil {
			b.Fatal(err)
		}
		bk.Close()
	}
}
