package sheets

import (
	"archive/zip"
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"github.com/xuri/excelize/v2"
)

// fuzzPath is the name fuzzed inputs are opened under.
const fuzzPath = "模糊.xlsx"

// addBrokenSeeds adds every small file of the broken-input corpus as a seed.
func addBrokenSeeds(f *testing.F) {
	entries, err := os.ReadDir(brokenDir)
	if err != nil {
		f.Fatal(err)
	}
	for _, e := range entries {
		if info, err := e.Info(); err != nil || !info.Mode().IsRegular() || info.Size() > 64<<10 {
			continue
		}
		data, err := os.ReadFile(filepath.Join(brokenDir, e.Name()))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
}

// checkOpened checks what openReader gave for fuzzed input: a workbook, or a
// *FileError naming the file with one problem — never a panic, not even one
// recovered from a third-party parser (those are bugs to report upstream).
func checkOpened(t *testing.T, wb *excelize.File, err error) {
	t.Helper()
	if err == nil {
		if wb == nil {
			t.Fatal("no workbook and no error")
		}
		_ = wb.GetSheetList()
		if cerr := wb.Close(); cerr != nil {
			t.Fatal(cerr)
		}
		return
	}
	if wb != nil {
		t.Fatalf("a workbook and an error %v", err)
	}
	var fe *FileError
	if !errors.As(err, &fe) {
		t.Fatalf("error %v (%T); want a *FileError", err, err)
	}
	if fe.Path != fuzzPath || len(fe.Problems) != 1 || fe.Problems[0] == "" {
		t.Fatalf("FileError %#v; want one problem about %s", fe, fuzzPath)
	}
	var p *errPanic
	if errors.As(err, &p) {
		t.Fatalf("a parser panicked (recovered): %v", p)
	}
}

// FuzzOpenBytes opens mutated files: the corpus's workbooks, renamed files,
// zips, OLE2 containers.
func FuzzOpenBytes(f *testing.F) {
	addBrokenSeeds(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		wb, err := openReader(fuzzPath, bytes.NewReader(data), int64(len(data)), Options{})
		checkOpened(t, wb, err)
	})
}

// FuzzDecrypt opens mutated encrypted workbooks with a password.
func FuzzDecrypt(f *testing.F) {
	for _, s := range []struct{ file, password string }{
		{"encrypted.xlsx", corpusPassword},
		{"encrypted-agile.xlsx", "password"},
	} {
		data, err := os.ReadFile(filepath.Join(brokenDir, s.file))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data, s.password)
	}
	f.Fuzz(func(t *testing.T, data []byte, password string) {
		wb, err := openReader(fuzzPath, bytes.NewReader(data), int64(len(data)), Options{Password: password})
		checkOpened(t, wb, err)
	})
}

// goodZip is good.xlsx's zip, read once per fuzzing process.
var goodZip = sync.OnceValues(func() (*zip.Reader, error) {
	src, err := os.ReadFile(filepath.Join(brokenDir, "good.xlsx"))
	if err != nil {
		return nil, err
	}
	return zip.NewReader(bytes.NewReader(src), int64(len(src)))
})

// workbookWithPart is the good sample with its part number i (mod the
// number of parts) replaced by content, zipped with correct checksums: the
// fuzzer mutates the XML inside a workbook instead of breaking its zip.
func workbookWithPart(tb testing.TB, i uint8, content []byte) []byte {
	zr, err := goodZip()
	if err != nil {
		tb.Fatal(err)
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	n := int(i) % len(zr.File)
	for j, f := range zr.File {
		if j != n {
			must(tb, zw.Copy(f))
			continue
		}
		w, err := zw.CreateHeader(&zip.FileHeader{Name: f.Name, Method: zip.Store})
		must(tb, err)
		_, err = w.Write(content)
		must(tb, err)
	}
	must(tb, zw.Close())
	return buf.Bytes()
}

// addPartSeeds adds every part of the good sample, unchanged, as a seed.
func addPartSeeds(f *testing.F) {
	src, err := os.ReadFile(filepath.Join(brokenDir, "good.xlsx"))
	if err != nil {
		f.Fatal(err)
	}
	zr, err := zip.NewReader(bytes.NewReader(src), int64(len(src)))
	if err != nil {
		f.Fatal(err)
	}
	for i, p := range zr.File {
		rc, err := p.Open()
		if err != nil {
			f.Fatal(err)
		}
		var b bytes.Buffer
		_, err = b.ReadFrom(rc)
		rc.Close()
		if err != nil {
			f.Fatal(err)
		}
		f.Add(uint8(i), b.Bytes())
	}
}

// FuzzOpenPart opens the sample workbook with one part's XML mutated.
func FuzzOpenPart(f *testing.F) {
	addPartSeeds(f)
	f.Fuzz(func(t *testing.T, part uint8, content []byte) {
		data := workbookWithPart(t, part, content)
		wb, err := openReader(fuzzPath, bytes.NewReader(data), int64(len(data)), Options{})
		checkOpened(t, wb, err)
	})
}
