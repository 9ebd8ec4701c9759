package sheets_test

import (
	"fmt"
	"os"
	"path/filepath"

	"fundcheck/checker"
	"fundcheck/sheets"
)

// A workbook opened once: read, checked, and its annotated copy written from
// what was read.
func ExampleOpen() {
	out, err := os.MkdirTemp("", "fundcheck-example")
	if err != nil {
		fmt.Println(err)
		return
	}
	defer os.RemoveAll(out)

	b, err := sheets.Open("../examples/阿城区2023.xlsx", sheets.Options{})
	if err != nil {
		fmt.Println(err)
		return
	}
	defer b.Close()
	wb, err := b.Read()
	if err != nil {
		fmt.Println(err)
		return
	}
	r := checker.Check(wb)
	copyPath, err := b.WriteCopy(r, sheets.CopyOptions{OutDir: out})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(r.County, r.Final.StringFixed(2), r.Grade, "→", filepath.Base(copyPath))
	// Output:
	// 阿城区 98.93 A → 阿城区2023_审核结果.xlsx
}
