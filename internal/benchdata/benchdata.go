// Package benchdata gives benchmarks generated county workbooks in the
// standard layout, written once and kept in the temp folder: writing a
// million-row ledger with excelize takes minutes, reading it back is what is
// measured.
package benchdata

import (
	"fmt"
	"os"
	"path/filepath"

	"fundcheck/checker"
	"fundcheck/internal/sample"
	"fundcheck/sheets"
)

// Seed is the seed of every generated county, so cached files are the same
// county whichever benchmark wrote them.
const Seed = 7

// County returns the path of a county workbook with the given number of
// projects and ledger rows, in which repeats pairs of payments share a
// voucher number (so the checker flags 2×repeats ledger cells, finding
// TZ405). The file is written on first use and reused afterwards; it is
// named by its sizes.
func County(projects, payments, repeats int) (string, error) {
	p := filepath.Join(os.TempDir(), fmt.Sprintf("fundcheck-bench-%d-%d-%d.xlsx", projects, payments, repeats))
	if _, err := os.Stat(p); err == nil {
		return p, nil
	}
	wb := sample.WithSelfScores(Model(projects, payments, repeats))
	// Written under a temporary name and renamed, so an interrupted run
	// never leaves a half-written file to be reused.
	tmp := fmt.Sprintf("%s.%d.tmp.xlsx", p, os.Getpid())
	if err := sheets.WriteWorkbook(tmp, wb, ""); err != nil {
		return "", err
	}
	return p, os.Rename(tmp, p)
}

// Model is the county County writes, before the self-scores are filled in.
func Model(projects, payments, repeats int) *checker.Workbook {
	wb := sample.County(Seed, sample.CountyOptions{Name: "基准县", Projects: projects, Payments: payments})
	pays := wb.Payments
	if repeats > 0 {
		step := max(len(pays)/repeats, 2)
		for k := 0; k < repeats && k*step+1 < len(pays); k++ {
			pays[k*step+1].Voucher = pays[k*step].Voucher
		}
	}
	return wb
}

// Folder fills dir with n county workbooks named 县0000.xlsx, 县0001.xlsx …:
// copies of five counties of 50 projects and 2,000 payments that differ in
// their repeated vouchers (0, 10 … 40), as a province's folder would, and
// returns their paths.
func Folder(dir string, n int) ([]string, error) {
	var srcs [][]byte
	for r := range 5 {
		p, err := County(50, 2000, 10*r)
		if err != nil {
			return nil, err
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return nil, err
		}
		srcs = append(srcs, data)
	}
	files := make([]string, n)
	for i := range files {
		files[i] = filepath.Join(dir, fmt.Sprintf("县%04d.xlsx", i))
		if err := os.WriteFile(files[i], srcs[i%len(srcs)], 0o644); err != nil {
			return nil, err
		}
	}
	return files, nil
}
