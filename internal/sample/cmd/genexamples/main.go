// Command genexamples writes the example workbooks shipped in examples/:
// the blank template, the Acheng 2023 report and a clean synthetic county.
// Run it through go generate ./... after changing the layout, the writer or
// the samples; a test fails while the committed files are out of date.
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"

	"fundcheck/checker"
	"fundcheck/internal/sample"
	"fundcheck/sheets"
)

// The example files, by name in examples/.
const (
	templateFile = "衔接资金绩效评价模板.xlsx"
	achengFile   = "阿城区2023.xlsx"
	countyFile   = "示例县2023.xlsx"
)

// countyNote is what the synthetic county's 填表说明 says about it.
const countyNote = "本示例为程序生成的虚构数据（示例县、各乡镇村和项目均为虚构），数据前后一致，自评得分与程序计算的得分相同，" +
	"检查结果应没有问题。"

func main() {
	dir := flag.String("dir", "examples", "folder the example workbooks are written to")
	flag.Parse()
	if err := generate(*dir); err != nil {
		fmt.Fprintln(os.Stderr, "genexamples:", err)
		os.Exit(1)
	}
}

// generate writes every example into dir, replacing older versions. The
// files are written into a temporary folder first, so that a failure leaves
// the old examples as they were.
func generate(dir string) error {
	tmp, err := os.MkdirTemp(dir, ".genexamples-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)
	files := []struct {
		name  string
		write func(path string) error
	}{
		{templateFile, sheets.WriteTemplate},
		{achengFile, func(path string) error {
			return sheets.WriteWorkbook(path, sample.Acheng(), sample.AchengNote, sheets.CategoryOncePerBlock())
		}},
		{countyFile, func(path string) error {
			return sheets.WriteWorkbook(path, exampleCounty(), countyNote, sheets.CategoryOncePerBlock())
		}},
	}
	for _, f := range files {
		if err := f.write(filepath.Join(tmp, f.name)); err != nil {
			return err
		}
	}
	for _, f := range files {
		if err := os.Rename(filepath.Join(tmp, f.name), filepath.Join(dir, f.name)); err != nil {
			return err
		}
	}
	return nil
}

// exampleCounty is the clean synthetic county of examples/.
func exampleCounty() *checker.Workbook {
	return sample.WithSelfScores(sample.County(2023, sample.CountyOptions{Name: "示例县", Projects: 36, Payments: 150}))
}
