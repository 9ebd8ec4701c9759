package sheets

import (
	"fundcheck/checker"
)

// Book is a county workbook opened for checking. Open recognises, checks,
// decrypts and inflates the file once; Read turns it into the model and
// WriteCopy writes its annotated copy from what Open read, so that a
// province's batch pays for each file's unzipping once, not twice. Close
// releases the file.
type Book struct {
	path string
	opt  Options
	src  *xlsxSource
}

// Open opens the workbook at path. Every error is a *FileError, with the
// same messages and limits as Read.
func Open(path string, opt Options) (b *Book, err error) {
	// A damaged file can trip a parser; the clerk gets a rejection naming
	// the file, never a crash.
	defer func() {
		if p := recover(); p != nil {
			b, err = nil, fileError(path, KindDamaged, &errPanic{p}, msgDamaged)
		}
	}()
	src, err := openXLSXSource(path, opt)
	if err != nil {
		return nil, err
	}
	return &Book{path: path, opt: opt, src: src}, nil
}

// Read reads the workbook into the checker's model, as the function Read
// does.
func (b *Book) Read() (wb *checker.Workbook, err error) {
	defer func() {
		if p := recover(); p != nil {
			wb, err = nil, fileError(b.path, KindDamaged, &errPanic{p}, msgDamaged)
		}
	}()
	return fromSource(b.path, b.src)
}

// WriteCopy writes the annotated copy of the workbook with the verdict and
// findings of r, as the function WriteCopy does; an encrypted workbook gets
// a copy encrypted with the password it was opened with.
func (b *Book) WriteCopy(r *checker.Report, opt CopyOptions) (string, error) {
	opt.Password = ""
	if b.src.pkg.encrypted {
		opt.Password = b.opt.Password
	}
	return writeCopyPatched(b.path, b.src.pkg.zr, b.src.pkg.inflated, r, opt)
}

// Close releases the file.
func (b *Book) Close() error { return b.src.Close() }
