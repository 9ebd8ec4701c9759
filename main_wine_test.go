package main

import (
	"bufio"
	"bytes"
	"context"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode/utf16"

	"fundcheck/internal/sample"
	"fundcheck/sheets"
)

// wine is one Wine prefix with fundcheck.exe built for it. Creating a prefix
// takes tens of seconds, so every subtest shares it.
type wine struct {
	dir, exe string
	env      []string
}

// TestWindowsExe builds fundcheck.exe and runs it under Wine: from a shell
// (piped output, as cmd or a script would), and in a console of its own (as
// after a double-click or a drag-and-drop), on paths with Chinese characters.
func TestWindowsExe(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: no Wine")
	}
	for _, tool := range []string{"wine", "wineboot", "wineserver", "x86_64-w64-mingw32-gcc"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Skipf("%s not installed", tool)
		}
	}
	// Not t.TempDir: Wine may still hold files when the test ends.
	dir, err := os.MkdirTemp("", "fundcheck-wine-")
	if err != nil {
		t.Fatal(err)
	}
	w := &wine{dir: dir, exe: filepath.Join(dir, "程序", "fundcheck.exe")}
	w.env = append(os.Environ(), "WINEPREFIX="+filepath.Join(dir, "prefix"), "WINEDEBUG=-all",
		"WINEDLLOVERRIDES=mscoree,mshtml=", "DISPLAY=")
	t.Cleanup(func() {
		w.command(context.Background(), "wineserver", "-k").Run()
		os.RemoveAll(dir)
	})

	run(t, exec.Command("go", "build", "-ldflags", "-X main.version=0.1.0-wine", "-o", w.exe, "."),
		"GOOS=windows", "GOARCH=amd64", "CGO_ENABLED=0")
	exe, err := os.ReadFile(w.exe)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(exe, utf16le("衔接推进乡村振兴补助资金绩效评价工作簿审核工具")) {
		t.Error("fundcheck.exe has no Chinese FileDescription: is rsrc_windows_amd64.syso missing?")
	}
	dll := filepath.Join(dir, "bcryptprimitives.dll")
	run(t, exec.Command("x86_64-w64-mingw32-gcc", "-shared", "-O2", "-s", "-o", dll,
		"testdata/wine/processprng.c", "testdata/wine/processprng.def", "-lbcrypt"))
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	if out, err := w.command(ctx, "wineboot", "-i").CombinedOutput(); err != nil {
		t.Fatalf("wineboot: %v\n%s", err, out)
	}
	copyFile(t, dll, filepath.Join(dir, "prefix", "drive_c", "windows", "system32", "bcryptprimitives.dll"))

	t.Run("version", func(t *testing.T) {
		out, code := w.run(t, "", "--version")
		if code != 0 || strings.TrimSpace(out) != "fundcheck 0.1.0-wine" {
			t.Errorf("exit %d, output %q", code, out)
		}
	})
	t.Run("missing file", func(t *testing.T) {
		out, code := w.run(t, "", "--no-pause", winPath(filepath.Join(dir, "没有这个文件.xlsx")))
		if code != 2 || !strings.Contains(out, "没有这个文件.xlsx：文件或文件夹不存在") {
			t.Errorf("exit %d, output %q", code, out)
		}
	})
	t.Run("own console, no arguments", func(t *testing.T) {
		out, code := w.console(t, nil, []string{"(Y/n)", "n\r"}, []string{"按回车键退出", "\r"})
		if code != 0 || !strings.Contains(out, "拖到 fundcheck.exe 的图标上") || !strings.Contains(out, "未生成模板") {
			t.Errorf("no usage text or answer ignored:\n%s", out)
		}
	})

	t.Run("own console, template beside the program", func(t *testing.T) {
		out, code := w.console(t, nil, []string{"(Y/n)", "\r"}, []string{"按回车键退出", "\r"})
		if code != 0 {
			t.Errorf("exit %d:\n%s", code, out)
		}
		if _, err := os.Stat(filepath.Join(filepath.Dir(w.exe), "衔接资金绩效评价模板.xlsx")); err != nil {
			t.Errorf("no template beside fundcheck.exe: %v\n%s", err, out)
		}
	})

	county := filepath.Join(dir, "县区 资料", "阿城区 2023年.xlsx")
	if err := os.MkdirAll(filepath.Dir(county), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := sheets.WriteWorkbook(county, sample.Acheng(), sample.AchengNote); err != nil {
		t.Fatal(err)
	}
	copyPath := strings.TrimSuffix(county, ".xlsx") + "_审核结果.xlsx"

	t.Run("from a shell", func(t *testing.T) {
		out, code := w.run(t, "", winPath(county))
		if code > 1 || !strings.Contains(out, "阿城区 2023  最终得分 98.93  等级 A") || !strings.Contains(out, "阿城区 2023年_审核结果.xlsx") {
			t.Errorf("exit %d, output:\n%s", code, out)
		}
		if _, err := os.Stat(copyPath); err != nil {
			t.Errorf("no copy beside the workbook: %v", err)
		}
	})
	t.Run("drag and drop", func(t *testing.T) {
		out, code := w.console(t, []string{winPath(county)}, []string{"按回车键退出", "\r"})
		// The console wraps long lines, so look for a short part of it.
		if code > 1 || !strings.Contains(out, "最终得分") {
			t.Errorf("no result line:\n%s", out)
		}
		if _, err := os.Stat(strings.TrimSuffix(copyPath, ".xlsx") + "(2).xlsx"); err != nil {
			t.Errorf("second copy not numbered (2): %v", err)
		}
	})
}

func (w *wine) command(ctx context.Context, name string, args ...string) *exec.Cmd {
	cmd := exec.CommandContext(ctx, name, args...)
	cmd.Env = w.env
	cmd.Dir = w.dir
	return cmd
}

// run runs fundcheck.exe with piped output, as from cmd or a script.
func (w *wine) run(t *testing.T, stdin string, args ...string) (string, int) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	cmd := w.command(ctx, "wine", append([]string{w.exe}, args...)...)
	cmd.Stdin = strings.NewReader(stdin)
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	err := cmd.Run()
	if ctx.Err() != nil {
		t.Fatalf("timed out:\n%s", out.String())
	}
	code := 0
	if ee, ok := err.(*exec.ExitError); ok {
		code = ee.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	return withoutWineNoise(out.String()), code
}

// withoutWineNoise drops the lines Wine itself writes: a helper process of a
// prefix just made sometimes crashes ("wine: Unhandled page fault … starting
// debugger") while fundcheck.exe runs and exits correctly.
func withoutWineNoise(out string) string {
	var keep []string
	for line := range strings.SplitAfterSeq(out, "\n") {
		if !strings.HasPrefix(line, "wine: ") {
			keep = append(keep, line)
		}
	}
	return strings.Join(keep, "")
}

// console runs fundcheck.exe on a terminal (util-linux script), where Wine
// gives it a console of its own, as Explorer does. Each step waits for its
// prompt in the output and then types its answer; the program must then
// exit by itself.
func (w *wine) console(t *testing.T, args []string, steps ...[]string) (string, int) {
	t.Helper()
	if _, err := exec.LookPath("script"); err != nil {
		t.Skip("script (util-linux) not installed")
	}
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	line := "wine " + shellQuote(w.exe)
	for _, a := range args {
		line += " " + shellQuote(a)
	}
	cmd := w.command(ctx, "script", "-qefc", line, "/dev/null")
	stdin, err := cmd.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	var seen bytes.Buffer
	r := bufio.NewReader(stdout)
	for _, step := range steps {
		for !bytes.Contains(seen.Bytes(), []byte(step[0])) {
			b, err := r.ReadByte()
			if err != nil {
				t.Fatalf("ended before %q: %v\n%s", step[0], err, seen.String())
			}
			seen.WriteByte(b)
		}
		// Wine's console sets up its terminal modes only after the prompt is
		// out; typed earlier, the answer arrives mangled.
		time.Sleep(time.Second)
		io.WriteString(stdin, step[1])
	}
	rest, _ := io.ReadAll(r)
	seen.Write(rest)
	code := 0
	if err := cmd.Wait(); ctx.Err() != nil {
		t.Fatalf("timed out:\n%s", seen.String())
	} else if ee, ok := err.(*exec.ExitError); ok {
		code = ee.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	return seen.String(), code
}

func run(t *testing.T, cmd *exec.Cmd, env ...string) {
	t.Helper()
	cmd.Env = append(os.Environ(), env...)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("%v: %v\n%s", cmd.Args, err, out)
	}
}

func copyFile(t *testing.T, from, to string) {
	t.Helper()
	b, err := os.ReadFile(from)
	if err == nil {
		err = os.WriteFile(to, b, 0o644)
	}
	if err != nil {
		t.Fatal(err)
	}
}

// winPath is path as Wine's Windows programs see it: drive Z: is /.
func winPath(p string) string { return "Z:" + strings.ReplaceAll(p, "/", `\`) }

func shellQuote(s string) string { return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'" }

func utf16le(s string) []byte {
	var b []byte
	for _, u := range utf16.Encode([]rune(s)) {
		b = append(b, byte(u), byte(u>>8))
	}
	return b
}
