package sheets

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"syscall"
)

// saveCopy writes the copy through write into a temporary file in the output
// folder, then gives it its final name (see CopyPath). On any failure the
// temporary file is removed, so the folder holds either the whole result or
// nothing new.
func saveCopy(input string, opt CopyOptions, write func(*os.File) error) (string, error) {
	dir := opt.OutDir
	if dir == "" {
		dir = filepath.Dir(input)
	}
	tmp, err := os.CreateTemp(dir, ".fundcheck-*.tmp")
	if err != nil {
		return "", fmt.Errorf("无法在文件夹 %s 中写入审核结果：%s", dir, reason(err))
	}
	done := false
	defer func() {
		if !done {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	if err := write(tmp); err != nil {
		return "", fmt.Errorf("写入审核结果失败（文件夹 %s）：%s", dir, reason(err))
	}
	if err := tmp.Sync(); err != nil {
		return "", fmt.Errorf("写入审核结果失败（文件夹 %s）：%s", dir, reason(err))
	}
	if err := tmp.Close(); err != nil {
		return "", fmt.Errorf("写入审核结果失败（文件夹 %s）：%s", dir, reason(err))
	}
	out, err := placeCopy(tmp.Name(), input, opt)
	if err != nil {
		return "", err
	}
	done = true
	return out, nil
}

// placeCopy gives the finished temporary file its name. Without Overwrite it
// links rather than renames, so that a result another run created meanwhile
// is not replaced: the link fails and the next free name is taken.
func placeCopy(tmp, input string, opt CopyOptions) (string, error) {
	for range maxCopies {
		out, err := CopyPath(input, opt.OutDir, opt.Overwrite)
		if err != nil {
			return "", err
		}
		if opt.Overwrite {
			if err := os.Rename(tmp, out); err != nil {
				return "", fmt.Errorf("无法保存审核结果 %s：%s", out, reason(err))
			}
			return out, nil
		}
		err = os.Link(tmp, out)
		if errors.Is(err, fs.ErrExist) {
			continue
		}
		if err != nil {
			// Some file systems (FAT on a USB stick) have no links; CopyPath
			// has just seen the name free.
			if err := os.Rename(tmp, out); err != nil {
				return "", fmt.Errorf("无法保存审核结果 %s：%s", out, reason(err))
			}
			return out, nil
		}
		os.Remove(tmp)
		return out, nil
	}
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
