package batch

import (
	"bytes"
	"strings"
	"testing"
)

func TestLine(t *testing.T) {
	res := fakeChecker().Run([]string{"d/阿城区.xlsx", "d/bad.xlsx", "d/ro.xlsx"}, Options{}, nil)
	want := []string{
		"阿城区 2023  最终得分 98.93  等级 A  错误 0  警告 1  提示 1  → d/阿城区_审核结果.xlsx",
		"d/bad.xlsx：缺少工作表“支付台账”；缺少工作表“自评打分”",
		"ro 2023  最终得分 98.93  等级 A  错误 0  警告 1  提示 1  d/ro.xlsx：写入审核结果失败：权限不足",
	}
	for i, r := range res {
		if got := Line(r); got != want[i] {
			t.Errorf("Line(%s)\n got %s\nwant %s", r.Input, got, want[i])
		}
	}
}

func TestPrinterProgress(t *testing.T) {
	files := []string{"a.xlsx", "b.xlsx", "bad.xlsx"}
	tests := []struct {
		name     string
		terminal bool
	}{{"terminal", true}, {"piped", false}}
	for _, tt := range tests {
		var out, prog bytes.Buffer
		p := &Printer{Out: &out, Total: len(files)}
		if tt.terminal {
			p.Progress = &prog
		}
		fakeChecker().Run(files, Options{Jobs: 2}, p.Done)
		p.Finish()
		if n := strings.Count(out.String(), "\n"); n != len(files) {
			t.Errorf("%s: %d lines on Out, want %d:\n%s", tt.name, n, len(files), out.String())
		}
		if strings.Contains(out.String(), "已完成") || strings.Contains(out.String(), "\r") {
			t.Errorf("%s: progress leaked into Out: %q", tt.name, out.String())
		}
		if got := prog.String(); tt.terminal != strings.Contains(got, "已完成 3/3") {
			t.Errorf("%s: progress %q", tt.name, got)
		}
		if tt.terminal && !strings.HasSuffix(prog.String(), clearLine) {
			t.Errorf("progress line not cleared at the end: %q", prog.String())
		}
	}
}
