package batch

import (
	"fmt"
	"runtime"
	"runtime/debug"
	"sync"

	"fundcheck/checker"
	"fundcheck/sheets"
)

// Checker does the work on one file: Open and Check are sheets.Open and
// checker.Check in the program (see Default) and stand-ins in tests.
type Checker struct {
	Open  func(path string, opt sheets.Options) (Book, error)
	Check func(wb *checker.Workbook) *checker.Report
}

// Book is one opened workbook (a *sheets.Book in the program): read once,
// its annotated copy written from what was read.
type Book interface {
	Read() (*checker.Workbook, error)
	WriteCopy(r *checker.Report, opt sheets.CopyOptions) (string, error)
	Close() error
}

// Default is the real thing.
func Default() Checker {
	return Checker{Open: openBook, Check: checker.Check}
}

func openBook(path string, opt sheets.Options) (Book, error) {
	b, err := sheets.Open(path, opt)
	if err != nil {
		return nil, err // not a nil *sheets.Book in a non-nil Book
	}
	return b, nil
}

// Options are the command-line choices that apply to every file.
type Options struct {
	OutDir    string // where the copies go; "" is beside each input
	Jobs      int    // files checked at once; < 1 means one per CPU
	Overwrite bool   // replace existing copies instead of numbering new ones
	Password  string // for encrypted workbooks
}

// Result is what became of one input.
type Result struct {
	Input  string
	Output string          // the annotated copy; "" when none was written
	Report *checker.Report // nil when the file could not be checked
	Err    error           // why the file could not be checked, or its copy not written
}

// Each checks every file with up to opt.Jobs at once and calls fn with each
// file's index in files and its result as it finishes, one call at a time.
// It keeps nothing: a result lives as long as fn holds on to it, so a batch
// of thousands of files needs no more memory than a few.
func (c Checker) Each(files []string, opt Options, fn func(i int, r Result)) {
	jobs := opt.Jobs
	if jobs < 1 {
		jobs = runtime.NumCPU()
	}
	jobs = min(jobs, max(len(files), 1))
	next := make(chan int)
	var mu sync.Mutex
	var wg sync.WaitGroup
	for range jobs {
		wg.Go(func() {
			for i := range next {
				r := c.one(files[i], opt)
				mu.Lock()
				fn(i, r)
				mu.Unlock()
			}
		})
	}
	for i := range files {
		next <- i
	}
	close(next)
	wg.Wait()
}

// Run checks every file with up to opt.Jobs at once and returns the results
// in the order of files. done, when not nil, is called with each result as
// it finishes, one call at a time.
func (c Checker) Run(files []string, opt Options, done func(Result)) []Result {
	results := make([]Result, len(files))
	c.Each(files, opt, func(i int, r Result) {
		results[i] = r
		if done != nil {
			done(r)
		}
	})
	return results
}

// one checks one file. A panic in any step is that file's error: the other
// files are still checked and the user learns which file broke it.
func (c Checker) one(path string, opt Options) (res Result) {
	res.Input = path
	defer func() {
		if p := recover(); p != nil {
			res = Result{Input: path, Err: &InternalError{Value: p, Stack: debug.Stack()}}
		}
	}()
	b, err := c.Open(path, sheets.Options{Password: opt.Password})
	if err != nil {
		res.Err = err
		return res
	}
	defer b.Close()
	wb, err := b.Read()
	if err != nil {
		res.Err = err
		return res
	}
	res.Report = c.Check(wb)
	out, err := b.WriteCopy(res.Report, sheets.CopyOptions{OutDir: opt.OutDir, Overwrite: opt.Overwrite, Password: opt.Password})
	if err != nil {
		res.Err = fmt.Errorf("写入审核结果失败：%w", err)
		return res
	}
	res.Output = out
	return res
}

// InternalError is a panic caught while checking one file: a bug in
// fundcheck, not in the workbook.
type InternalError struct {
	Value any
	Stack []byte
}

func (e *InternalError) Error() string {
	return fmt.Sprintf("程序内部错误（%v），请把这个工作簿发给开发人员", e.Value)
}
