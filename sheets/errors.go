package sheets

import "strings"

// FileError says why a whole file was rejected: it names the file and lists
// every problem at once, in Chinese, so a county fixes them in one pass.
type FileError struct {
	Path     string
	Problems []string
}

func (e *FileError) Error() string {
	return e.Path + "：" + strings.Join(e.Problems, "；")
}
