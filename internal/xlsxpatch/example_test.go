package xlsxpatch_test

import (
	"archive/zip"
	"bytes"
	"fmt"
	"log"

	"fundcheck/internal/xlsxpatch"

	"github.com/xuri/excelize/v2"
)

// build writes a workbook with excelize and opens it as a zip.
func build(fill func(f *excelize.File)) *zip.Reader {
	f := excelize.NewFile()
	fill(f)
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		log.Fatal(err)
	}
	zr, err := zip.NewReader(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
	if err != nil {
		log.Fatal(err)
	}
	return zr
}

func ExampleApply() {
	orig := build(func(f *excelize.File) {
		f.SetSheetName("Sheet1", "资金明细")
		f.SetCellValue("资金明细", "B2", 1250.5)
	})
	donor := build(func(f *excelize.File) {
		f.SetSheetName("Sheet1", "审核结论")
		f.SetCellValue("审核结论", "A1", "得分")
	})
	var out bytes.Buffer
	err := xlsxpatch.Apply(&out, orig, donor, xlsxpatch.Plan{
		NewSheets: []string{"审核结论"},
		Marks: map[string][]xlsxpatch.Mark{
			"资金明细": {{Row: 2, Col: 2, Fill: "FFC7CE", Note: "金额与项目清单不一致"}},
		},
	})
	if err != nil {
		log.Fatal(err)
	}
	f, err := excelize.OpenReader(&out)
	if err != nil {
		log.Fatal(err)
	}
	notes, _ := f.GetComments("资金明细")
	v, _ := f.GetCellValue("资金明细", "B2")
	fmt.Println(f.GetSheetList(), v, notes[0].Author, notes[0].Text)
	// Output: [审核结论 资金明细] 1250.5 fundcheck 金额与项目清单不一致
}

func ExampleSheetNames() {
	zr := build(func(f *excelize.File) { f.NewSheet("项目清单") })
	names, err := xlsxpatch.SheetNames(zr)
	fmt.Println(names, err)
	// Output: [Sheet1 项目清单] <nil>
}
