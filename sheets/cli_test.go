package sheets

import (
	"bytes"
	"context"
	"errors"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"
)

// The tests here run the fundcheck program itself, as a county would, on
// the inputs the reader's own tests open: what reaches the user is the exit
// status, the console's line about the file and the files in the folder.

// buildFundcheck builds the program once for the whole test run.
var buildFundcheck = sync.OnceValues(func() (string, error) {
	dir, err := os.MkdirTemp("", "fundcheck-cli-")
	if err != nil {
		return "", err
	}
	exe := filepath.Join(dir, "fundcheck")
	cmd := exec.Command("go", "build", "-o", exe, ".")
	cmd.Dir = ".." // the module's root: package main
	if out, err := cmd.CombinedOutput(); err != nil {
		return "", errors.New(err.Error() + "\n" + string(out))
	}
	return exe, nil
})

// fundcheck runs the program with args and gives what it printed and its
// exit status.
func fundcheck(t *testing.T, args ...string) (string, int) {
	t.Helper()
	if _, err := exec.LookPath("go"); err != nil {
		t.Skip("no go command to build fundcheck with")
	}
	exe, err := buildFundcheck()
	if err != nil {
		t.Fatal("building fundcheck: ", err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	var out bytes.Buffer
	cmd := exec.CommandContext(ctx, exe, append([]string{"check", "--no-pause"}, args...)...)
	cmd.Stdout, cmd.Stderr = &out, &out
	err = cmd.Run()
	var exit *exec.ExitError
	switch {
	case err == nil:
		return out.String(), 0
	case errors.As(err, &exit) && ctx.Err() == nil:
		return out.String(), exit.ExitCode()
	default:
		t.Fatalf("fundcheck %q: %v\n%s", args, err, &out)
		return "", 0
	}
}

// listing is every path under dir, relative to it.
func listing(t *testing.T, dir string) []string {
	t.Helper()
	var names []string
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if p != dir {
			rel, _ := filepath.Rel(dir, p)
			names = append(names, rel)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return names
}

// cliRun is one input given to the program, in a folder of its own.
type cliRun struct {
	dir, path, password string
}

// run runs the program on the input and checks what holds for every input:
// no panic, the input's bytes unchanged, and nothing in its folder but
// the input and the copy named copyName, if given. It returns the line about
// the input and the exit status.
func (r cliRun) run(t *testing.T, copyName string) (string, int) {
	t.Helper()
	holdPipe(t, r.path)
	before, files := digest(t, r.path), listing(t, r.dir)
	var args []string
	if r.password != "" {
		args = append(args, "--password", r.password)
	}
	out, code := fundcheck(t, append(args, r.path)...)
	if strings.Contains(out, "panic") || strings.Contains(out, "goroutine ") {
		t.Fatalf("fundcheck panicked:\n%s", out)
	}
	if digest(t, r.path) != before {
		t.Errorf("%s changed", r.path)
	}
	if copyName != "" {
		files = append(files, copyName)
		slices.Sort(files)
	}
	if after := listing(t, r.dir); !slices.Equal(after, files) {
		t.Errorf("folder holds %q after the run, want %q", after, files)
	}
	for _, line := range strings.Split(out, "\n") {
		if strings.HasPrefix(line, r.path+"：") || strings.HasSuffix(line, "→ "+filepath.Join(r.dir, copyName)) {
			return line, code
		}
	}
	t.Fatalf("no line about %s:\n%s", r.path, out)
	return "", 0
}

// TestCommandLineRefuses: every input of the broken-input corpus, and each
// required sheet and header missing in turn, gets exit status 2 and one
// line that names the file and says what is wrong, and nothing is written.
func TestCommandLineRefuses(t *testing.T) {
	for _, c := range brokenCases() {
		t.Run(c.name, func(t *testing.T) {
			if c.kind == KindTooLarge && testing.Short() {
				t.Skip("in -short mode the big generated inputs are tried by TestOpenWorkbookBroken only")
			}
			r := cliRun{dir: t.TempDir(), password: c.password}
			if c.setup != nil {
				r.path = c.setup(t, r.dir)
			} else {
				r.path = filepath.Join(r.dir, c.path)
				copyCorpus(t, c.path, r.path)
			}
			line, code := r.run(t, "")
			problem := strings.TrimPrefix(line, r.path+"：")
			if c.argument != "" {
				c.message, c.contains = c.argument, ""
			}
			switch {
			case code != 2:
				t.Errorf("exit %d, want 2: %s", code, line)
			case c.message != "" && problem != c.message:
				t.Errorf("says %q, want %q", problem, c.message)
			case c.contains != "" && !strings.Contains(problem, c.contains):
				t.Errorf("says %q, want it to say %q", problem, c.contains)
			}
		})
	}
	for _, c := range layoutCases() {
		t.Run(c.name, func(t *testing.T) {
			r := cliRun{dir: t.TempDir()}
			r.path = filepath.Join(r.dir, "缺表.xlsx")
			c.write(t, r.path)
			line, code := r.run(t, "")
			if code != 2 {
				t.Errorf("exit %d, want 2: %s", code, line)
			}
			for _, w := range c.words {
				if !strings.Contains(line, w) {
					t.Errorf("says %q, which does not name %q", line, w)
				}
			}
		})
	}
}

// TestCommandLineChecks: the inputs that must be checked, not refused (the
// encrypted workbook with its password, project names that look like
// formulas, a 200,000-row ledger), get their copy beside them and the exit
// status their findings call for: 1 when there are errors, else 0.
func TestCommandLineChecks(t *testing.T) {
	errorsFound := regexp.MustCompile(`  错误 (\d+)  `)
	for _, c := range []struct {
		name, file, password string
		write                func(t testing.TB, path string)
	}{
		{name: "good", file: "good.xlsx"},
		{name: "encrypted, with the password", file: "encrypted.xlsx", password: corpusPassword},
		{name: "formula injection", file: "formula-injection.xlsx"},
		{name: "200,000-row ledger", file: "大台账.xlsx", write: func(t testing.TB, path string) {
			writeCorpusLedger(t, path, 200_000)
		}},
	} {
		t.Run(c.name, func(t *testing.T) {
			if c.write != nil && testing.Short() {
				t.Skip("writes and checks a 200,000-row ledger")
			}
			r := cliRun{dir: t.TempDir(), password: c.password}
			r.path = filepath.Join(r.dir, c.file)
			if c.write != nil {
				c.write(t, r.path)
			} else {
				copyCorpus(t, c.file, r.path)
			}
			line, code := r.run(t, strings.TrimSuffix(c.file, ".xlsx")+"_审核结果.xlsx")
			m := errorsFound.FindStringSubmatch(line)
			switch {
			case m == nil:
				t.Errorf("line %q gives no number of errors", line)
			case (m[1] != "0") != (code == 1) || code > 1:
				t.Errorf("exit %d with %s errors: %s", code, m[1], line)
			}
		})
	}
}
