package xlsx

import "strconv"

// ColumnName is the letters of column col (from 1): 1 is "A", 28 is "AB".
func ColumnName(col int) string {
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

// CellName is the name of the cell at row and col (from 1): (12, 2) is "B12".
func CellName(row, col int) string { return ColumnName(col) + strconv.Itoa(row) }
