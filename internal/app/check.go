package app

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"fundcheck/batch"
	"fundcheck/sheets"

	"github.com/urfave/cli/v2"
)

// check checks every workbook the arguments name, prints a line per file
// (or the JSON document), writes the summary when there is more than one
// workbook, and sets the exit status.
func (r *runner) check(c *cli.Context) error {
	r.noPause = c.Bool("no-pause")
	env := r.env
	jobs := c.Int("jobs")
	if jobs < 1 {
		return fail(batch.ExitFailed, "参数错误：--jobs 必须是正整数，现在是 %d", jobs)
	}
	opt := batch.Options{OutDir: c.String("out"), Jobs: jobs, Overwrite: c.Bool("overwrite"), Password: c.String("password")}
	if opt.OutDir != "" {
		if err := os.MkdirAll(opt.OutDir, 0o755); err != nil {
			return fail(batch.ExitFailed, "无法创建输出文件夹 %s：%v", opt.OutDir, err)
		}
	}
	asJSON := c.Bool("json")
	args := c.Args().Slice()
	files, argErrs := batch.Expand(args)

	p := &batch.Printer{Out: env.Stdout, Total: len(files)}
	if env.Progress && !asJSON {
		p.Progress = env.Stderr
	}
	var bad []batch.Result
	for _, err := range argErrs {
		ae := err.(*batch.ArgError)
		// The line shows the argument; the error says only what is wrong.
		res := batch.Result{Input: ae.Arg, Err: errors.New(ae.Msg)}
		bad = append(bad, res)
		if !asJSON {
			fmt.Fprintln(env.Stdout, batch.Line(res))
		}
	}

	// Each result goes to the tally, the JSON document and the summary as
	// it finishes and is dropped: a batch of thousands keeps none.
	var tally batch.Tally
	var doc *batch.JSONWriter
	if asJSON {
		doc = batch.NewJSONWriter(env.Stdout)
	}
	var summary *sheets.Summary
	if len(files) > 1 {
		summary = sheets.NewSummary()
		defer summary.Close()
	}
	add := func(i int, res batch.Result) {
		tally.Add(res)
		// A failed Add is not the file's failure: the writers keep the
		// error and Close and Save return it.
		if doc != nil {
			doc.Add(i, res)
		}
		if summary != nil {
			summary.Add(i, sheets.SummaryEntry{Input: res.Input, Output: res.Output, Err: res.Err, Report: res.Report})
		}
	}
	env.Checker.Each(files, opt, func(i int, res batch.Result) {
		if !asJSON {
			p.Done(res)
		}
		add(i, res)
	})
	p.Finish()
	// In the JSON document and the summary the arguments that named no
	// workbook come after the files.
	for k, res := range bad {
		add(len(files)+k, res)
	}

	code := tally.ExitCode()
	if summary != nil {
		if err := r.summary(summary, summaryDir(opt.OutDir, args), asJSON); err != nil {
			code = batch.ExitFailed
		}
	}
	if asJSON {
		if err := doc.Close(); err != nil {
			return fail(batch.ExitFailed, "输出 JSON 失败：%v", err)
		}
	} else {
		fmt.Fprintln(env.Stdout, closingLine(tally))
	}
	if code != batch.ExitOK {
		return fail(code, "")
	}
	return nil
}

// summaryDir is where the summary goes: --out, else the first argument
// that is a folder or the folder of the first file.
func summaryDir(out string, args []string) string {
	if out != "" {
		return out
	}
	for _, a := range args {
		st, err := os.Stat(a)
		switch {
		case err != nil:
			continue
		case st.IsDir():
			return a
		default:
			return filepath.Dir(a)
		}
	}
	return "."
}

func (r *runner) summary(s *sheets.Summary, dir string, asJSON bool) error {
	path := sheets.SummaryPath(dir, r.env.Now())
	err := s.Save(path)
	// The JSON document owns stdout; the summary's name goes to stderr then.
	w := r.env.Stdout
	if asJSON {
		w = r.env.Stderr
	}
	if err != nil {
		fmt.Fprintf(r.env.Stderr, "汇总未写出：%v\n", err)
		return err
	}
	fmt.Fprintln(w, "汇总 →", path)
	return nil
}

// closingLine is the closing line: how many files, how many could not be
// checked, how many have errors.
func closingLine(t batch.Tally) string {
	return fmt.Sprintf("共 %d 个文件：%d 个审核完成（其中 %d 个有错误），%d 个无法检查", t.Files, t.Files-t.Failed, t.WithErrors, t.Failed)
}
