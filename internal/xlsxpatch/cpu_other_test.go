//go:build !unix

package xlsxpatch

import "testing"

// cpuMs reports no CPU time where getrusage does not exist; the benchmarks
// then report wall time only.
func cpuMs(*testing.B, float64) float64 { return 0 }
