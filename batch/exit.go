package batch

import "fundcheck/checker"

// Exit statuses of fundcheck.
const (
	ExitOK       = 0 // every file read, no error finding
	ExitFindings = 1 // some file has an error-severity finding
	ExitFailed   = 2 // some file could not be checked, or the arguments are wrong
)

// ExitCode is the exit status the results call for.
func ExitCode(results []Result) int {
	var t Tally
	for _, r := range results {
		t.Add(r)
	}
	return t.ExitCode()
}

// Tally counts results as they finish, so that a batch decides its exit
// status and closing line without keeping them.
type Tally struct {
	Files      int // results added
	Failed     int // files that could not be checked or whose copy was not written
	WithErrors int // checked files with an error-severity finding
}

// Add counts r.
func (t *Tally) Add(r Result) {
	t.Files++
	switch {
	case r.Err != nil:
		t.Failed++
	case r.Report != nil && r.Report.Count(checker.Error) > 0:
		t.WithErrors++
	}
}

// ExitCode is the exit status the results added so far call for.
func (t Tally) ExitCode() int {
	switch {
	case t.Failed > 0:
		return ExitFailed
	case t.WithErrors > 0:
		return ExitFindings
	}
	return ExitOK
}
