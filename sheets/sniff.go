package sheets

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"maps"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/richardlehane/mscfb"
)

// format is what a file is, judged by its first bytes and never by its name:
// counties rename files by hand.
type format uint8

const (
	formatUnknown format = iota
	formatZip
	formatOLE2 // Compound File: a legacy .xls, .doc, or an encrypted .xlsx
	formatPDF
	formatArchive // RAR, 7z, gzip
	formatHTML
	formatSpreadsheetML // Excel 2003 XML
	formatXML
	formatText
)

var (
	oleMagic = []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}
	// A zip starts with a local file header, or with the end-of-directory
	// record when it is empty.
	zipMagics     = [][]byte{[]byte("PK\x03\x04"), []byte("PK\x05\x06")}
	archiveMagics = [][]byte{[]byte("Rar!\x1A\x07"), {'7', 'z', 0xBC, 0xAF, 0x27, 0x1C}, {0x1F, 0x8B}}
	utf8BOM       = []byte{0xEF, 0xBB, 0xBF}
	utf16LEBOM    = []byte{0xFF, 0xFE}
	utf16BEBOM    = []byte{0xFE, 0xFF}
)

// sniffLen is how many leading bytes sniff looks at.
const sniffLen = 1024

// sniff says what head, the first bytes of a file, belong to.
func sniff(head []byte) format {
	switch {
	case bytes.HasPrefix(head, oleMagic):
		return formatOLE2
	case hasAnyPrefix(head, zipMagics):
		return formatZip
	case bytes.HasPrefix(head, []byte("%PDF")):
		return formatPDF
	case hasAnyPrefix(head, archiveMagics):
		return formatArchive
	case bytes.HasPrefix(head, utf16LEBOM), bytes.HasPrefix(head, utf16BEBOM):
		// Excel's "Unicode 文本" export is UTF-16 with tabs.
		return formatText
	}
	text := bytes.TrimPrefix(head, utf8BOM)
	if !isText(text) {
		return formatUnknown
	}
	lower := strings.ToLower(strings.TrimSpace(string(text)))
	switch {
	case strings.Contains(lower, "urn:schemas-microsoft-com:office:spreadsheet"),
		strings.HasPrefix(lower, "<?xml") && strings.Contains(lower, "progid=\"excel.sheet\""):
		return formatSpreadsheetML
	case strings.HasPrefix(lower, "<!doctype html"), strings.Contains(lower, "<html"),
		strings.HasPrefix(lower, "<table"):
		// Many systems "export to Excel" by writing an HTML table.
		return formatHTML
	case strings.HasPrefix(lower, "<?xml"):
		return formatXML
	}
	return formatText
}

func hasAnyPrefix(b []byte, prefixes [][]byte) bool {
	for _, p := range prefixes {
		if bytes.HasPrefix(b, p) {
			return true
		}
	}
	return false
}

// isText reports whether b looks like text: no control bytes other than
// white space, and either UTF-8 or a legacy Chinese encoding (GBK bytes are
// all ≥ 0x80, so they pass the control-byte test).
func isText(b []byte) bool {
	if len(b) == 0 {
		return false
	}
	for _, c := range b {
		if c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' {
			return false
		}
		if c == 0x7F {
			return false
		}
	}
	return true
}

// oleKind is what an OLE2 compound file holds.
type oleKind uint8

const (
	oleOther     oleKind = iota
	oleEncrypted         // an encrypted OOXML package (.xlsx, .docx …)
	oleWorkbook          // a legacy BIFF workbook (.xls, WPS .et)
	oleWord              // a legacy .doc
)

// oleEntries bounds the directory entries looked at, so a hostile directory
// costs nothing; real files have a few dozen.
const oleEntries = 4096

// classifyOLE lists the streams of the compound file in r and says what it
// is. Only the directory is read, and the encryption streams, whose sizes
// the file's own size bounds.
func classifyOLE(r io.ReaderAt) (kind oleKind, err error) {
	err = safely(func() error {
		doc, err := mscfb.New(r)
		if err != nil {
			return err
		}
		var info, pkg bool
		for i := 0; i < oleEntries; i++ {
			e, err := doc.Next()
			if err != nil {
				break
			}
			switch e.Name {
			case "EncryptionInfo", "EncryptedPackage":
				// Read through, so a cut-off download is told apart from a
				// wrong password. It costs at most the file's size.
				var keep int64 // of the stream, to look at
				if e.Name == "EncryptionInfo" {
					keep = maxEncryptionInfo
				}
				head, err := io.ReadAll(io.LimitReader(e, keep))
				if err == nil {
					_, err = io.Copy(io.Discard, e)
				}
				if err == nil {
					err = checkSpinCounts(head)
				}
				if err != nil {
					return err
				}
				info = info || e.Name == "EncryptionInfo"
				pkg = pkg || e.Name == "EncryptedPackage"
			case "Workbook", "Book", "WORKBOOK", "BOOK":
				kind = oleWorkbook
			case "WordDocument":
				kind = oleWord
			}
		}
		if info && pkg {
			kind = oleEncrypted
		}
		return nil
	})
	return kind, err
}

// maxSpinCount is the most rounds of password hashing an encrypted workbook
// may ask for: MS-OFFCRYPTO's own bound (Excel writes 100,000). A file that
// asks for more is damaged or hostile — two billion rounds would keep the
// check busy for hours — and is refused before a round is run.
const maxSpinCount = 10_000_000

// maxEncryptionInfo bounds what of the EncryptionInfo stream is kept to
// look for spin counts; Excel writes about a kilobyte.
const maxEncryptionInfo = 64 << 10

var spinCountAttr = regexp.MustCompile(`spinCount\s*=\s*["']([^"']*)["']`)

// checkSpinCounts refuses an EncryptionInfo stream (its first bytes) whose
// agile-encryption XML asks for more than maxSpinCount rounds, or for a
// number that is not one. Standard encryption has no such attribute: its
// count is fixed at 50,000.
func checkSpinCounts(info []byte) error {
	for _, m := range spinCountAttr.FindAllSubmatch(info, -1) {
		n, err := strconv.ParseUint(strings.TrimSpace(string(m[1])), 10, 64)
		if err != nil || n > maxSpinCount {
			return fmt.Errorf("encryption spin count %q: not a number of at most %d", m[1], maxSpinCount)
		}
	}
	return nil
}

// zipProblem is a reason to refuse a zip before excelize unzips it.
type zipProblem struct {
	kind    FileErrorKind
	message string
}

// inspectZip looks at the zip's central directory — names and declared
// sizes, nothing is decompressed — and refuses what is not a workbook or
// would unzip beyond the limits. Go's zip reader refuses to inflate an entry
// beyond its declared size, so the declared sizes are a real bound.
func inspectZip(zr *zip.Reader) *zipProblem {
	if len(zr.File) > MaxZipEntries {
		return &zipProblem{KindTooLarge, fmt.Sprintf(
			"工作簿内部有 %d 个部件，超过上限 %d 个：文件可能已损坏或是被恶意构造的，已拒绝打开", len(zr.File), MaxZipEntries)}
	}
	var total uint64
	names := make(map[string]bool, len(zr.File))
	for _, f := range zr.File {
		name := strings.ToLower(strings.ReplaceAll(f.Name, `\`, "/"))
		names[name] = true
		n := f.UncompressedSize64
		if n > MaxPartSize {
			return &zipProblem{KindTooLarge, fmt.Sprintf(
				"工作簿内部的“%s”解压后有 %s，超过单个部件的上限 %s：文件可能已损坏或是被恶意构造的（压缩炸弹），已拒绝打开",
				f.Name, humanSize(n), humanSize(MaxPartSize))}
		}
		if total += n; total > MaxUnzipSize {
			return &zipProblem{KindTooLarge, fmt.Sprintf(
				"工作簿解压后超过 %s 的上限：文件可能已损坏或是被恶意构造的（压缩炸弹），已拒绝打开",
				humanSize(MaxUnzipSize))}
		}
		if n > ratioFloor && n > f.CompressedSize64*MaxCompressionRatio {
			return &zipProblem{KindTooLarge, fmt.Sprintf(
				"工作簿内部的“%s”压缩比异常（%s 压缩成 %s，上限 %d 倍）：文件可能已损坏或是被恶意构造的（压缩炸弹），已拒绝打开",
				f.Name, humanSize(n), humanSize(f.CompressedSize64), MaxCompressionRatio)}
		}
	}
	if p := notWorkbook(names); p != "" {
		return &zipProblem{KindNotWorkbook, p}
	}
	return nil
}

// notWorkbook says what a zip holding the parts names is, when it is not an
// .xlsx workbook, and "" when it is one.
func notWorkbook(names map[string]bool) string {
	switch {
	case names["[content_types].xml"] && names["xl/workbook.xml"]:
		return ""
	case names["xl/workbook.bin"]:
		return "这是二进制工作簿（.xlsb），不是 .xlsx：请在 Excel 中另存为 .xlsx 后再检查"
	case names["word/document.xml"]:
		return "这是 Word 文档（.docx），不是 Excel 工作簿：请提供 .xlsx 表格"
	case names["ppt/presentation.xml"]:
		return "这是 PowerPoint 演示文稿（.pptx），不是 Excel 工作簿：请提供 .xlsx 表格"
	case names["mimetype"] && names["content.xml"]:
		return "这是 OpenDocument 表格（.ods），不是 .xlsx：请在 WPS 或 LibreOffice 中另存为 .xlsx 后再检查"
	}
	for n := range names {
		if strings.HasSuffix(n, ".xlsx") || strings.HasSuffix(n, ".xls") {
			return "这是一个装有其他文件的 zip 压缩包，不是 Excel 工作簿：请先解压，再检查里面的 .xlsx 文件"
		}
	}
	return "这是一个 zip 压缩包，但不是 Excel 工作簿（缺少工作簿的内部结构）：请提供在 Excel/WPS 中保存的 .xlsx 文件"
}

// verifyZip decompresses every part, so a part whose bytes are damaged is
// found now: excelize ignores read errors inside a part and would silently
// read it cut short. On the way it counts the rows of every worksheet, and
// it keeps the XML parts inflated while they add up to at most keep bytes,
// so that the streaming reader, which reads them next, does not inflate
// them a second time. inspectZip has bounded the work.
func verifyZip(zr *zip.Reader, keep int64) (v verified, badPart string, err error) {
	v = verified{rows: map[string]int{}, inflated: map[string][]byte{}}
	for _, f := range zr.File {
		if f.FileInfo().IsDir() {
			continue
		}
		name := strings.ToLower(strings.ReplaceAll(f.Name, `\`, "/"))
		kept := int64(f.UncompressedSize64) <= keep && isXMLPart(name)
		data, rows, err := inflatePart(f, kept, isWorksheet(name))
		if err != nil {
			return verified{}, f.Name, err
		}
		if isWorksheet(name) {
			v.rows[name] = rows
		}
		if kept {
			v.inflated[f.Name] = data
			keep -= int64(len(data))
		}
	}
	return v, "", nil
}

// verified is what verifyZip learnt of a package.
type verified struct {
	rows     map[string]int    // rows of each worksheet, by lower-cased part name
	inflated map[string][]byte // XML parts kept inflated, by zip name
}

// inflatePart decompresses f, returning its bytes if keep is set, and
// counting its rows if it is a worksheet.
func inflatePart(f *zip.File, keep, worksheet bool) (data []byte, rows int, err error) {
	rc, err := f.Open()
	if err != nil {
		return nil, 0, err
	}
	defer rc.Close()
	var c rowCounter
	switch {
	case keep:
		// The zip reader fails a part that inflates to more or less than its
		// declared size, and checks the checksum once it reaches the end.
		data = make([]byte, f.UncompressedSize64)
		if _, err = io.ReadFull(rc, data); err == nil {
			_, err = io.Copy(io.Discard, rc)
		}
		if worksheet {
			c.n = countRows(data)
		}
	case worksheet:
		_, err = io.Copy(&c, rc)
	default:
		_, err = io.Copy(io.Discard, rc)
	}
	return data, c.n, err
}

// isXMLPart reports whether the zip part name (lower-cased) is XML, the
// kind of part a reader parses.
func isXMLPart(name string) bool {
	return strings.HasSuffix(name, ".xml") || strings.HasSuffix(name, ".rels")
}

// tooManyRows says which sheet has more than MaxRows rows, if one has.
func tooManyRows(zr *zip.Reader, rows map[string]int) string {
	for _, part := range slices.Sorted(maps.Keys(rows)) {
		if n := rows[part]; n > MaxRows {
			name, ok := sheetNames(zr)[part]
			if !ok {
				name = part
			}
			return fmt.Sprintf("工作表“%s”有 %d 行（含只设了格式的空行），超过检查上限 %d 行："+
				"请删除多余的行（包括误粘贴的重复行和只设了格式的空行）后再检查", name, n, MaxRows)
		}
	}
	return ""
}

// errPanic is a panic inside a third-party parser, turned into an error so
// a damaged file is refused instead of crashing the whole batch. Fuzz tests
// look for it: each one is a bug to report upstream.
type errPanic struct{ value any }

func (e *errPanic) Error() string { return fmt.Sprint("panic: ", e.value) }

// safely runs f, turning a panic into *errPanic.
func safely(f func() error) (err error) {
	defer func() {
		if v := recover(); v != nil {
			err = &errPanic{v}
		}
	}()
	return f()
}
