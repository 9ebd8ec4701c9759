package batch

import (
	"encoding/json"
	"io"

	"fundcheck/sheets"

	"github.com/shopspring/decimal"
)

// WriteJSON writes the results as one JSON document:
//
//	{"files":[{"input":…,"output":…,"error":…,"county":…,"year":…,
//	  "base":…,"normalized":…,"adjustment":…,"final":…,"grade":…,
//	  "indicators":[{"no","name","max","score","self","method","basis"}],
//	  "findings":[{"code","severity","sheet","cell","message"}]}]}
//
// Scores are numbers with exactly two decimals, written from the decimals
// themselves, never through float64. Every file object has every key: a file
// that could not be checked has a Chinese "error", null scores and empty
// lists; "output" is null when no copy was written; "self", "sheet" and
// "cell" are null when absent.
func WriteJSON(w io.Writer, results []Result) error {
	doc := jsonDoc{Files: make([]jsonFile, len(results))}
	for i, r := range results {
		doc.Files[i] = toJSON(r)
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(doc)
}

// fixed is a decimal written as a JSON number with two decimals.
type fixed decimal.Decimal

func (f fixed) MarshalJSON() ([]byte, error) {
	return []byte(decimal.Decimal(f).StringFixed(2)), nil
}

func fixedPtr(d decimal.Decimal) *fixed { f := fixed(d); return &f }

type jsonDoc struct {
	Files []jsonFile `json:"files"`
}

type jsonFile struct {
	Input      string          `json:"input"`
	Output     *string         `json:"output"`
	Error      *string         `json:"error"`
	County     *string         `json:"county"`
	Year       *int            `json:"year"`
	Base       *fixed          `json:"base"`
	Normalized *fixed          `json:"normalized"`
	Adjustment *fixed          `json:"adjustment"`
	Final      *fixed          `json:"final"`
	Grade      *string         `json:"grade"`
	Indicators []jsonIndicator `json:"indicators"`
	Findings   []jsonFinding   `json:"findings"`
}

type jsonIndicator struct {
	No     int    `json:"no"`
	Name   string `json:"name"`
	Max    fixed  `json:"max"`
	Score  fixed  `json:"score"`
	Self   *fixed `json:"self"`
	Method string `json:"method"`
	Basis  string `json:"basis"`
}

type jsonFinding struct {
	Code     string  `json:"code"`
	Severity string  `json:"severity"`
	Sheet    *string `json:"sheet"`
	Cell     *string `json:"cell"`
	Message  string  `json:"message"`
}

func strPtr(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

func toJSON(r Result) jsonFile {
	f := jsonFile{Input: r.Input, Output: strPtr(r.Output), Indicators: []jsonIndicator{}, Findings: []jsonFinding{}}
	if r.Err != nil {
		msg := sheets.ErrorText(r.Err)
		f.Error = &msg
	}
	rep := r.Report
	if rep == nil {
		return f
	}
	year := rep.Year
	f.County, f.Year, f.Grade = &rep.County, &year, &rep.Grade
	f.Base, f.Normalized = fixedPtr(rep.Base), fixedPtr(rep.Normalized)
	f.Adjustment, f.Final = fixedPtr(rep.Adjustment), fixedPtr(rep.Final)
	for _, ind := range rep.Indicators {
		j := jsonIndicator{No: ind.No, Name: ind.Name, Max: fixed(ind.Max), Score: fixed(ind.Score),
			Method: ind.Method.Code(), Basis: ind.Basis}
		if ind.Self.Set {
			j.Self = fixedPtr(ind.Self.V)
		}
		f.Indicators = append(f.Indicators, j)
	}
	for _, fd := range rep.Findings {
		j := jsonFinding{Code: fd.Code, Severity: fd.Severity.Code(), Message: fd.Message}
		if len(fd.Refs) > 0 {
			j.Sheet, j.Cell = strPtr(fd.Refs[0].Sheet), strPtr(fd.Refs[0].Cell())
		}
		f.Findings = append(f.Findings, j)
	}
	return f
}
