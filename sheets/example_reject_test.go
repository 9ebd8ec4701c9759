package sheets_test

import (
	"errors"
	"fmt"

	"fundcheck/sheets"
)

// A file that is not a workbook is refused with one plain message naming the
// file; Kind groups refusals without reading the Chinese.
func ExampleFileError() {
	for _, c := range []struct{ path, password string }{
		{"testdata/broken/legacy-renamed.xlsx", ""},
		{"testdata/broken/encrypted.xlsx", ""},
		{"testdata/broken/encrypted.xlsx", "123456"},
		{"testdata/broken/truncated.xlsx", ""},
	} {
		_, err := sheets.Read(c.path, sheets.Options{Password: c.password})
		var fe *sheets.FileError
		if errors.As(err, &fe) {
			fmt.Println(fe.Kind, err)
		}
	}
	// Output:
	// legacy_xls testdata/broken/legacy-renamed.xlsx：这是旧版 .xls 格式：请在 Excel/WPS 中另存为 .xlsx 后再检查
	// encrypted testdata/broken/encrypted.xlsx：工作簿已加密：请用 --password 提供密码，或另存为未加密的 .xlsx
	// wrong_password testdata/broken/encrypted.xlsx：密码不正确，无法打开这个加密的工作簿：请核对 --password 提供的密码（区分大小写）
	// damaged testdata/broken/truncated.xlsx：文件不完整或已损坏（找不到压缩包的目录，常见于下载或复制没有完成）：请重新获取文件
}
