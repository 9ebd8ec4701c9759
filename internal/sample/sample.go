// Package sample builds county workbooks as checker models: the Acheng 2023
// report's own figures, and consistent synthetic counties for tests,
// benchmarks and the shipped examples. Package sheets writes them to files.
package sample

import (
	"time"

	"fundcheck/checker"

	"github.com/shopspring/decimal"
)

func amt(s string) checker.Amount {
	return checker.Amount{V: decimal.RequireFromString(s), Set: true}
}

func ratio(s string) checker.Value[decimal.Decimal] {
	return checker.Value[decimal.Decimal]{V: decimal.RequireFromString(s), Set: true}
}

func text(s string) checker.Text { return checker.Text{V: s, Set: s != ""} }

func flag(yes bool) checker.Flag { return checker.Flag{V: yes, Set: true} }

func day(s string) checker.Date {
	if s == "" {
		return checker.Date{}
	}
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		panic(err)
	}
	return checker.Date{V: t, Set: true}
}
