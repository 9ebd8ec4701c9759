package batch

import (
	"fmt"
	"io"
	"strings"

	"fundcheck/checker"
	"fundcheck/sheets"
)

// Printer writes one line per finished file to Out and, when Progress is not
// nil (a terminal), keeps an "已完成 n/total" line rewritten in place there.
type Printer struct {
	Out      io.Writer
	Progress io.Writer
	Total    int

	done int
}

// clearLine blanks the progress line without ANSI escapes, which an old
// Windows console prints literally.
var clearLine = "\r" + strings.Repeat(" ", 24) + "\r"

// Done prints r's line. It is meant as the done callback of Checker.Run.
func (p *Printer) Done(r Result) {
	p.done++
	if p.Progress != nil {
		fmt.Fprint(p.Progress, clearLine)
	}
	fmt.Fprintln(p.Out, Line(r))
	if p.Progress != nil {
		fmt.Fprintf(p.Progress, "已完成 %d/%d", p.done, p.Total)
	}
}

// Finish removes the progress line.
func (p *Printer) Finish() {
	if p.Progress != nil && p.done > 0 {
		fmt.Fprint(p.Progress, clearLine)
	}
}

// Line is the console line for one file:
//
//	阿城区 2023  最终得分 98.93  等级 A  错误 3  警告 5  提示 2  → 阿城区_审核结果.xlsx
//
// or "file：why it could not be checked".
func Line(r Result) string {
	if r.Report == nil {
		return r.Input + "：" + sheets.ErrorText(r.Err)
	}
	rep := r.Report
	s := fmt.Sprintf("%s %d  最终得分 %s  等级 %s  错误 %d  警告 %d  提示 %d",
		rep.County, rep.Year, rep.Final.StringFixed(2), rep.Grade,
		rep.Count(checker.Error), rep.Count(checker.Warning), rep.Count(checker.Hint))
	if r.Err != nil {
		return s + "  " + r.Input + "：" + sheets.ErrorText(r.Err)
	}
	return s + "  → " + r.Output
}
