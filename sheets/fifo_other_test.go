//go:build !unix

package sheets

import "errors"

// mkfifo fails where there are no named pipes; the test skips.
func mkfifo(string) error { return errors.New("named pipes need unix") }
