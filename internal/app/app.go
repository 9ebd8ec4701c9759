// Package app is fundcheck's command line: what each argument and flag
// means, what is printed, when the window waits for Enter, and the exit
// status. The work itself is done by package batch and the sheets writers.
package app

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"strings"
	"time"

	"fundcheck/batch"
	"fundcheck/internal/console"
	"fundcheck/sheets"

	"github.com/urfave/cli/v2"
)

// TemplateName is the blank template's default file name.
const TemplateName = "衔接资金绩效评价模板.xlsx"

// Env is everything Run takes from the process, so that tests can run the
// whole command line in-process.
type Env struct {
	Stdin          io.Reader
	Stdout, Stderr io.Writer
	// Progress says whether to keep a progress line on Stderr (a terminal).
	Progress bool
	// OwnsConsole says the window closes when fundcheck ends (started by
	// double-click or drag-and-drop on Windows), so it waits for Enter.
	OwnsConsole bool
	// ExeDir is where a double-clicked fundcheck offers to put the template.
	ExeDir        string
	Now           func() time.Time
	Checker       batch.Checker
	WriteTemplate func(path string) error
	Version       string
}

// OS is the environment of the running process.
func OS(version string) Env {
	exeDir := "."
	if exe, err := os.Executable(); err == nil {
		exeDir = filepath.Dir(exe)
	}
	return Env{
		Stdin: os.Stdin, Stdout: os.Stdout, Stderr: os.Stderr,
		Progress:      console.IsTerminal(os.Stderr),
		OwnsConsole:   console.OwnsConsole(),
		ExeDir:        exeDir,
		Now:           time.Now,
		Checker:       batch.Default(),
		WriteTemplate: sheets.WriteTemplate,
		Version:       version,
	}
}

// exitError carries an exit status and a message already in Chinese.
type exitError struct {
	code int
	msg  string
}

func (e *exitError) Error() string { return e.msg }

func fail(code int, format string, a ...any) error {
	return &exitError{code, fmt.Sprintf(format, a...)}
}

// Run runs the command line args (args[0] is the program) and returns the
// exit status.
func Run(args []string, env Env) int {
	code := batch.ExitOK
	r := &runner{env: env}
	if err := r.runApp(args); err != nil {
		var ee *exitError
		if errors.As(err, &ee) {
			code = ee.code
			if ee.msg != "" {
				fmt.Fprintln(env.Stderr, ee.msg)
			}
		} else {
			code = batch.ExitFailed
			fmt.Fprintln(env.Stderr, "参数错误："+chineseUsageError(err)+"。运行 fundcheck --help 查看用法。")
		}
	}
	if env.OwnsConsole && !r.noPause {
		console.Pause(env.Stdin, env.Stdout)
	}
	return code
}

var invalidValue = regexp.MustCompile(`^invalid value (".*") for flag (\S+):`)

// runApp runs the command line. A panic outside the per-file work (which
// batch already contains) still ends in a message and exit status 2, and a
// double-clicked window still waits so that the message can be read.
func (r *runner) runApp(args []string) (err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fail(batch.ExitFailed, "程序内部错误（%v），请把这段文字发给开发人员", p)
		}
	}()
	return r.app().Run(args)
}

// chineseUsageError translates the flag package's messages.
func chineseUsageError(err error) string {
	msg := err.Error()
	if m := invalidValue.FindStringSubmatch(msg); m != nil {
		return "选项 " + m[2] + " 的取值 " + m[1] + " 无效"
	}
	for _, t := range []struct{ en, zh string }{
		{"flag provided but not defined: ", "没有这个选项 "},
		{"flag needs an argument: ", "选项缺少取值 "},
		{"No help topic for ", "没有这个命令 "},
	} {
		if rest, ok := strings.CutPrefix(msg, t.en); ok {
			return t.zh + rest
		}
	}
	return msg
}

// runner holds what the actions share: the environment, and whether the
// command line asked not to wait for Enter.
type runner struct {
	env     Env
	noPause bool
}

func (r *runner) app() *cli.App {
	return &cli.App{
		Name:                  "fundcheck",
		Usage:                 "衔接推进乡村振兴补助资金绩效评价工作簿审核工具",
		Version:               r.env.Version,
		HideVersion:           true,
		HideHelpCommand:       true,
		Reader:                r.env.Stdin,
		Writer:                r.env.Stdout,
		ErrWriter:             r.env.Stderr,
		CustomAppHelpTemplate: appHelp,
		Flags:                 append(checkFlags(), &cli.BoolFlag{Name: "version", Aliases: []string{"v"}}),
		ExitErrHandler:        func(*cli.Context, error) {},
		OnUsageError:          usageError,
		Action: func(c *cli.Context) error {
			r.noPause = c.Bool("no-pause")
			if c.Bool("version") {
				fmt.Fprintln(r.env.Stdout, "fundcheck", r.env.Version)
				return nil
			}
			if c.NArg() == 0 {
				if r.env.OwnsConsole {
					return r.welcome()
				}
				cli.ShowAppHelp(c)
				return fail(batch.ExitFailed, "")
			}
			return r.check(c)
		},
		Commands: []*cli.Command{
			{
				Name:               "check",
				Usage:              "审核工作簿或文件夹",
				ArgsUsage:          "文件或文件夹...",
				Flags:              checkFlags(),
				CustomHelpTemplate: checkHelp,
				OnUsageError:       usageError,
				Action: func(c *cli.Context) error {
					if c.NArg() == 0 {
						return fail(batch.ExitFailed, "请指定要审核的工作簿或文件夹，例如：fundcheck check 阿城区.xlsx")
					}
					return r.check(c)
				},
			},
			{
				Name:               "template",
				Usage:              "生成空白的标准模板",
				ArgsUsage:          "[路径]",
				Flags:              []cli.Flag{noPauseFlag()},
				CustomHelpTemplate: templateHelp,
				OnUsageError:       usageError,
				Action:             r.template,
			},
			{
				Name:               "rules",
				Usage:              "列出评分指标和问题代码",
				ArgsUsage:          "[代码]",
				Flags:              []cli.Flag{noPauseFlag()},
				CustomHelpTemplate: rulesHelp,
				OnUsageError:       usageError,
				Action:             r.rules,
			},
		},
	}
}

func usageError(_ *cli.Context, err error, _ bool) error {
	return fail(batch.ExitFailed, "参数错误：%s。运行 fundcheck --help 查看用法。", chineseUsageError(err))
}

func noPauseFlag() cli.Flag { return &cli.BoolFlag{Name: "no-pause"} }

func checkFlags() []cli.Flag {
	return []cli.Flag{
		&cli.StringFlag{Name: "out", Aliases: []string{"o"}},
		&cli.IntFlag{Name: "jobs", Aliases: []string{"j"}, Value: runtime.NumCPU()},
		&cli.BoolFlag{Name: "overwrite"},
		&cli.BoolFlag{Name: "json"},
		noPauseFlag(),
		&cli.StringFlag{Name: "password"},
	}
}
