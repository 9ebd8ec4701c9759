package sheets

import "strings"

// FileError says why a whole file was rejected: it names the file and lists
// every problem at once, in Chinese, so a county fixes them in one pass.
type FileError struct {
	Path     string
	Problems []string
	// Kind says what sort of rejection this is, so a caller (the province's
	// summary, the exit status, JSON output) can group files without parsing
	// the Chinese text. The zero value is KindLayout, the reader's own
	// rejection, so a FileError built without a Kind keeps its old meaning.
	Kind FileErrorKind
	// Err is the underlying cause when there is one (an *os.PathError, a zip
	// or excelize error); it is for logs and errors.Is, never shown as the
	// message.
	Err error
}

func (e *FileError) Error() string {
	return e.Path + "：" + strings.Join(e.Problems, "；")
}

func (e *FileError) Unwrap() error { return e.Err }

// FileErrorKind is the sort of a file's rejection.
type FileErrorKind uint8

const (
	KindLayout        FileErrorKind = iota // a required sheet or column is missing
	KindNotFound                           // no such file
	KindDirectory                          // the path is a folder
	KindUnreadable                         // the file exists but cannot be read (permissions, I/O)
	KindEmpty                              // 0 bytes
	KindLegacyXLS                          // an Excel 97–2003 .xls (or another OLE2 document)
	KindEncrypted                          // encrypted and no password given
	KindWrongPassword                      // encrypted and the password does not open it
	KindNotWorkbook                        // some other kind of file: text, HTML, a zip of other things
	KindDamaged                            // a workbook, but truncated or corrupt
	KindTooLarge                           // beyond the size limits (file, unzipped parts, compression ratio, rows)
)

var kindCodes = [...]string{
	KindLayout:        "layout",
	KindNotFound:      "not_found",
	KindDirectory:     "directory",
	KindUnreadable:    "unreadable",
	KindEmpty:         "empty",
	KindLegacyXLS:     "legacy_xls",
	KindEncrypted:     "encrypted",
	KindWrongPassword: "wrong_password",
	KindNotWorkbook:   "not_workbook",
	KindDamaged:       "damaged",
	KindTooLarge:      "too_large",
}

// String is the machine name of the kind, as JSON output uses it.
func (k FileErrorKind) String() string {
	if int(k) < len(kindCodes) {
		return kindCodes[k]
	}
	return "unknown"
}

// fileError is a rejection of path with one problem. Problems do not repeat
// the file's name: Error() puts the path in front of them.
func fileError(path string, kind FileErrorKind, cause error, problem string) *FileError {
	return &FileError{Path: path, Problems: []string{problem}, Kind: kind, Err: cause}
}
