package xlsx_test

import (
	"fmt"
	"log"
	"strings"

	"fundcheck/internal/xlsx"
)

func Example() {
	f, err := xlsx.Open("testdata/excelize.xlsx")
	if err != nil {
		log.Fatal(err)
	}
	defer f.Close()
	fmt.Println(f.Sheets(), f.Date1904())
	err = f.Rows("资金支付", func(row int, cells []xlsx.Cell) error {
		if row > 3 {
			return nil
		}
		var out []string
		for _, c := range cells {
			out = append(out, fmt.Sprintf("%d:%d %v/%v %s", row, c.Col, c.Kind, c.Class, c.Value))
		}
		fmt.Println(strings.Join(out, "  "))
		return nil
	})
	if err != nil {
		log.Fatal(err)
	}
	merges, err := f.Merges("资金支付")
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("%+v\n", merges)
	// Output:
	// [项目清单 资金支付] false
	// 1:1 text/plain 凭证号  1:2 text/plain 支付日期  1:3 text/plain 金额
	// 2:1 text/plain PZ-2  2:2 number/date 44967  2:3 number/plain 2.5
	// 3:1 text/plain PZ-3  3:2 number/date 44995  3:3 number/plain 3.75
	// [{FirstCol:1 FirstRow:8 LastCol:3 LastRow:8}]
}
