// Package xlsxpatch writes a new .xlsx from an original one without
// re-encoding what it does not change.
//
// Every part the patch leaves alone is copied byte for byte, still
// compressed. Only the parts that must change are rewritten, and the big
// ones (worksheets) are streamed through a byte-level scanner that touches
// only the flagged cells: the content types, the workbook and its
// relationships, the styles (new cell formats are appended, existing indexes
// keep their meaning), the worksheets that get fills and their
// relationships. Notes become a comments part plus the VML drawing Excel and
// LibreOffice use to show them, merged with the notes a sheet already has.
// New sheets are transplanted from a small donor workbook (written by
// excelize or xlsxw, say): their parts are renamed, their cell formats appended to
// the original styles, their shared strings turned into inline strings so
// the original shared-string table stays untouched.
package xlsxpatch
