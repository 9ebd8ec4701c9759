package sheets

import (
	"archive/zip"
	"bytes"
	"io"
	"os"
	"path/filepath"
	"testing"

	"fundcheck/checker"

	"github.com/xuri/excelize/v2"
)

// zipParts is every part of the zip at path, uncompressed, by name.
func zipParts(t *testing.T, path string) map[string][]byte {
	t.Helper()
	zr, err := zip.OpenReader(path)
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	parts := map[string][]byte{}
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		b, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatalf("%s: %v", f.Name, err)
		}
		parts[f.Name] = b
	}
	return parts
}

// TestBookWriteCopyFromInflatedParts: the copy a Book writes from the parts
// it inflated when it opened the file has the same parts, byte for byte, as
// the one written by inflating them from the zip again, on workbooks written
// by excelize, LibreOffice and gnumeric, with the findings the real check
// makes.
func TestBookWriteCopyFromInflatedParts(t *testing.T) {
	files := []string{
		countyWorkbook(t, t.TempDir(), 12, 40),
		"testdata/report.xlsx", "testdata/report_lo.xlsx", "testdata/report_gnumeric.xlsx",
		"../examples/阿城区2023.xlsx",
	}
	for _, in := range files {
		t.Run(filepath.Base(in), func(t *testing.T) {
			b, err := Open(in, Options{})
			if err != nil {
				t.Fatal(err)
			}
			defer b.Close()
			wb, err := b.Read()
			if err != nil {
				t.Fatal(err)
			}
			r := checker.Check(wb)
			if len(r.Findings) == 0 {
				t.Fatal("no findings: the copy would not patch any sheet")
			}
			viaBook, err := b.WriteCopy(r, CopyOptions{OutDir: t.TempDir()})
			if err != nil {
				t.Fatal(err)
			}
			if len(b.src.pkg.inflated) == 0 {
				t.Fatal("Open kept no part inflated")
			}
			viaFile, err := writeCopyPatched(in, b.src.pkg.zr, nil, r, CopyOptions{OutDir: t.TempDir()})
			if err != nil {
				t.Fatal(err)
			}
			got, want := zipParts(t, viaBook), zipParts(t, viaFile)
			if len(got) != len(want) {
				t.Errorf("%d parts, want %d", len(got), len(want))
			}
			for name, w := range want {
				if !bytes.Equal(got[name], w) {
					t.Errorf("part %s differs (%d bytes, want %d)", name, len(got[name]), len(w))
				}
			}
		})
	}
}

// TestCopyEncryptedOnlyWhenInputIs: a password given for a batch applies to
// the encrypted workbooks in it; a plain workbook's copy stays plain, and an
// encrypted one's is encrypted with its password, whichever way it is
// written.
func TestCopyEncryptedOnlyWhenInputIs(t *testing.T) {
	const pw = "县财政"
	dir := t.TempDir()
	plain := countyWorkbook(t, dir, 3, 5)
	f := openT(t, plain)
	locked := filepath.Join(dir, "加密.xlsx")
	if err := f.SaveAs(locked, excelize.Options{Password: pw}); err != nil {
		t.Fatal(err)
	}
	viaBook := func(in string) (string, error) {
		b, err := Open(in, Options{Password: pw})
		if err != nil {
			return "", err
		}
		defer b.Close()
		return b.WriteCopy(sampleReport(in), CopyOptions{OutDir: t.TempDir(), Password: "不会用到"})
	}
	viaFile := func(in string) (string, error) {
		return WriteCopy(in, sampleReport(in), CopyOptions{OutDir: t.TempDir(), Password: pw})
	}
	for name, write := range map[string]func(string) (string, error){"Book": viaBook, "WriteCopy": viaFile} {
		for in, encrypted := range map[string]bool{plain: false, locked: true} {
			out, err := write(in)
			if err != nil {
				t.Fatalf("%s %s: %v", name, filepath.Base(in), err)
			}
			head := make([]byte, len(oleMagic))
			if fh, err := os.Open(out); err != nil {
				t.Fatal(err)
			} else {
				_, _ = io.ReadFull(fh, head)
				fh.Close()
			}
			if got := bytes.Equal(head, oleMagic); got != encrypted {
				t.Errorf("%s %s: copy encrypted %v, want %v", name, filepath.Base(in), got, encrypted)
			}
			c, err := excelize.OpenFile(out, excelize.Options{Password: pw})
			if err != nil {
				t.Fatalf("%s %s: %v", name, filepath.Base(in), err)
			}
			if got := c.GetSheetList()[0]; got != SheetVerdict {
				t.Errorf("%s %s: first sheet %s", name, filepath.Base(in), got)
			}
			c.Close()
		}
	}
}
