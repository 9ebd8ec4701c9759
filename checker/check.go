package checker

// Check scores wb by the provincial method and finds every inconsistency.
func Check(wb *Workbook) *Report {
	panic("checker.Check: not implemented yet")
}
