// Package ahead moves the (de)compression of a big zip part onto a
// goroutine of its own, so that on a machine of two cores inflating a
// sheet runs beside the parsing of what was already inflated, and
// deflating the rewritten sheet beside the rewriting. A reader and a writer
// each keep a few chunks in flight; the bytes and errors are exactly those
// of the stream they wrap.
package ahead

import (
	"errors"
	"io"
)

// Chunk is the size of the blocks handed between the goroutines: large
// enough that a handover costs nothing beside the work on the bytes.
const Chunk = 256 << 10

// Worthwhile is the size from which a stream gains from being read ahead or
// written behind: below it, handing the chunks over and allocating them
// costs about what it saves.
const Worthwhile = 4 << 20

// inFlight is how many chunks each side may hold besides the one in use.
const inFlight = 3

type block struct {
	b   []byte
	err error
}

// Reader reads its source on a goroutine of its own, ahead of its caller.
// Close it, even after an error, before closing the source: the goroutine
// stops reading the source only then. It is not to be read after Close.
type Reader struct {
	blocks chan block
	free   chan []byte
	stop   chan struct{}
	done   chan struct{}
	blk    []byte // the chunk being read from, whole
	cur    []byte // its unread part
	err    error
}

// NewReader starts reading r ahead.
func NewReader(r io.Reader) *Reader {
	a := &Reader{
		blocks: make(chan block, inFlight),
		free:   make(chan []byte, inFlight+1),
		stop:   make(chan struct{}),
		done:   make(chan struct{}),
	}
	for range inFlight + 1 {
		a.free <- make([]byte, Chunk)
	}
	go a.run(r)
	return a
}

func (a *Reader) run(r io.Reader) {
	defer close(a.done)
	for {
		var buf []byte
		select {
		case buf = <-a.free:
		case <-a.stop:
			return
		}
		n, err := io.ReadFull(r, buf)
		if errors.Is(err, io.ErrUnexpectedEOF) {
			err = io.EOF
		}
		select {
		case a.blocks <- block{buf[:n], err}:
		case <-a.stop:
			return
		}
		if err != nil {
			return
		}
	}
}

func (a *Reader) Read(p []byte) (int, error) {
	for len(a.cur) == 0 {
		if a.err != nil {
			return 0, a.err
		}
		if a.blk != nil {
			a.free <- a.blk[:cap(a.blk)]
		}
		blk := <-a.blocks
		a.blk, a.cur, a.err = blk.b, blk.b, blk.err
	}
	n := copy(p, a.cur)
	a.cur = a.cur[n:]
	return n, nil
}

// Close stops the reading ahead and waits until the source is no longer
// being read.
func (a *Reader) Close() error {
	select {
	case <-a.stop:
	default:
		close(a.stop)
	}
	<-a.done
	return nil
}

// Writer writes to its destination on a goroutine of its own, behind its
// caller. Close it to write the last bytes and learn whether every write
// succeeded; it does not close the destination. It is not to be written
// after Close.
type Writer struct {
	blocks chan []byte
	free   chan []byte
	failed chan struct{}
	done   chan struct{}
	buf    []byte
	err    error // the destination's first error, set before failed is closed
	closed bool
}

// NewWriter starts writing to w behind its caller.
func NewWriter(w io.Writer) *Writer {
	a := &Writer{
		blocks: make(chan []byte, inFlight),
		free:   make(chan []byte, inFlight+1),
		failed: make(chan struct{}),
		done:   make(chan struct{}),
	}
	for range inFlight {
		a.free <- make([]byte, 0, Chunk)
	}
	a.buf = make([]byte, 0, Chunk)
	go a.run(w, a.blocks)
	return a
}

func (a *Writer) run(w io.Writer, blocks <-chan []byte) {
	defer close(a.done)
	for b := range blocks {
		if a.err == nil {
			if _, err := w.Write(b); err != nil {
				a.err = err
				close(a.failed)
			}
		}
		a.free <- b[:0]
	}
}

func (a *Writer) Write(p []byte) (int, error) {
	if a.buf == nil {
		return 0, a.err
	}
	written := 0
	for len(p) > 0 {
		n := copy(a.buf[len(a.buf):cap(a.buf)], p)
		a.buf, p, written = a.buf[:len(a.buf)+n], p[n:], written+n
		if len(a.buf) == cap(a.buf) {
			if err := a.flush(); err != nil {
				return written, err
			}
		}
	}
	return written, nil
}

// flush hands the filled buffer to the goroutine and takes an empty one,
// or, once the destination has failed, none: a.buf is then nil.
func (a *Writer) flush() error {
	select {
	case <-a.failed:
		a.buf = nil
		return a.err
	case a.blocks <- a.buf:
		a.buf = nil
	}
	select {
	case <-a.failed:
		return a.err
	case a.buf = <-a.free:
	}
	return nil
}

// Close writes what is left and waits for the goroutine, returning the
// first error of the destination.
func (a *Writer) Close() error {
	if a.closed {
		return a.err
	}
	a.closed = true
	var err error
	if len(a.buf) > 0 {
		err = a.flush()
	}
	a.buf = nil
	close(a.blocks)
	<-a.done
	if err == nil {
		err = a.err
	}
	return err
}
