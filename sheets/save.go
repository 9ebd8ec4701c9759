package sheets

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"syscall"
)

// Every file fundcheck writes goes through writeTemp and then a place step:
// the content is written to a temporary file in the target folder, and only
// a complete file is given its final name, so a crash, a full disk or a
// read-only folder leaves either the whole result or nothing new.

// writeTemp writes what (named in messages) through write into a new
// temporary file in dir and returns its name. On failure the temporary file
// is already removed.
func writeTemp(dir, what string, write func(io.Writer) error) (string, error) {
	tmp, err := os.CreateTemp(dir, ".fundcheck-*.tmp")
	if err != nil {
		return "", fmt.Errorf("无法在文件夹 %s 中写入%s：%s", dir, what, reason(err))
	}
	err = tmp.Chmod(0o644) // CreateTemp makes the file private; a result is an ordinary document
	if err == nil {
		err = write(tmp)
	}
	if err == nil {
		err = tmp.Sync()
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(tmp.Name())
		return "", fmt.Errorf("写入%s失败（文件夹 %s）：%s", what, dir, reason(err))
	}
	return tmp.Name(), nil
}

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

// placeNew gives the finished temporary file the name path, which must not
// exist. It links rather than renames, so that a file another program created
// meanwhile is refused, not replaced.
func placeNew(tmp, path string) error {
	err := os.Link(tmp, path)
	switch {
	case err == nil:
		return os.Remove(tmp)
	case errors.Is(err, fs.ErrExist):
		return &existsError{path}
	}
	// Some file systems (FAT on a USB stick) have no links: check again and
	// rename.
	if err := refuseExisting(path); err != nil {
		return err
	}
	if err := os.Rename(tmp, path); err != nil {
		return fmt.Errorf("无法保存 %s：%s", path, reason(err))
	}
	return nil
}

// saveNew writes through write to path, which must not exist yet.
func saveNew(path string, write func(io.Writer) error) error {
	if err := refuseExisting(path); err != nil {
		return err
	}
	tmp, err := writeTemp(filepath.Dir(path), filepath.Base(path), write)
	if err != nil {
		return err
	}
	if err := placeNew(tmp, path); err != nil {
		os.Remove(tmp)
		return err
	}
	return nil
}

// saveCopy writes input's annotated copy through write and names it as
// CopyPath says: with Overwrite it replaces the result; otherwise it takes
// the next free numbered name, even if another run takes one meanwhile.
func saveCopy(input string, opt CopyOptions, write func(io.Writer) error) (string, error) {
	dir := opt.OutDir
	if dir == "" {
		dir = filepath.Dir(input)
	}
	tmp, err := writeTemp(dir, "审核结果", write)
	if err != nil {
		return "", err
	}
	for range maxCopies {
		out, err := CopyPath(input, opt.OutDir, opt.Overwrite)
		if err == nil && opt.Overwrite {
			if err = os.Rename(tmp, out); err != nil {
				err = fmt.Errorf("无法保存审核结果 %s：%s", out, reason(err))
			}
		} else if err == nil {
			err = placeNew(tmp, out)
			if errors.Is(err, fs.ErrExist) {
				continue
			}
		}
		if err != nil {
			os.Remove(tmp)
			return "", err
		}
		return out, nil
	}
	os.Remove(tmp)
	return "", fmt.Errorf("无法保存审核结果：文件夹中同名文件不断出现，请稍后再试")
}

// reason says in Chinese why a file operation failed, keeping the system's
// own message for the cases it does not know.
func reason(err error) string {
	var msg string
	switch {
	case errors.Is(err, fs.ErrPermission), errors.Is(err, syscall.EROFS):
		msg = "没有写入权限（文件夹只读或被保护）"
	case errors.Is(err, syscall.ENOSPC):
		msg = "磁盘空间不足"
	case errors.Is(err, fs.ErrNotExist):
		msg = "文件夹不存在"
	case errors.Is(err, syscall.ENOTDIR):
		msg = "路径中有一段不是文件夹"
	default:
		return err.Error()
	}
	return msg + "（" + err.Error() + "）"
}
