// Package heapwatch measures the peak heap of a piece of work, for the
// benchmarks' peak-memory metrics.
package heapwatch

import (
	"runtime"
	"runtime/metrics"
	"sync"
	"time"
)

const heapObjects = "/memory/classes/heap/objects:bytes"

func read(s []metrics.Sample) uint64 {
	metrics.Read(s)
	return s[0].Value.Uint64()
}

// Start collects garbage, then samples the heap every millisecond until the
// function it returns is called; that function gives the peak in bytes
// above the heap at the start.
func Start() (stop func() uint64) {
	runtime.GC()
	sample := []metrics.Sample{{Name: heapObjects}}
	base, peak := read(sample), uint64(0)
	done, wg := make(chan struct{}), sync.WaitGroup{}
	wg.Go(func() {
		t := time.NewTicker(time.Millisecond)
		defer t.Stop()
		for {
			peak = max(peak, read(sample))
			select {
			case <-done:
				return
			case <-t.C:
			}
		}
	})
	return func() uint64 {
		close(done)
		wg.Wait()
		return peak - min(peak, base)
	}
}

// Live is the heap in use after a collection.
func Live() uint64 {
	runtime.GC()
	return read([]metrics.Sample{{Name: heapObjects}})
}
