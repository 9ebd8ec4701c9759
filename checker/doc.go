// Package checker is the domain of fundcheck: the model of one county's
// 衔接推进乡村振兴补助资金 evaluation data, the scoring rules of the provincial
// method (黑财农〔2021〕185号) and the consistency checks that turn the model
// into a Report of scores and findings.
//
// The package knows nothing about workbooks. Every value in the model carries
// the Ref (sheet and cell) it was read from, so that a finding can point back
// at it; how those values were found in a file is the business of package
// sheets. Money, ratios and scores are decimal.Decimal throughout.
//
// Check follows RULES.md (the scoring rules, readings and severities) with
// the parameters of Params. Where an indicator cannot be computed because
// data are missing (a required 基本信息 key absent, no dated notice, no
// funds), it does not guess: the county's self-score stands, clamped to the
// indicator's range, and the basis says "缺少…，无法计算，按自评得分"; with no
// self-score either the indicator scores 0. The missing key itself is the
// reader's finding (GS103); a missing self-score that costs points is DF507.
// Optional data (县级公开, the publicity columns, indicator 7's counts,
// indicator 10's incomes) only decide whether a part is computed or manual.
package checker
