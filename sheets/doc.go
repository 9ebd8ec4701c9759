// Package sheets is everything of fundcheck that touches a workbook: the
// forgiving reader that turns a county's .xlsx into a checker.Workbook, the
// blank template, and the writers of the annotated copy and the province's
// summary. It knows the layout of the standard workbook (TEMPLATE.md) but
// nothing about scoring: scores and findings come from package checker.
package sheets
