package xlsxw_test

import (
	"fmt"
	"log"
	"os"
	"path/filepath"

	"fundcheck/internal/cellref"
	"fundcheck/internal/xlsx"
	"fundcheck/internal/xlsxw"
)

// plainStyles is the least a styles part holds: one font, the two fills
// Excel reserves, one border and the default cell format, number 0.
const plainStyles = `<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">` +
	`<fonts count="1"><font/></fonts>` +
	`<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>` +
	`<borders count="1"><border/></borders><cellStyleXfs count="1"><xf/></cellStyleXfs>` +
	`<cellXfs count="1"><xf xfId="0"/></cellXfs></styleSheet>`

func ExampleWorkbook() {
	sh := &xlsxw.Sheet{Name: "问题清单", Widths: []float64{6, 60}, FrozenRows: 1, AutoFilter: "A1:B2"}
	sh.Row(1).Text(1, "序号", 0)
	sh.Row(1).Text(2, "问题", 0)
	sh.Row(2).Int(1, 1, 0)
	sh.Row(2).Text(2, "=HYPERLINK(\"http://example.com\") 是项目名称，不是公式", 0)

	dir, err := os.MkdirTemp("", "xlsxw")
	if err != nil {
		log.Fatal(err)
	}
	defer os.RemoveAll(dir)
	path := filepath.Join(dir, "问题清单.xlsx")
	out, err := os.Create(path)
	if err != nil {
		log.Fatal(err)
	}
	wb := xlsxw.Workbook{Styles: []byte(plainStyles), Sheets: []*xlsxw.Sheet{sh}}
	if _, err := wb.WriteTo(out); err != nil {
		log.Fatal(err)
	}
	if err := out.Close(); err != nil {
		log.Fatal(err)
	}

	f, err := xlsx.Open(path)
	if err != nil {
		log.Fatal(err)
	}
	defer f.Close()
	err = f.Rows("问题清单", func(row int, cells []xlsx.Cell) error {
		for _, c := range cells {
			fmt.Printf("%s %v %s\n", cellref.Cell(row, c.Col), c.Kind, c.Value)
		}
		return nil
	})
	if err != nil {
		log.Fatal(err)
	}
	// Output:
	// A1 text 序号
	// B1 text 问题
	// A2 number 1
	// B2 text =HYPERLINK("http://example.com") 是项目名称，不是公式
}
