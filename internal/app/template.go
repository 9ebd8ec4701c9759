package app

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"fundcheck/batch"

	"github.com/urfave/cli/v2"
)

// template writes the blank template to the path given, else to
// 衔接资金绩效评价模板.xlsx in the current folder, never over a file.
func (r *runner) template(c *cli.Context) error {
	r.noPause = c.Bool("no-pause")
	if c.NArg() > 1 {
		return fail(batch.ExitFailed, "参数错误：template 只接受一个路径，收到 %d 个", c.NArg())
	}
	path := c.Args().First()
	if path == "" {
		path = TemplateName
	} else if st, err := os.Stat(path); err == nil && st.IsDir() {
		path = filepath.Join(path, TemplateName)
	}
	return r.writeTemplate(path)
}

func (r *runner) writeTemplate(path string) error {
	if !strings.EqualFold(filepath.Ext(path), ".xlsx") {
		return fail(batch.ExitFailed, "模板文件名必须以 .xlsx 结尾：%s", path)
	}
	if _, err := os.Stat(path); !errors.Is(err, fs.ErrNotExist) {
		return fail(batch.ExitFailed, "%s 已存在，不会覆盖。请换一个文件名，或先把原文件移走。", path)
	}
	if err := r.env.WriteTemplate(path); err != nil {
		return fail(batch.ExitFailed, "生成模板失败：%v", err)
	}
	fmt.Fprintf(r.env.Stdout, "已生成空白模板：%s\n", path)
	return nil
}
