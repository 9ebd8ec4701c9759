package sheets

import (
	"fmt"
	"reflect"
	"strings"
	"time"

	"fundcheck/checker"

	"github.com/shopspring/decimal"
)

// dump renders a workbook as one line per field, so that tests compare a
// model field by field and a failure names the field and the cell.
func dump(wb *checker.Workbook) []string {
	var lines []string
	var walk func(path string, v reflect.Value)
	walk = func(path string, v reflect.Value) {
		switch x := v.Interface().(type) {
		case checker.Ref:
			lines = append(lines, path+" @"+x.String())
			return
		case decimal.Decimal:
			lines = append(lines, path+" = "+x.String())
			return
		case time.Time:
			lines = append(lines, path+" = "+x.Format(time.DateOnly))
			return
		case checker.Level, checker.Task, checker.Category:
			lines = append(lines, fmt.Sprintf("%s = %v", path, x))
			return
		}
		switch v.Kind() {
		case reflect.Struct:
			t := v.Type()
			if strings.HasPrefix(t.Name(), "Value[") {
				if !v.FieldByName("Set").Bool() {
					lines = append(lines, path+" unset @"+v.FieldByName("At").Interface().(checker.Ref).String())
					return
				}
				walk(path, v.FieldByName("V"))
				lines[len(lines)-1] += " @" + v.FieldByName("At").Interface().(checker.Ref).String()
				return
			}
			for i := 0; i < t.NumField(); i++ {
				walk(path+"."+t.Field(i).Name, v.Field(i))
			}
		case reflect.Slice, reflect.Array:
			for i := 0; i < v.Len(); i++ {
				walk(fmt.Sprintf("%s[%d]", path, i), v.Index(i))
			}
		default:
			lines = append(lines, fmt.Sprintf("%s = %v", path, v.Interface()))
		}
	}
	walk("", reflect.ValueOf(*wb))
	return lines
}
