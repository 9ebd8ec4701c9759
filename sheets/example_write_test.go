package sheets_test

import (
	"fmt"
	"os"
	"path/filepath"

	"fundcheck/internal/sample"
	"fundcheck/sheets"

	"github.com/xuri/excelize/v2"
)

func ExampleWriteTemplate() {
	dir, _ := os.MkdirTemp("", "template")
	defer os.RemoveAll(dir)
	path := filepath.Join(dir, "衔接资金绩效评价模板.xlsx")
	if err := sheets.WriteTemplate(path); err != nil {
		fmt.Println(err)
		return
	}
	f, _ := excelize.OpenFile(path)
	defer f.Close()
	fmt.Println(f.GetSheetList())
	no, _ := f.GetCellValue(sheets.SheetScores, "A4")
	name, _ := f.GetCellValue(sheets.SheetScores, "B4")
	fmt.Println(no, name)
	// Output:
	// [填表说明 基本信息 资金下达 项目清单 支付台账 自评打分]
	// 3 资金落实到项目时间
}

func ExampleWriteWorkbook() {
	dir, _ := os.MkdirTemp("", "acheng")
	defer os.RemoveAll(dir)
	path := filepath.Join(dir, "阿城区2023.xlsx")
	err := sheets.WriteWorkbook(path, sample.Acheng(), sample.AchengNote, sheets.CategoryOncePerBlock())
	if err != nil {
		fmt.Println(err)
		return
	}
	f, _ := excelize.OpenFile(path)
	defer f.Close()
	for _, ref := range []string{"B2", "C2", "F2", "C3", "B18", "F18"} {
		v, _ := f.GetCellValue(sheets.SheetProjects, ref)
		fmt.Printf("%s %q\n", ref, v)
	}
	// Output:
	// B2 "交界街博碾村秸秆打包机采购项目"
	// C2 "产业类"
	// F2 "406.00"
	// C3 ""
	// B18 "产业类项目合计"
	// F18 "3082.70"
}
