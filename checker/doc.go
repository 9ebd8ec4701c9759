// Package checker is the domain of fundcheck: the model of one county's
// 衔接推进乡村振兴补助资金 evaluation data, the scoring rules of the provincial
// method (黑财农〔2021〕185号) and the consistency checks that turn the model
// into a Report of scores and findings.
//
// The package knows nothing about workbooks. Every value in the model carries
// the Ref (sheet and cell) it was read from, so that a finding can point back
// at it; how those values were found in a file is the business of package
// sheets. Money, ratios and scores are decimal.Decimal throughout.
package checker
