package batch

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"fundcheck/sheets"
)

// ArgError says why a command-line argument gave no workbook to check.
type ArgError struct {
	Arg string
	Msg string
}

func (e *ArgError) Error() string { return e.Arg + "：" + e.Msg }

// Expand turns the arguments into the workbooks to check, in argument order.
// A file is taken as it is, whatever its name (the reader says what is wrong
// with it); a folder gives every .xlsx under it, sorted, except Excel's lock
// files (~$…), hidden files and folders, and fundcheck's own outputs. A path
// reached twice is checked once. Arguments that give nothing are returned as
// *ArgError.
func Expand(args []string) ([]string, []error) {
	var files []string
	var errs []error
	seen := map[string]bool{}
	add := func(p string) {
		key := p
		if abs, err := filepath.Abs(p); err == nil {
			key = abs
		}
		if !seen[key] {
			seen[key] = true
			files = append(files, p)
		}
	}
	for _, arg := range args {
		st, err := os.Stat(arg)
		switch {
		case errors.Is(err, fs.ErrNotExist):
			errs = append(errs, &ArgError{arg, "文件或文件夹不存在"})
		case err != nil:
			errs = append(errs, &ArgError{arg, "无法访问：" + err.Error()})
		case !st.IsDir():
			add(arg)
		default:
			found, err := walk(arg)
			if err != nil {
				errs = append(errs, &ArgError{arg, "读取文件夹出错：" + err.Error()})
			} else if len(found) == 0 {
				errs = append(errs, &ArgError{arg, "文件夹中没有要检查的 .xlsx 工作簿"})
			}
			for _, f := range found {
				add(f)
			}
		}
	}
	return files, errs
}

func walk(dir string) ([]string, error) {
	var found []string
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		name := d.Name()
		if p != dir && strings.HasPrefix(name, ".") {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if !d.IsDir() && IsCandidate(name) {
			found = append(found, p)
		}
		return nil
	})
	sort.Strings(found)
	return found, err
}

// IsCandidate reports whether a file met while walking a folder is a county
// workbook to check: an .xlsx that is neither an Excel lock file, a hidden
// file, nor one of fundcheck's own outputs.
func IsCandidate(name string) bool {
	if !strings.EqualFold(filepath.Ext(name), ".xlsx") {
		return false
	}
	switch {
	case strings.HasPrefix(name, "~$"), strings.HasPrefix(name, "."):
		return false
	case strings.Contains(name, sheets.ResultSuffix), strings.HasPrefix(name, sheets.SummaryPrefix):
		return false
	}
	return true
}
