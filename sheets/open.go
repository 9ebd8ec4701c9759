package sheets

import "github.com/xuri/excelize/v2"

// openWorkbook opens path for reading. Cell values are read raw: dates and
// percentages are recognised from number formats by the reader itself.
func openWorkbook(path string, opt Options) (*excelize.File, error) {
	return excelize.OpenFile(path, excelize.Options{RawCellValue: true, Password: opt.Password})
}
