package batch

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"testing"
)

func touch(t *testing.T, paths ...string) {
	t.Helper()
	for _, p := range paths {
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte("x"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func TestExpand(t *testing.T) {
	d := t.TempDir()
	j := func(p ...string) string { return filepath.Join(append([]string{d}, p...)...) }
	touch(t,
		j("全省", "哈尔滨市", "阿城区.xlsx"),
		j("全省", "哈尔滨市", "宾县.XLSX"),
		j("全省", "齐齐哈尔市", "龙江县.xlsx"),
		j("全省", "齐齐哈尔市", "~$龙江县.xlsx"),
		j("全省", "齐齐哈尔市", ".隐藏.xlsx"),
		j("全省", ".git", "x.xlsx"),
		j("全省", "阿城区_审核结果.xlsx"),
		j("全省", "阿城区_审核结果(2).xlsx"),
		j("全省", "审核汇总_20231115-093000.xlsx"),
		j("全省", "说明.docx"),
		j("全省", "旧表.xls"),
		j("空", "说明.txt"),
		j("单个.xls"),
	)
	files, errs := Expand([]string{
		j("全省"),
		j("单个.xls"), // named explicitly: the reader says what is wrong
		j("全省", "哈尔滨市", "阿城区.xlsx"), // already found in the folder
		j("没有"),
		j("空"),
	})
	want := []string{
		j("全省", "哈尔滨市", "宾县.XLSX"),
		j("全省", "哈尔滨市", "阿城区.xlsx"),
		j("全省", "齐齐哈尔市", "龙江县.xlsx"),
		j("单个.xls"),
	}
	if !slices.Equal(files, want) {
		t.Errorf("files\n got %q\nwant %q", files, want)
	}
	if len(errs) != 2 {
		t.Fatalf("errors %v, want 2", errs)
	}
	for i, msg := range []string{"文件或文件夹不存在", "文件夹中没有要检查的 .xlsx 工作簿"} {
		var ae *ArgError
		if !errors.As(errs[i], &ae) || ae.Msg != msg {
			t.Errorf("error %d = %v, want %q", i, errs[i], msg)
		}
	}
}

func TestIsCandidate(t *testing.T) {
	tests := []struct {
		name string
		want bool
	}{
		{"阿城区.xlsx", true},
		{"阿城区.XLSX", true},
		{"阿城区审核.xlsx", true},
		{"阿城区.xls", false},
		{"阿城区.xlsm", false},
		{"~$阿城区.xlsx", false},
		{".阿城区.xlsx", false},
		{"阿城区_审核结果.xlsx", false},
		{"阿城区_审核结果(3).xlsx", false},
		{"审核汇总_20231115-093000.xlsx", false},
	}
	for _, tt := range tests {
		if got := IsCandidate(tt.name); got != tt.want {
			t.Errorf("IsCandidate(%q) = %v, want %v", tt.name, got, tt.want)
		}
	}
}
