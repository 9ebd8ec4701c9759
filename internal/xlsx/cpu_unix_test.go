//go:build unix

package xlsx

import (
	"syscall"
	"time"
)

// cpuTime is the CPU time of the process so far, user and system, all
// threads (GC included). On a machine shared with other work it says more
// than the elapsed time does.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
