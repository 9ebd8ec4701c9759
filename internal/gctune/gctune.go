// Package gctune sets Go's garbage collector for fundcheck's work: a county
// workbook allocates tens of megabytes while it is read and written and
// keeps almost none of it, so at Go's default pace the collector runs every
// few milliseconds and takes a quarter of the time. Collecting when the heap
// has grown fivefold instead of twofold saves most of that; a soft memory
// limit brings the default pace back for a workbook big enough for the
// difference to matter (a million-row ledger keeps most of a gigabyte).
package gctune

import (
	"os"
	"runtime/debug"
)

const (
	// Percent is the heap growth, in percent of the live heap, that starts a
	// collection (GOGC); Go's default is 100.
	Percent = 400

	// MemoryLimit is the soft limit on the memory the Go runtime holds
	// (GOMEMLIMIT): above it the collector runs as often as it must.
	MemoryLimit = 1 << 30
)

// Apply sets the collector to Percent and MemoryLimit, except where the
// environment already sets GOGC or GOMEMLIMIT: those stay the user's.
func Apply() {
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(Percent)
	}
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(MemoryLimit)
	}
}
