package sheets

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

// ResultSuffix is what the annotated copy adds to the input's name.
const ResultSuffix = "_审核结果"

// maxCopies bounds the search for a free numbered name; a folder holding a
// thousand results of one workbook is a mistake worth reporting.
const maxCopies = 1000

// CopyPath is where the annotated copy of input goes: <name>_审核结果.xlsx
// in outDir (beside input when outDir is ""). Unless overwrite is set, an
// existing file is never chosen: the name is numbered instead
// (<name>_审核结果(2).xlsx, (3), …). The result is never input itself.
func CopyPath(input, outDir string, overwrite bool) (string, error) {
	if outDir == "" {
		outDir = filepath.Dir(input)
	}
	ext := filepath.Ext(input)
	base := strings.TrimSuffix(filepath.Base(input), ext)
	if !strings.EqualFold(ext, ".xlsm") {
		ext = ".xlsx"
	}
	inInfo, inErr := os.Stat(input)
	for n := 1; n <= maxCopies; n++ {
		name := base + ResultSuffix + ext
		if n > 1 {
			name = base + ResultSuffix + "(" + strconv.Itoa(n) + ")" + ext
		}
		p := filepath.Join(outDir, name)
		info, err := os.Stat(p)
		switch {
		case errors.Is(err, fs.ErrNotExist):
			return p, nil
		case err != nil:
			return "", fmt.Errorf("无法检查输出文件 %s：%w", p, err)
		case info.IsDir():
			continue
		case inErr == nil && os.SameFile(info, inInfo):
			// A link to the input under the result's name: writing there
			// would change the input.
			continue
		case overwrite:
			return p, nil
		}
	}
	return "", fmt.Errorf("文件夹 %s 中已有 %d 个“%s%s”审核结果，请清理后再试", outDir, maxCopies, base, ResultSuffix)
}
