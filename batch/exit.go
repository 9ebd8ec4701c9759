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
	code := ExitOK
	for _, r := range results {
		switch {
		case r.Err != nil:
			return ExitFailed
		case r.Report != nil && r.Report.Count(checker.Error) > 0:
			code = ExitFindings
		}
	}
	return code
}
