package sample

import (
	"fundcheck/checker"

	"github.com/shopspring/decimal"
)

// WithSelfScores makes wb's self-evaluation agree with the checker: every
// indicator that applies gets the score checker.Check computes as its
// self-score, and 申报总分, 申报折算得分 and 申报等级 follow from them. It
// changes wb and returns it.
//
// Manual scores are their own computed score, so they stay as they are. A
// mixed indicator (7, 10, 13) takes its manual part from the self-score, so
// the scores are settled by checking twice.
func WithSelfScores(wb *checker.Workbook) *checker.Workbook {
	var r *checker.Report
	for range 2 {
		r = checker.Check(wb)
		for _, ind := range r.Indicators {
			if ind.Method == checker.NotApplicable {
				continue
			}
			for i := range wb.Scores {
				if s := &wb.Scores[i]; s.No.V == ind.No && !s.Task.Set {
					s.Self = checker.Value[decimal.Decimal]{V: ind.Score, Set: true, At: s.Self.At}
				}
			}
		}
	}
	r = checker.Check(wb)
	wb.Info.DeclaredScore = checker.Value[decimal.Decimal]{V: r.Base.Add(r.Adjustment), Set: true}
	wb.Info.DeclaredNormalized = checker.Value[decimal.Decimal]{V: r.Final, Set: true}
	wb.Info.DeclaredGrade = text(r.Grade)
	return wb
}
