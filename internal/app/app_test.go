package app

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fundcheck/batch"
	"fundcheck/checker"
	"fundcheck/sheets"

	"github.com/shopspring/decimal"
)

// fakeChecker stands in for the real work: a file whose name starts with
// "bad" cannot be read, "err" has an error finding, anything else is clean.
// Copies are written as small files so that the paths are real.
func fakeChecker() batch.Checker {
	return batch.Checker{
		Open: func(path string, _ sheets.Options) (batch.Book, error) {
			if strings.HasPrefix(filepath.Base(path), "bad") {
				return nil, &sheets.FileError{Path: path, Problems: []string{"不是 .xlsx 工作簿"}}
			}
			return fakeBook(path), nil
		},
		Check: func(wb *checker.Workbook) *checker.Report {
			name := strings.TrimSuffix(filepath.Base(wb.Source), ".xlsx")
			r := &checker.Report{County: name, Year: 2023, Final: decimal.RequireFromString("88.5"), Grade: "B"}
			if strings.HasPrefix(name, "err") {
				r.Findings = []checker.Finding{{Code: "ZJ201", Severity: checker.Error, Message: "合计不符"}}
			}
			return r
		},
	}
}

// fakeBook is an opened workbook by its path.
type fakeBook string

func (b fakeBook) Read() (*checker.Workbook, error) { return &checker.Workbook{Source: string(b)}, nil }

func (b fakeBook) WriteCopy(_ *checker.Report, opt sheets.CopyOptions) (string, error) {
	input := string(b)
	dir := opt.OutDir
	if dir == "" {
		dir = filepath.Dir(input)
	}
	out := filepath.Join(dir, strings.TrimSuffix(filepath.Base(input), ".xlsx")+"_审核结果.xlsx")
	return out, os.WriteFile(out, []byte("copy"), 0o644)
}

func (fakeBook) Close() error { return nil }

func testEnv(stdin string, owns bool) (Env, *bytes.Buffer, *bytes.Buffer, *[]string) {
	var out, errOut bytes.Buffer
	var templates []string
	env := Env{
		Stdin: strings.NewReader(stdin), Stdout: &out, Stderr: &errOut,
		OwnsConsole: owns,
		ExeDir:      "程序",
		Now:         func() time.Time { return time.Date(2023, 11, 15, 9, 30, 0, 0, time.UTC) },
		Checker:     fakeChecker(),
		WriteTemplate: func(path string) error {
			templates = append(templates, path)
			return nil
		},
		Version: "1.2.3",
	}
	return env, &out, &errOut, &templates
}

func runCLI(t *testing.T, env Env, args ...string) int {
	t.Helper()
	return Run(append([]string{"fundcheck"}, args...), env)
}

// county writes empty stand-in workbooks under dir.
func county(t *testing.T, dir string, names ...string) {
	t.Helper()
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	for _, n := range names {
		if err := os.WriteFile(filepath.Join(dir, n), []byte("x"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func TestCheckExitStatusAndLines(t *testing.T) {
	tests := []struct {
		name     string
		files    []string
		extra    []string // arguments that are not created
		code     int
		contains []string
	}{
		{"one clean file", []string{"阿城区.xlsx"}, nil, 0,
			[]string{"阿城区 2023  最终得分 88.50  等级 B  错误 0  警告 0  提示 0  → ", "共 1 个文件：1 个审核完成（其中 0 个有错误），0 个无法检查"}},
		{"error finding", []string{"阿城区.xlsx", "err宾县.xlsx"}, nil, 1,
			[]string{"err宾县 2023  最终得分 88.50  等级 B  错误 1", "其中 1 个有错误"}},
		{"unreadable", []string{"阿城区.xlsx", "bad.xlsx"}, nil, 2,
			[]string{"bad.xlsx：不是 .xlsx 工作簿", "1 个无法检查"}},
		{"missing argument", []string{"阿城区.xlsx"}, []string{"没有.xlsx"}, 2,
			[]string{"没有.xlsx：文件或文件夹不存在"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			county(t, dir, tt.files...)
			var args []string
			for _, f := range append(tt.files, tt.extra...) {
				args = append(args, filepath.Join(dir, f))
			}
			env, out, _, _ := testEnv("", false)
			if code := runCLI(t, env, args...); code != tt.code {
				t.Errorf("exit %d, want %d\n%s", code, tt.code, out)
			}
			for _, c := range tt.contains {
				if !strings.Contains(out.String(), c) {
					t.Errorf("output lacks %q:\n%s", c, out)
				}
			}
			summaries, _ := filepath.Glob(filepath.Join(dir, "审核汇总_*.xlsx"))
			if want := len(tt.files) > 1; want != (len(summaries) == 1) {
				t.Errorf("summaries %v, want one: %v", summaries, want)
			}
		})
	}
}

func TestCheckFolderWithOut(t *testing.T) {
	dir := t.TempDir()
	county(t, filepath.Join(dir, "全省", "哈尔滨市"), "阿城区.xlsx", "宾县.xlsx", "~$宾县.xlsx")
	out := filepath.Join(dir, "结果")
	env, stdout, _, _ := testEnv("", false)
	if code := runCLI(t, env, "check", "--out", out, "--jobs", "2", filepath.Join(dir, "全省")); code != 0 {
		t.Fatalf("exit %d\n%s", code, stdout)
	}
	for _, name := range []string{"阿城区_审核结果.xlsx", "宾县_审核结果.xlsx", "审核汇总_20231115-093000.xlsx"} {
		if _, err := os.Stat(filepath.Join(out, name)); err != nil {
			t.Errorf("%s not in --out: %v", name, err)
		}
	}
	if strings.Contains(stdout.String(), "~$") {
		t.Errorf("lock file checked:\n%s", stdout)
	}
}

func TestCheckJSON(t *testing.T) {
	dir := t.TempDir()
	county(t, dir, "阿城区.xlsx", "bad.xlsx")
	env, stdout, stderr, _ := testEnv("", false)
	env.Progress = true
	code := runCLI(t, env, "check", "--json", dir)
	if code != 2 {
		t.Errorf("exit %d, want 2", code)
	}
	var doc struct {
		Files []struct {
			Input  string
			Output *string
			Error  *string
			Final  json.Number
		}
	}
	dec := json.NewDecoder(stdout)
	dec.UseNumber()
	if err := dec.Decode(&doc); err != nil {
		t.Fatalf("stdout is not one JSON document: %v\n%s", err, stdout)
	}
	if dec.More() {
		t.Error("more than one JSON document on stdout")
	}
	if len(doc.Files) != 2 || doc.Files[0].Error == nil || doc.Files[1].Final != "88.50" || doc.Files[1].Output == nil {
		t.Errorf("unexpected document %+v", doc)
	}
	if strings.Contains(stderr.String(), "已完成") {
		t.Errorf("progress line with --json: %q", stderr)
	}
	if !strings.Contains(stderr.String(), "汇总 →") {
		t.Errorf("summary path not on stderr: %q", stderr)
	}
}

func TestProgressOnlyOnTerminal(t *testing.T) {
	for _, terminal := range []bool{true, false} {
		dir := t.TempDir()
		county(t, dir, "a.xlsx", "b.xlsx")
		env, stdout, stderr, _ := testEnv("", false)
		env.Progress = terminal
		runCLI(t, env, dir)
		if got := strings.Contains(stderr.String(), "已完成 2/2"); got != terminal {
			t.Errorf("terminal %v: progress %q", terminal, stderr)
		}
		if strings.Contains(stdout.String(), "已完成") {
			t.Errorf("progress on stdout: %q", stdout)
		}
	}
}

func TestPause(t *testing.T) {
	tests := []struct {
		name  string
		owns  bool
		args  []string
		pause bool
	}{
		{"drag and drop", true, []string{"a.xlsx"}, true},
		{"drag and drop, bad file", true, []string{"bad.xlsx"}, true},
		{"no-pause", true, []string{"check", "--no-pause", "a.xlsx"}, false},
		{"from a shell", false, []string{"a.xlsx"}, false},
		{"usage error in own window", true, []string{"--bogus"}, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			county(t, dir, "a.xlsx", "bad.xlsx")
			t.Chdir(dir)
			env, stdout, _, _ := testEnv("\n", tt.owns)
			runCLI(t, env, tt.args...)
			if got := strings.HasSuffix(stdout.String(), "按回车键退出\n"); got != tt.pause {
				t.Errorf("paused %v, want %v:\n%s", got, tt.pause, stdout)
			}
		})
	}
}

func TestDoubleClickWelcome(t *testing.T) {
	tests := []struct {
		answer string
		write  bool
	}{{"\n", true}, {"y\n", true}, {"是\n", true}, {"n\n", false}, {"", true}}
	for _, tt := range tests {
		env, stdout, _, templates := testEnv(tt.answer, true)
		env.ExeDir = t.TempDir()
		code := runCLI(t, env)
		if code != 0 {
			t.Errorf("answer %q: exit %d", tt.answer, code)
		}
		if !strings.Contains(stdout.String(), "拖到 fundcheck.exe 的图标上") || !strings.Contains(stdout.String(), "(Y/n)") {
			t.Errorf("no explanation:\n%s", stdout)
		}
		want := []string{filepath.Join(env.ExeDir, TemplateName)}
		if !tt.write {
			want = nil
		}
		if strings.Join(*templates, "|") != strings.Join(want, "|") {
			t.Errorf("answer %q: templates %v, want %v", tt.answer, *templates, want)
		}
	}
}

func TestNoArgumentsFromShell(t *testing.T) {
	env, stdout, _, _ := testEnv("", false)
	if code := runCLI(t, env); code != 2 {
		t.Errorf("exit %d, want 2", code)
	}
	if !strings.Contains(stdout.String(), "用法：") {
		t.Errorf("no help:\n%s", stdout)
	}
}

func TestTemplate(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	county(t, dir, "已有.xlsx")
	tests := []struct {
		args []string
		code int
		want string // the path handed to WriteTemplate, or the error
	}{
		{[]string{"template"}, 0, TemplateName},
		{[]string{"template", "新表.xlsx"}, 0, "新表.xlsx"},
		{[]string{"template", "."}, 0, TemplateName},
		{[]string{"template", "已有.xlsx"}, 2, "已有.xlsx 已存在，不会覆盖"},
		{[]string{"template", "表.xls"}, 2, "模板文件名必须以 .xlsx 结尾"},
		{[]string{"template", "a.xlsx", "b.xlsx"}, 2, "只接受一个路径"},
	}
	for _, tt := range tests {
		env, _, stderr, templates := testEnv("", false)
		code := runCLI(t, env, tt.args...)
		if code != tt.code {
			t.Errorf("%v: exit %d, want %d", tt.args, code, tt.code)
		}
		got := strings.Join(*templates, "|")
		if tt.code != 0 {
			got = stderr.String()
			if len(*templates) != 0 {
				t.Errorf("%v: wrote %v", tt.args, *templates)
			}
		}
		if !strings.Contains(got, tt.want) {
			t.Errorf("%v: got %q, want %q", tt.args, got, tt.want)
		}
	}
}

func TestTemplateWriteFails(t *testing.T) {
	t.Chdir(t.TempDir())
	env, _, stderr, _ := testEnv("", false)
	env.WriteTemplate = func(string) error { return errors.New("磁盘已满") }
	if code := runCLI(t, env, "template"); code != 2 || !strings.Contains(stderr.String(), "生成模板失败：磁盘已满") {
		t.Errorf("exit %d, stderr %q", code, stderr)
	}
}

func TestRulesAndUsageErrors(t *testing.T) {
	tests := []struct {
		args   []string
		code   int
		stdout string
		stderr string
	}{
		{[]string{"rules"}, 0, "错误  GS101  缺少必需的工作表", ""},
		{[]string{"rules"}, 0, " 3       5  资金落实到项目时间：计算", ""},
		{[]string{"rules"}, 0, "17     -15  违规违纪", ""},
		{[]string{"rules", "gs108"}, 0, "GS108（提示）以元为单位的列已换算为万元", ""},
		{[]string{"rules", "XX999"}, 2, "", "没有问题代码 XX999"},
		{[]string{"rules", "a", "b"}, 2, "", "只接受一个问题代码"},
		{[]string{"--version"}, 0, "fundcheck 1.2.3", ""},
		{[]string{"--help"}, 0, "退出状态：0", ""},
		{[]string{"check", "--help"}, 0, "用法：fundcheck check", ""},
		{[]string{"--bogus"}, 2, "", "参数错误：没有这个选项 -bogus"},
		{[]string{"check", "--jobs", "x", "a.xlsx"}, 2, "", `选项 -jobs 的取值 "x" 无效`},
		{[]string{"check", "--jobs", "0", "a.xlsx"}, 2, "", "--jobs 必须是正整数"},
		{[]string{"check"}, 2, "", "请指定要审核的工作簿或文件夹"},
	}
	for _, tt := range tests {
		env, stdout, stderr, _ := testEnv("", false)
		code := runCLI(t, env, tt.args...)
		if code != tt.code || !strings.Contains(stdout.String(), tt.stdout) || !strings.Contains(stderr.String(), tt.stderr) {
			t.Errorf("%v: exit %d (want %d)\nstdout %s\nstderr %s", tt.args, code, tt.code, stdout, stderr)
		}
	}
}

func TestPanicOutsideFilesIsReported(t *testing.T) {
	t.Chdir(t.TempDir())
	env, stdout, stderr, _ := testEnv("\n", true)
	env.WriteTemplate = func(string) error { panic("boom") }
	if code := runCLI(t, env, "template"); code != 2 || !strings.Contains(stderr.String(), "程序内部错误（boom）") {
		t.Errorf("exit %d, stderr %q", code, stderr)
	}
	if !strings.HasSuffix(stdout.String(), "按回车键退出\n") {
		t.Errorf("did not wait in its own window: %q", stdout)
	}
}
