//go:build unix

package xlsxpatch

import (
	"syscall"
	"testing"
)

// cpuMs is the process's user+system CPU time in ms minus since: on a shared
// machine wall time says more about the neighbours than about the code.
func cpuMs(b *testing.B, since float64) float64 {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		b.Fatal(err)
	}
	ms := float64(ru.Utime.Nano()+ru.Stime.Nano()) / 1e6
	return ms - since
}
