// Package xlsx reads the cells of .xlsx workbooks as a stream, fast and in
// bounded memory, for county ledgers of up to a million rows.
//
// It reads only what a checker needs: sheet names, the 1904 date flag, each
// sheet's cells (raw value, type, whether it holds a formula, and whether its
// number format shows a date or a percentage) and merged ranges. Worksheet XML
// is inflated from the zip and scanned by a hand-written byte scanner, never
// held whole in memory: encoding/xml costs about four times as much, and
// excelize builds every row as a tree of structs.
//
// Hostile input gives an error, never a panic: parts have a size limit
// (declared and actually inflated), rows at most 16384 cells, row numbers at
// most 1048576, and any single XML token at most 1 MiB.
package xlsx
