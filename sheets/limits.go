package sheets

import "fmt"

// Limits that keep a broken or hostile file from taking the machine. They are
// sized from the largest workbook a county could legitimately send — a
// ledger of Excel's maximum 1,048,576 rows × 8 columns — with a margin, and
// every one is checked before excelize unzips anything.
//
// Measured on such a ledger written the way Excel writes it (every cell
// carrying its reference, strings shared): the sheet XML is about 320 MB and
// deflates to about 48 MB (ratio 6.5); 1M formatted blank rows are 110 MB
// deflating to 8.6 MB (ratio 13); 1M distinct voucher numbers make a
// sharedStrings.xml of about 40 MB.
const (
	// MaxFileSize bounds the file on disk: about 5× the 1M-row ledger's
	// 48 MB. An encrypted workbook is held in memory twice (ciphertext and
	// plaintext) while it is decrypted, so this also bounds that.
	MaxFileSize = 256 << 20

	// MaxPartSize bounds one part once unzipped: the 1M-row sheet's 320 MB
	// plus 60%.
	MaxPartSize = 512 << 20

	// MaxUnzipSize bounds all parts together (excelize's UnzipSizeLimit):
	// the biggest sheet, its shared strings and the other sheets, twice over.
	MaxUnzipSize = 1 << 30

	// inMemoryPartSize is excelize's UnzipXMLSizeLimit: a sheet or the
	// shared strings above it are unzipped to a temporary file and read from
	// there, below it they stay in memory. 64 MB keeps the shared strings of
	// a 1M-row ledger (40 MB) in memory — above the limit every shared-string
	// lookup becomes a disk read — while a sheet of more than about 200,000
	// rows goes to disk and is streamed.
	inMemoryPartSize = 64 << 20

	// MaxCompressionRatio bounds uncompressed/compressed size of any part
	// larger than ratioFloor. The sheets measured above deflate 6–13×, so
	// 200 leaves a 15-fold margin for more repetitive real XML; deflate
	// itself cannot exceed about 1032×, which is where zip bombs sit.
	// Without it a 1 MB file could make the reader parse a gigabyte of XML.
	MaxCompressionRatio = 200
	ratioFloor          = 1 << 20

	// MaxZipEntries bounds the number of parts: a workbook has a few per
	// sheet plus one per image or comment list, a few hundred at most.
	MaxZipEntries = 10_000

	// MaxRows bounds the data rows the reader accepts in one sheet. A
	// county's payment ledger for one year runs to thousands of rows; 300,000
	// is far beyond any real one while keeping a read under a minute and the
	// model's memory in the hundreds of megabytes. A longer sheet is almost
	// always a paste gone wrong (a column pasted a million times over).
	MaxRows = 300_000
)

// TooManyRowsError is the rejection of path because sheet holds more than
// MaxRows data rows. The reader stops at row MaxRows+1 and returns it.
func TooManyRowsError(path, sheet string) *FileError {
	return fileError(path, KindTooLarge, nil, fmt.Sprintf(
		"工作表“%s”的数据超过 %d 行，超出检查上限：请检查是否误粘贴了大量重复或无关的行，删除后再检查",
		sheet, MaxRows))
}

// humanSize is n bytes as a clerk reads them.
func humanSize(n uint64) string {
	switch {
	case n >= 1<<30:
		return fmt.Sprintf("%.1f GB", float64(n)/(1<<30))
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.1f KB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d 字节", n)
}
