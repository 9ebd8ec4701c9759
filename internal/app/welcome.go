package app

import (
	"bufio"
	"fmt"
	"path/filepath"
	"strings"
)

// welcome is what a double-clicked fundcheck.exe shows: how to use it, and
// an offer to write the blank template beside the program.
func (r *runner) welcome() error {
	w := r.env.Stdout
	fmt.Fprintf(w, welcomeText, r.env.Version)
	path := filepath.Join(r.env.ExeDir, TemplateName)
	fmt.Fprintf(w, "\n是否在本程序所在的文件夹生成空白模板“%s”？(Y/n) ", TemplateName)
	answer, _ := bufio.NewReader(r.env.Stdin).ReadString('\n')
	switch strings.ToLower(strings.TrimSpace(answer)) {
	case "", "y", "yes", "是":
		return r.writeTemplate(path)
	}
	fmt.Fprintln(w, "未生成模板。")
	return nil
}
