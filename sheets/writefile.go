package sheets

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/xuri/excelize/v2"
)

// existsError refuses to write over a file that is already there.
type existsError struct{ path string }

func (e *existsError) Error() string {
	return e.path + "：文件已存在，不会覆盖它。请换一个文件名，或先把原文件移走。"
}

// Is makes errors.Is(err, fs.ErrExist) true.
func (e *existsError) Is(target error) bool { return target == fs.ErrExist }

func refuseExisting(path string) error {
	if _, err := os.Lstat(path); err == nil {
		return &existsError{path}
	}
	return nil
}

// saveNew writes f to path, which must not exist yet. The workbook goes to a
// temporary file in the same folder first, so that a failure never leaves a
// partial file under the final name, and is then linked into place, which
// fails rather than replaces when another program created path meanwhile.
func saveNew(f *excelize.File, path string) error {
	if err := refuseExisting(path); err != nil {
		return err
	}
	dir := filepath.Dir(path)
	tmp, err := os.CreateTemp(dir, ".fundcheck-*.tmp")
	if err != nil {
		return fmt.Errorf("无法在文件夹 %s 中写入 %s：%s", dir, filepath.Base(path), reason(err))
	}
	defer os.Remove(tmp.Name())
	failed := func(err error) error {
		tmp.Close()
		return fmt.Errorf("写入 %s 失败：%s", path, reason(err))
	}
	// CreateTemp makes the file private; the workbook is an ordinary document.
	if err := tmp.Chmod(0o644); err != nil {
		return failed(err)
	}
	if _, err := f.WriteTo(tmp); err != nil {
		return failed(err)
	}
	if err := tmp.Sync(); err != nil {
		return failed(err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("写入 %s 失败：%s", path, reason(err))
	}
	if err := os.Link(tmp.Name(), path); err != nil {
		if errors.Is(err, fs.ErrExist) {
			return &existsError{path}
		}
		// File systems without links (FAT on a USB stick): check again and
		// rename.
		if err := refuseExisting(path); err != nil {
			return err
		}
		if err := os.Rename(tmp.Name(), path); err != nil {
			return fmt.Errorf("写入 %s 失败：%s", path, reason(err))
		}
	}
	return nil
}
