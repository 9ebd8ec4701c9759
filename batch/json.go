package batch

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
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
	j := NewJSONWriter(w)
	for i, r := range results {
		j.Add(i, r)
	}
	return j.Close()
}

// JSONWriter writes the document of WriteJSON one result at a time, as the
// results finish, so that a batch need not keep them: the same bytes as
// WriteJSON, with the files in input order.
type JSONWriter struct {
	w       io.Writer
	buf     bytes.Buffer
	enc     *json.Encoder
	next    int            // index of the next file object to write
	early   map[int][]byte // encoded file objects waiting for an earlier one
	started bool
	err     error
}

// NewJSONWriter writes the document to w. Nothing is written before the
// first file object is ready.
func NewJSONWriter(w io.Writer) *JSONWriter {
	j := &JSONWriter{w: w, early: map[int][]byte{}}
	j.enc = json.NewEncoder(&j.buf)
	j.enc.SetEscapeHTML(false)
	// A file object sits two levels deep in the document.
	j.enc.SetIndent("    ", "  ")
	return j
}

// Add writes r as the file object at index i (0, 1, 2… in input order, each
// once). An object that finishes before those ahead of it waits, encoded,
// until they are written. The first error writing to w is returned now and
// by every later call.
func (j *JSONWriter) Add(i int, r Result) error {
	if j.err != nil {
		return j.err
	}
	j.buf.Reset()
	if j.err = j.enc.Encode(toJSON(r)); j.err != nil {
		return j.err
	}
	obj := bytes.TrimSuffix(j.buf.Bytes(), []byte("\n"))
	if i != j.next {
		j.early[i] = bytes.Clone(obj)
		return nil
	}
	for {
		sep := ",\n    "
		if !j.started {
			sep = "{\n  \"files\": [\n    "
			j.started = true
		}
		if j.err = j.write(sep, obj); j.err != nil {
			return j.err
		}
		j.next++
		var ok bool
		if obj, ok = j.early[j.next]; !ok {
			return nil
		}
		delete(j.early, j.next)
	}
}

func (j *JSONWriter) write(sep string, obj []byte) error {
	if _, err := io.WriteString(j.w, sep); err != nil {
		return err
	}
	_, err := j.w.Write(obj)
	return err
}

// errJSONClosed is what Add and Close return after Close.
var errJSONClosed = errors.New("batch: JSON document already closed")

// Close ends the document. It fails if an index below the highest one added
// is missing, since the files would then not all be in it.
func (j *JSONWriter) Close() error {
	if j.err != nil {
		return j.err
	}
	if len(j.early) > 0 {
		j.err = fmt.Errorf("batch: JSON of file %d never added", j.next)
		return j.err
	}
	end := "\n  ]\n}\n"
	if !j.started {
		end = "{\n  \"files\": []\n}\n"
	}
	if _, err := io.WriteString(j.w, end); err != nil {
		j.err = err
		return err
	}
	j.err = errJSONClosed
	return nil
}

// fixed is a decimal written as a JSON number with two decimals.
type fixed decimal.Decimal

func (f fixed) MarshalJSON() ([]byte, error) {
	return []byte(decimal.Decimal(f).StringFixed(2)), nil
}

func fixedPtr(d decimal.Decimal) *fixed { f := fixed(d); return &f }

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
