package sheets

import (
	"archive/zip"
	"bytes"
	"crypto/sha256"
	"errors"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// brokenCase is one file of the broken-input corpus and how it must be
// answered.
type brokenCase struct {
	name     string
	path     string // file in testdata/broken, or made by setup
	password string
	setup    func(t *testing.T, dir string) string // makes the input, returns its path
	kind     FileErrorKind
	message  string // the exact problem
	contains string // or a part of it, when it carries numbers
	// what the command line says instead, for an argument it answers
	// before the reader sees it: one that is not there, or a folder
	argument string
}

func brokenCases() []brokenCase {
	return []brokenCase{
		{name: "legacy xls", path: "legacy.xls", kind: KindLegacyXLS, message: msgLegacyXLS},
		{name: "legacy xls renamed .xlsx", path: "legacy-renamed.xlsx", kind: KindLegacyXLS, message: msgLegacyXLS},
		{name: "encrypted, no password", path: "encrypted.xlsx", kind: KindEncrypted, message: msgEncrypted},
		{name: "encrypted, wrong password", path: "encrypted.xlsx", password: "fund2023!核查", kind: KindWrongPassword, message: msgBadPassword},
		{name: "agile-encrypted (Excel), no password", path: "encrypted-agile.xlsx", kind: KindEncrypted, message: msgEncrypted},
		{name: "agile-encrypted (Excel), wrong password", path: "encrypted-agile.xlsx", password: "Password", kind: KindWrongPassword, message: msgBadPassword},
		{name: "encrypted, truncated", path: "encrypted-truncated.xlsx", kind: KindDamaged, message: msgOLEDamaged},
		{name: "encrypted, truncated, with the password", path: "encrypted-truncated.xlsx", password: corpusPassword, kind: KindDamaged, message: msgOLEDamaged},
		{name: "csv renamed .xlsx", path: "csv-renamed.xlsx", kind: KindNotWorkbook, message: msgText},
		{name: "html export", path: "html-export.xlsx", kind: KindNotWorkbook, message: msgHTML},
		{name: "excel 2003 xml", path: "xml2003.xlsx", kind: KindNotWorkbook, message: msgXML2003},
		{name: "pdf renamed", path: "pdf-renamed.xlsx", kind: KindNotWorkbook, message: msgPDF},
		{name: "random bytes", path: "random-bytes.xlsx", kind: KindNotWorkbook, message: msgUnknown},
		{name: "truncated zip", path: "truncated.xlsx", kind: KindDamaged, message: msgTruncated},
		{name: "corrupt part", path: "corrupt-part.xlsx", kind: KindDamaged, contains: "无法解压"},
		{name: "empty file", path: "empty.xlsx", kind: KindEmpty, message: msgEmpty},
		{name: "all zero bytes", path: "zeros.xlsx", kind: KindDamaged, message: msgZeros},
		{name: "zip of random files", path: "zip-of-random-files.xlsx", kind: KindNotWorkbook, contains: "不是 Excel 工作簿（缺少工作簿的内部结构）"},
		{name: "zip holding an xlsx", path: "zip-holding-xlsx.xlsx", kind: KindNotWorkbook, contains: "请先解压"},
		{name: "docx renamed", path: "docx-renamed.xlsx", kind: KindNotWorkbook, contains: "Word 文档（.docx）"},
		{name: "zip without content types", path: "zip-without-content-types.xlsx", kind: KindNotWorkbook, contains: "缺少工作簿的内部结构"},
		{name: "workbook xml garbage", path: "workbook-xml-garbage.xlsx", kind: KindDamaged, message: msgDamaged},
		{name: "missing file", setup: func(t *testing.T, dir string) string {
			return filepath.Join(dir, "没有这个文件.xlsx")
		}, kind: KindNotFound, message: msgNotFound, argument: "文件或文件夹不存在"},
		{name: "directory named .xlsx", setup: func(t *testing.T, dir string) string {
			p := filepath.Join(dir, "x.xlsx")
			must(t, os.Mkdir(p, 0o755))
			return p
		}, kind: KindDirectory, message: msgDirectory, argument: "文件夹中没有要检查的 .xlsx 工作簿"},
		{name: "named pipe", setup: func(t *testing.T, dir string) string {
			p := filepath.Join(dir, "pipe.xlsx")
			if err := mkfifo(p); err != nil {
				t.Skip("no named pipes here: ", err)
			}
			return p
		}, kind: KindUnreadable, message: msgNotRegular},
		{name: "unreadable file", setup: func(t *testing.T, dir string) string {
			if os.Geteuid() == 0 {
				t.Skip("root reads every file: permissions cannot be tested")
			}
			p := filepath.Join(dir, "locked.xlsx")
			must(t, os.WriteFile(p, []byte("PK"), 0o000))
			return p
		}, kind: KindUnreadable, message: msgNoPermission},
		{name: "zip bomb, 10 GB declared", setup: func(t *testing.T, dir string) string {
			p := filepath.Join(dir, "bomb10g.xlsx")
			writeBomb(t, p, 10<<30, 10<<30)
			return p
		}, kind: KindTooLarge, contains: "解压后有 10.0 GB，超过单个部件的上限 512.0 MB"},
		{name: "zip bomb, under the size limits", setup: func(t *testing.T, dir string) string {
			p := filepath.Join(dir, "bomb400m.xlsx")
			writeBomb(t, p, 400<<20, 400<<20)
			return p
		}, kind: KindTooLarge, contains: "压缩比异常"},
		{name: "zip bomb lying about its size", setup: func(t *testing.T, dir string) string {
			p := filepath.Join(dir, "liar.xlsx")
			writeBomb(t, p, 64<<20, 1<<20)
			return p
		}, kind: KindDamaged, contains: "无法解压"},
		{name: "file too large", setup: func(t *testing.T, dir string) string {
			p := filepath.Join(dir, "huge.xlsx")
			f, err := os.Create(p)
			must(t, err)
			must(t, f.Truncate(MaxFileSize+1)) // sparse: no disk used
			must(t, f.Close())
			return p
		}, kind: KindTooLarge, contains: "文件有 256.0 MB，超过 256.0 MB 的上限"},
		{name: "too many rows", setup: func(t *testing.T, dir string) string {
			p := filepath.Join(dir, "rows.xlsx")
			writeRows(t, p, SheetLedger, MaxRows+1)
			return p
		}, kind: KindTooLarge, contains: "工作表“支付台账”有 1048577 行（含只设了格式的空行），超过检查上限 1048576 行"},
		{name: "too many parts", setup: func(t *testing.T, dir string) string {
			p := filepath.Join(dir, "parts.xlsx")
			writeManyParts(t, p, MaxZipEntries+1)
			return p
		}, kind: KindTooLarge, contains: "超过上限 10000 个"},
	}
}

// TestOpenWorkbookBroken opens every broken input: each gives a *FileError
// of the right kind whose message names the file and says what is wrong,
// and the input's bytes are unchanged.
func TestOpenWorkbookBroken(t *testing.T) {
	for _, c := range brokenCases() {
		t.Run(c.name, func(t *testing.T) {
			path := filepath.Join(brokenDir, c.path)
			if c.setup != nil {
				path = c.setup(t, t.TempDir())
			}
			before := digest(t, path)
			f, err := openWorkbook(path, Options{Password: c.password})
			if f != nil {
				f.Close()
				t.Fatalf("opened %s; want it refused", path)
			}
			checkRejection(t, err, path, c)
			if after := digest(t, path); after != before {
				t.Errorf("%s changed: sha256 %s before, %s after", path, before, after)
			}
		})
	}
}

func checkRejection(t *testing.T, err error, path string, c brokenCase) {
	t.Helper()
	var fe *FileError
	if !errors.As(err, &fe) {
		t.Fatalf("error %v (%T); want a *FileError", err, err)
	}
	if fe.Kind != c.kind {
		t.Errorf("kind %s; want %s (%v)", fe.Kind, c.kind, err)
	}
	msg := err.Error()
	if !strings.HasPrefix(msg, path+"：") {
		t.Errorf("message %q does not start with the file's path", msg)
	}
	if len(fe.Problems) != 1 {
		t.Fatalf("problems %q; want one", fe.Problems)
	}
	switch {
	case c.message != "" && fe.Problems[0] != c.message:
		t.Errorf("problem %q; want %q", fe.Problems[0], c.message)
	case c.contains != "" && !strings.Contains(fe.Problems[0], c.contains):
		t.Errorf("problem %q; want it to contain %q", fe.Problems[0], c.contains)
	}
}

// digest is the sha256 of the file at path, or of nothing for what is not a
// regular file.
func digest(t *testing.T, path string) [sha256.Size]byte {
	t.Helper()
	fi, err := os.Stat(path)
	if err != nil || !fi.Mode().IsRegular() {
		return [sha256.Size]byte{}
	}
	f, err := os.Open(path)
	if err != nil {
		return [sha256.Size]byte{}
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		t.Fatal(err)
	}
	return [sha256.Size]byte(h.Sum(nil))
}

// TestOpenWorkbookGood opens workbooks that must open: the plain sample, the
// encrypted one with its password, the formula-injection one (checked, not
// rejected), and a plain one given a password it does not need.
func TestOpenWorkbookGood(t *testing.T) {
	for _, c := range []struct{ path, password string }{
		{"good.xlsx", ""},
		{"good.xlsx", "unused"},
		{"encrypted.xlsx", corpusPassword},
		{"encrypted-agile.xlsx", "password"},
		{"formula-injection.xlsx", ""},
	} {
		t.Run(c.path, func(t *testing.T) {
			path := filepath.Join(brokenDir, c.path)
			before := digest(t, path)
			f, err := openWorkbook(path, Options{Password: c.password})
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			if f.Path != path {
				t.Errorf("Path %q; want %q", f.Path, path)
			}
			if c.path == "encrypted-agile.xlsx" {
				if len(f.GetSheetList()) == 0 {
					t.Error("no sheets")
				}
				return
			}
			got, err := f.GetCellValue(SheetProjects, "B3")
			must(t, err)
			if want := "村道硬化工程"; got != want {
				t.Errorf("项目清单!B3 = %q; want %q", got, want)
			}
			if after := digest(t, path); after != before {
				t.Errorf("%s changed", path)
			}
		})
	}
}

// TestOpenPackage gives the checked zip package, decrypted when it was
// encrypted, for a reader that does not use excelize; and the same
// rejections as openWorkbook, except for XML only excelize parses.
func TestOpenPackage(t *testing.T) {
	for _, c := range []struct{ path, password string }{
		{"good.xlsx", ""},
		{"encrypted.xlsx", corpusPassword},
	} {
		pkg, done, err := openPackage(filepath.Join(brokenDir, c.path), Options{Password: c.password}, keepInflated)
		if err != nil {
			t.Fatal(err)
		}
		if _, ok := pkg.inflated["xl/workbook.xml"]; !ok {
			t.Errorf("%s: xl/workbook.xml not kept inflated", c.path)
		}
		zr, err := zip.NewReader(pkg.r, pkg.size)
		if err != nil {
			t.Fatalf("%s: %v", c.path, err)
		}
		if _, err := zr.Open("xl/workbook.xml"); err != nil {
			t.Errorf("%s: %v", c.path, err)
		}
		must(t, done())
	}
	for _, c := range brokenCases() {
		if c.setup != nil || c.message == msgDamaged { // msgDamaged is excelize's verdict
			continue
		}
		path := filepath.Join(brokenDir, c.path)
		_, _, err := openPackage(path, Options{Password: c.password}, keepInflated)
		t.Run(c.name, func(t *testing.T) { checkRejection(t, err, path, c) })
	}
}

// TestRowLimit opens a sheet of exactly MaxRows rows: the limit is inclusive.
func TestRowLimit(t *testing.T) {
	if testing.Short() {
		t.Skip("writes a sheet of MaxRows rows")
	}
	path := filepath.Join(t.TempDir(), "rows.xlsx")
	writeRows(t, path, SheetLedger, MaxRows)
	_, done, err := openPackage(path, Options{}, keepInflated)
	if err != nil {
		t.Fatal(err)
	}
	must(t, done())
}

// TestRowCounter counts rows however the XML is cut into writes.
func TestRowCounter(t *testing.T) {
	for _, c := range []struct {
		xml  string
		want int
	}{
		{`<sheetData><row r="1"><c r="A1"><v>1</v></c></row><row r="2"/></sheetData>`, 2},
		{`<x:sheetData><x:row r="1"><x:c r="A1"/></x:row><x:row></x:row></x:sheetData>`, 2},
		{"<row\n r=\"1\"/><row\tr=\"2\"/><rowBreaks/><rows/><brk/>", 2},
		{`<c><is><t>&lt;row r="3"/&gt; :row </t></is></c>`, 0},
		{`<` + strings.Repeat("a", 100) + `:row/>`, 0},
		{`<` + strings.Repeat("a", maxTagName-4) + `:rowzzzz/><` + strings.Repeat("a", maxTagName-4) + `:row/>`, 1},
		{``, 0},
	} {
		if n := countRows([]byte(c.xml)); n != c.want {
			t.Errorf("%q whole: %d rows; want %d", c.xml, n, c.want)
		}
		for cut := range len(c.xml) + 1 {
			var rc rowCounter
			rc.Write([]byte(c.xml[:cut]))
			rc.Write([]byte(c.xml[cut:]))
			if rc.n != c.want {
				t.Errorf("%q cut at %d: %d rows; want %d", c.xml, cut, rc.n, c.want)
				break
			}
		}
	}

	// countRows, for XML held whole, counts what rowCounter counts, on
	// random strings of the fragments that matter.
	frags := []string{"<", ">", "/", " ", ":", "x", "row", "rows", "a", `"`, "<row", "</row>", strings.Repeat("n", maxTagName-3)}
	rng := rand.New(rand.NewPCG(3, 5))
	for range 20_000 {
		var b []byte
		for range rng.IntN(12) {
			b = append(b, frags[rng.IntN(len(frags))]...)
		}
		var rc rowCounter
		rc.Write(b)
		if n := countRows(b); n != rc.n {
			t.Fatalf("%q: countRows %d, rowCounter %d", b, n, rc.n)
		}
	}
}

// TestSpinCounts: an encrypted workbook that asks for more rounds of
// password hashing than MS-OFFCRYPTO allows, or for no number at all, is
// refused before a round is run.
func TestSpinCounts(t *testing.T) {
	for _, c := range []struct {
		info string
		ok   bool
	}{
		{`<encryptedKey spinCount="100000" saltSize="16"/>`, true},
		{`<keyData/><p:encryptedKey spinCount = '10000000'/>`, true},
		{"\x04\x00\x02\x00binary standard encryption", true},
		{`<encryptedKey spinCount="10000001"/>`, false},
		{`<encryptedKey spinCount="2147483648"/>`, false},
		{`<encryptedKey spinCount="100000"/><encryptedKey spinCount="-1"/>`, false},
		{`<encryptedKey spinCount="1e9"/>`, false},
	} {
		if err := checkSpinCounts([]byte(c.info)); (err == nil) != c.ok {
			t.Errorf("%q: %v", c.info, err)
		}
	}

	src, err := os.ReadFile(filepath.Join(brokenDir, "encrypted-agile.xlsx"))
	must(t, err)
	bad := bytes.Replace(src, []byte(`spinCount="100000"`), []byte(`spinCount="9e9999"`), 1)
	if bytes.Equal(bad, src) {
		t.Fatal("encrypted-agile.xlsx holds no spinCount=\"100000\"")
	}
	path := filepath.Join(t.TempDir(), "spin.xlsx")
	must(t, os.WriteFile(path, bad, 0o644))
	_, _, err = openPackage(path, Options{Password: "password"}, keepInflated)
	var fe *FileError
	if !errors.As(err, &fe) || fe.Kind != KindDamaged || fe.Problems[0] != msgOLEDamaged {
		t.Errorf("spin count 9e9999: %v, want %q", err, msgOLEDamaged)
	}
}
