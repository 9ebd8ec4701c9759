package sheets

// WriteTemplate writes the blank standard workbook to path; it never
// overwrites an existing file.
func WriteTemplate(path string) error {
	panic("sheets.WriteTemplate: not implemented yet")
}
