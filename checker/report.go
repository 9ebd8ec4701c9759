package checker

import "github.com/shopspring/decimal"

// Severity is how bad a finding is.
type Severity uint8

const (
	Error Severity = iota + 1
	Warning
	Hint
)

var severityNames = [...]string{"", "错误", "警告", "提示"}
var severityCodes = [...]string{"", "error", "warning", "info"}

// String is the Chinese name (错误 / 警告 / 提示).
func (s Severity) String() string { return severityNames[s] }

// Code is the machine name used in JSON (error / warning / info).
func (s Severity) Code() string { return severityCodes[s] }

// Finding is one thing wrong with (or worth knowing about) the workbook.
// Refs are the cells it is about, most important first; a finding about a
// whole sheet or a missing column has a Ref with Row 0.
type Finding struct {
	Code       string
	Severity   Severity
	Refs       []Ref
	Message    string
	Suggestion string
}

// Method is how an indicator score was obtained.
type Method uint8

const (
	Computed      Method = iota + 1 // from the data, by the method's formula
	Manual                          // the evaluator's (self-)score, as given
	Reference                       // manual, shown beside a score computed from the data for reference
	NotApplicable                   // the indicator does not apply to this county
)

var methodNames = [...]string{"", "计算", "人工", "参考", "不适用"}
var methodCodes = [...]string{"", "computed", "manual", "reference", "not_applicable"}

func (m Method) String() string { return methodNames[m] }

// Code is the machine name used in JSON.
func (m Method) Code() string { return methodCodes[m] }

// IndicatorResult is the score of one of the 17 indicators.
type IndicatorResult struct {
	No     int
	Name   string
	Max    decimal.Decimal // negative for the deduction indicators 15–17
	Score  decimal.Decimal // rounded half-up to 2 decimals
	Self   Value[decimal.Decimal]
	Method Method
	// Basis is one Chinese sentence with the numbers used.
	Basis string
}

// Report is the result of checking one workbook.
type Report struct {
	Source  string
	County  string
	City    string
	Year    int
	Poverty bool

	Indicators []IndicatorResult

	Base       decimal.Decimal // sum of indicators 1–13 that apply
	Normalized decimal.Decimal // base scaled to 100 when some do not apply
	Adjustment decimal.Decimal // indicators 14–17, clamped to [−30, +3]
	Final      decimal.Decimal
	Grade      string // A / B / C / D
	// Normalization says in one Chinese line how Normalized follows from Base.
	Normalization string

	// SelfTotal is the county's own total (申报总分, else the sum of its
	// self-scores); Set is false when it gave none.
	SelfTotal Value[decimal.Decimal]

	// Overrides lists, in Chinese, every parameter the 参数 sheet changed.
	Overrides []string

	Findings []Finding
}

// Count returns how many findings have severity s.
func (r *Report) Count(s Severity) int {
	n := 0
	for _, f := range r.Findings {
		if f.Severity == s {
			n++
		}
	}
	return n
}
