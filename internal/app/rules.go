package app

import (
	"fmt"
	"strings"

	"fundcheck/batch"
	"fundcheck/checker"

	"github.com/urfave/cli/v2"
)

// rules lists the indicators and the finding codes, or explains the code
// given.
func (r *runner) rules(c *cli.Context) error {
	r.noPause = c.Bool("no-pause")
	w := r.env.Stdout
	switch c.NArg() {
	case 0:
		fmt.Fprintln(w, "评分指标（序号  满分  指标：计分方法）：")
		for _, ind := range checker.Indicators() {
			fmt.Fprintf(w, "  %2d  %6s  %s：%s\n", ind.No, ind.Max.String(), ind.Name, ind.How)
		}
		fmt.Fprintln(w)
		fmt.Fprintln(w, "问题代码（级别  代码  说明；fundcheck rules 代码 查看详细解释）：")
		for _, rule := range checker.Rules() {
			fmt.Fprintf(w, "  %s  %s  %s\n", rule.Severity, rule.Code, rule.Title)
		}
		return nil
	case 1:
		code := strings.ToUpper(strings.TrimSpace(c.Args().First()))
		rule, ok := checker.LookupRule(code)
		if !ok {
			return fail(batch.ExitFailed, "没有问题代码 %s。运行 fundcheck rules 查看全部代码。", c.Args().First())
		}
		fmt.Fprintf(w, "%s（%s）%s\n\n%s\n", rule.Code, rule.Severity, rule.Title, rule.Explain)
		return nil
	default:
		return fail(batch.ExitFailed, "参数错误：rules 只接受一个问题代码，收到 %d 个", c.NArg())
	}
}
