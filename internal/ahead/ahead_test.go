package ahead

import (
	"bytes"
	"errors"
	"io"
	"math/rand/v2"
	"sync/atomic"
	"testing"
	"testing/iotest"
)

var sizes = []int{0, 1, Chunk - 1, Chunk, Chunk + 1, 7*Chunk/2 + 3, 9 * Chunk}

func data(n int) []byte {
	b := make([]byte, n)
	r := rand.New(rand.NewPCG(1, uint64(n)))
	for i := range b {
		b[i] = byte(r.Uint32())
	}
	return b
}

func TestReader(t *testing.T) {
	for _, n := range sizes {
		want := data(n)
		a := NewReader(bytes.NewReader(want))
		if err := iotest.TestReader(a, want); err != nil {
			t.Errorf("%d bytes: %v", n, err)
		}
		if err := a.Close(); err != nil {
			t.Error(err)
		}
		// A source that hands out its bytes a few at a time.
		a = NewReader(iotest.HalfReader(bytes.NewReader(want)))
		got, err := io.ReadAll(a)
		a.Close()
		if err != nil || !bytes.Equal(got, want) {
			t.Errorf("%d bytes, half reads: got %d bytes, %v", n, len(got), err)
		}
	}
}

// TestReaderError: the source's error comes after every byte read before it.
func TestReaderError(t *testing.T) {
	broken := errors.New("checksum")
	for _, n := range sizes {
		want := data(n)
		a := NewReader(io.MultiReader(bytes.NewReader(want), iotest.ErrReader(broken)))
		got, err := io.ReadAll(a)
		a.Close()
		if !errors.Is(err, broken) || !bytes.Equal(got, want) {
			t.Errorf("%d bytes then an error: got %d bytes, %v", n, len(got), err)
		}
	}
}

// endless is a source that never ends, counting its reads.
type endless struct{ reads atomic.Int64 }

func (e *endless) Read(p []byte) (int, error) {
	e.reads.Add(1)
	return len(p), nil
}

// TestReaderClose: closing early stops the goroutine, which then reads no
// more.
func TestReaderClose(t *testing.T) {
	src := &endless{}
	a := NewReader(src)
	if _, err := io.ReadFull(a, make([]byte, Chunk/2)); err != nil {
		t.Fatal(err)
	}
	a.Close()
	n := src.reads.Load()
	a.Close() // twice is harmless
	if src.reads.Load() != n {
		t.Error("the source was read after Close")
	}
	if n > inFlight+2 {
		t.Errorf("%d reads ahead of a caller that read half a chunk", n)
	}
}

func TestWriter(t *testing.T) {
	for _, n := range sizes {
		want := data(n)
		for _, step := range []int{1, 1000, Chunk, 3 * Chunk} {
			if step == 1 && n > 2*Chunk {
				continue
			}
			var dst bytes.Buffer
			a := NewWriter(&dst)
			for p := want; len(p) > 0; {
				k := min(step, len(p))
				if m, err := a.Write(p[:k]); m != k || err != nil {
					t.Fatalf("Write: %d, %v", m, err)
				}
				p = p[k:]
			}
			if err := a.Close(); err != nil || !bytes.Equal(dst.Bytes(), want) {
				t.Errorf("%d bytes in writes of %d: got %d bytes, %v", n, step, dst.Len(), err)
			}
		}
	}
}

// failing accepts limit bytes, then fails.
type failing struct {
	limit int
	err   error
}

func (f *failing) Write(p []byte) (int, error) {
	if len(p) > f.limit {
		n := f.limit
		f.limit = 0
		return n, f.err
	}
	f.limit -= len(p)
	return len(p), nil
}

// TestWriterError: the destination's error comes back from a later Write or
// from Close, never lost.
func TestWriterError(t *testing.T) {
	full := errors.New("disk full")
	for _, n := range sizes[1:] {
		a := NewWriter(&failing{limit: n / 2, err: full})
		_, werr := a.Write(data(n))
		for range 2 * inFlight {
			if werr != nil {
				break
			}
			_, werr = a.Write(data(Chunk))
		}
		cerr := a.Close()
		if !errors.Is(cerr, full) || werr != nil && !errors.Is(werr, full) {
			t.Errorf("%d bytes to a destination that takes %d: Write %v, Close %v", n, n/2, werr, cerr)
		}
		if err := a.Close(); !errors.Is(err, full) {
			t.Errorf("second Close: %v", err)
		}
	}
}
