package sheets

import "fmt"

// Limits that keep a broken or hostile file from taking the machine, every
// one checked before excelize unzips anything. The size limits are sized
// from a ledger of Excel's maximum 1,048,576 rows × 8 columns — about what
// MaxRows rows of a county's widest sheet (26 columns) take — with a margin.
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

	// MaxRows bounds the rows of any one sheet, counted as the file stores
	// them (blank rows that only carry a format included), when the file is
	// opened: Excel's own maximum, 1,048,576. A county's payment ledger for
	// one year runs to thousands of rows, but a whole province's can run to
	// a million, and the streaming reader keeps about 1 KB per data row, so
	// a full sheet reads in about a gigabyte. More rows than Excel allows is
	// a file no office program wrote.
	MaxRows = 1 << 20

	// maxComputedRows bounds the sheets of a workbook whose formulas the
	// reader has excelize compute, for a file that holds formulas without
	// their results (written by a program, never by Excel or WPS): excelize
	// keeps about 7.5 KB per row, so 200,000 rows take 1.5 GB.
	maxComputedRows = 200_000
)

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
