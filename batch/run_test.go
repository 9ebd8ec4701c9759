package batch

import (
	"errors"
	"slices"
	"strings"
	"sync/atomic"
	"testing"
)

func TestRunKeepsGoingAndKeepsOrder(t *testing.T) {
	files := []string{"in/a.xlsx", "in/bad1.xlsx", "in/boom.xlsx", "in/err.xlsx", "in/ro.xlsx", "in/z.xlsx"}
	for _, jobs := range []int{0, 1, 3, 100} {
		var seen []string
		res := fakeChecker().Run(files, Options{Jobs: jobs}, func(r Result) { seen = append(seen, r.Input) })
		if len(res) != len(files) {
			t.Fatalf("jobs %d: %d results for %d files", jobs, len(res), len(files))
		}
		slices.Sort(seen)
		if !slices.Equal(seen, files) {
			t.Errorf("jobs %d: done called for %v", jobs, seen)
		}
		for i, r := range res {
			if r.Input != files[i] {
				t.Errorf("jobs %d: result %d is %s, want %s", jobs, i, r.Input, files[i])
			}
		}
		tests := []struct {
			i          int
			wantReport bool
			wantOutput string
			wantErr    string
		}{
			{0, true, "in/a_审核结果.xlsx", ""},
			{1, false, "", "缺少工作表“支付台账”"},
			{2, false, "", "程序内部错误"},
			{3, true, "in/err_审核结果.xlsx", ""},
			{4, true, "", "写入审核结果失败：权限不足"},
			{5, true, "in/z_审核结果.xlsx", ""},
		}
		for _, tt := range tests {
			r := res[tt.i]
			if (r.Report != nil) != tt.wantReport || r.Output != tt.wantOutput {
				t.Errorf("jobs %d: %s: report %v output %q", jobs, r.Input, r.Report != nil, r.Output)
			}
			if tt.wantErr == "" && r.Err != nil || tt.wantErr != "" && (r.Err == nil || !strings.Contains(r.Err.Error(), tt.wantErr)) {
				t.Errorf("jobs %d: %s: error %v, want %q", jobs, r.Input, r.Err, tt.wantErr)
			}
		}
		var ie *InternalError
		if !errors.As(res[2].Err, &ie) || len(ie.Stack) == 0 {
			t.Errorf("panic not reported as InternalError with stack: %#v", res[2].Err)
		}
	}
}

func TestRunPassesOptions(t *testing.T) {
	c := fakeChecker()
	res := c.Run([]string{"in/a.xlsx"}, Options{OutDir: "out"}, nil)
	if res[0].Output != "out/a_审核结果.xlsx" {
		t.Errorf("output %q, want it in out/", res[0].Output)
	}
	if got := c.Run(nil, Options{}, nil); len(got) != 0 {
		t.Errorf("no files gave %d results", len(got))
	}
}

func TestExitCode(t *testing.T) {
	run := func(files ...string) int { return ExitCode(fakeChecker().Run(files, Options{}, nil)) }
	tests := []struct {
		name  string
		files []string
		want  int
	}{
		{"clean", []string{"a.xlsx", "b.xlsx"}, ExitOK},
		{"error finding", []string{"a.xlsx", "err.xlsx"}, ExitFindings},
		{"unreadable wins", []string{"err.xlsx", "bad.xlsx", "a.xlsx"}, ExitFailed},
		{"panic", []string{"boom.xlsx"}, ExitFailed},
		{"copy not written", []string{"ro.xlsx"}, ExitFailed},
		{"nothing", nil, ExitOK},
	}
	for _, tt := range tests {
		if got := run(tt.files...); got != tt.want {
			t.Errorf("%s: ExitCode = %d, want %d", tt.name, got, tt.want)
		}
	}
}

func TestEachCallsOncePerFileOneAtATime(t *testing.T) {
	files := []string{"in/a.xlsx", "in/bad1.xlsx", "in/boom.xlsx", "in/err.xlsx", "in/ro.xlsx", "in/z.xlsx"}
	want := fakeChecker().Run(files, Options{Jobs: 1}, nil)
	for _, jobs := range []int{0, 1, 3, 100} {
		var inside atomic.Int32
		seen := make([]int, len(files))
		fakeChecker().Each(files, Options{Jobs: jobs}, func(i int, r Result) {
			if inside.Add(1) != 1 {
				t.Errorf("jobs %d: fn called while another call runs", jobs)
			}
			defer inside.Add(-1)
			seen[i]++
			if r.Input != files[i] || r.Output != want[i].Output || (r.Err == nil) != (want[i].Err == nil) {
				t.Errorf("jobs %d: file %d got %+v, want %+v", jobs, i, r, want[i])
			}
		})
		for i, n := range seen {
			if n != 1 {
				t.Errorf("jobs %d: fn called %d times for %s", jobs, n, files[i])
			}
		}
	}
}
