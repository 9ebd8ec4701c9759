package xlsxpatch

// Excel's grid limits; anything beyond them in a file is treated as absent.
const (
	maxRow = 1048576
	maxCol = 16384
)

// parseRef reads "B12" (or "$B$12") into 1-based row and column.
func parseRef(b []byte) (row, col int, ok bool) {
	i := 0
	if i < len(b) && b[i] == '$' {
		i++
	}
	for i < len(b) {
		c := b[i] | 0x20
		if c < 'a' || c > 'z' {
			break
		}
		col = col*26 + int(c-'a'+1)
		if col > maxCol {
			return 0, 0, false
		}
		i++
	}
	if col == 0 {
		return 0, 0, false
	}
	if i < len(b) && b[i] == '$' {
		i++
	}
	row, ok = parseRow(b[i:])
	return row, col, ok
}

// parseRow reads a positive row number no larger than maxRow.
func parseRow(b []byte) (int, bool) {
	if len(b) == 0 {
		return 0, false
	}
	n := 0
	for _, c := range b {
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int(c-'0')
		if n > maxRow {
			return 0, false
		}
	}
	return n, n > 0
}
