// Package cellref writes the names spreadsheets give cells and sheets in
// references: column letters, A1-style cell names, quoted sheet names. It is
// shared by the checker's findings, which name cells, and the writers of
// workbook parts, which must name them the same way.
package cellref

import (
	"strconv"
	"strings"
)

// Column is the letters of column col (from 1): 1 is "A", 28 is "AB".
func Column(col int) string {
	var buf [4]byte
	i := len(buf)
	for col > 0 && i > 0 {
		col--
		i--
		buf[i] = byte('A' + col%26)
		col /= 26
	}
	return string(buf[i:])
}

// Cell is the name of the cell at row and col (from 1): (12, 2) is "B12".
func Cell(row, col int) string { return Column(col) + strconv.Itoa(row) }

// QuoteSheet quotes a sheet name for a reference ('项目清单'!B4). Excel may
// leave a plain name unquoted, but LibreOffice keeps an unquoted Chinese name
// as a broken link, so every name is quoted.
func QuoteSheet(name string) string {
	return "'" + strings.ReplaceAll(name, "'", "''") + "'"
}
