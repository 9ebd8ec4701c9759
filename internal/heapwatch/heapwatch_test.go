package heapwatch

import "testing"

var sink []byte

func TestStartSeesAnAllocation(t *testing.T) {
	stop := Start()
	sink = make([]byte, 64<<20)
	for i := range sink {
		sink[i] = 1
	}
	got := stop()
	sink = nil
	if got < 60<<20 {
		t.Errorf("peak %d bytes after allocating 64 MiB", got)
	}
}
