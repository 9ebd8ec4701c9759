package sheets

import (
	"cmp"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"fundcheck/checker"

	"github.com/shopspring/decimal"
)

// How much the 审核意见 names before pointing at the findings sheet.
const (
	opinionGroups     = 5 // kinds of error (or warning) findings
	opinionIndicators = 3 // indicators whose self-score differs most
	opinionExamples   = 2 // cells named per kind
)

// reviewOpinion is the 审核意见 of the verdict sheet: a paragraph a reviewer
// can paste into the reply to the county. It only restates the report: the
// verdict, what to fix first (the error findings grouped by code, else the
// warnings), and the indicators whose self-score differs most from the
// review. findingsSheet names the sheet listing every finding.
func reviewOpinion(r *checker.Report, findingsSheet string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "经审核，%s%s衔接推进乡村振兴补助资金绩效评价复核得分为%s分，等级为%s",
		place(r), yearText(r), r.Final.StringFixed(2), cmp.Or(r.Grade, "（无）"))
	if r.SelfTotal.Set {
		d := r.Final.Sub(r.SelfTotal.V)
		switch {
		case d.Abs().LessThan(decimal.New(1, -2)):
			fmt.Fprintf(&b, "，与自评总分%s分一致", r.SelfTotal.V.StringFixed(2))
		case d.IsNegative():
			fmt.Fprintf(&b, "，比自评总分%s分低%s分", r.SelfTotal.V.StringFixed(2), d.Neg().StringFixed(2))
		default:
			fmt.Fprintf(&b, "，比自评总分%s分高%s分", r.SelfTotal.V.StringFixed(2), d.StringFixed(2))
		}
	}
	b.WriteString("。")
	errs, warns, hints := r.Count(checker.Error), r.Count(checker.Warning), r.Count(checker.Hint)
	switch {
	case errs+warns+hints == 0:
		b.WriteString("未发现问题。")
	default:
		fmt.Fprintf(&b, "共发现错误%d条、警告%d条、提示%d条，详见“%s”工作表。", errs, warns, hints, findingsSheet)
	}
	switch {
	case errs > 0:
		b.WriteString("请先改正以下错误：")
		b.WriteString(groupText(r.Findings, checker.Error))
	case warns > 0:
		b.WriteString("未发现错误，请核实以下警告：")
		b.WriteString(groupText(r.Findings, checker.Warning))
	}
	if t := differenceText(r.Indicators); t != "" {
		b.WriteString(t)
	}
	if errs > 0 {
		b.WriteString("请改正后重新报送。")
	}
	return b.String()
}

func place(r *checker.Report) string {
	if p := r.City + r.County; p != "" {
		return p
	}
	return "该地区"
}

func yearText(r *checker.Report) string {
	if r.Year == 0 {
		return ""
	}
	return strconv.Itoa(r.Year) + "年度"
}

// findingGroup is the findings of one code.
type findingGroup struct {
	code  string
	items []checker.Finding
}

// groupText lists the kinds of findings of severity s, most frequent first:
// "（1）项目名称重复（XM301，3处，如 项目清单!B12、项目清单!B30）；…".
func groupText(findings []checker.Finding, s checker.Severity) string {
	var groups []*findingGroup
	for _, f := range findings {
		if f.Severity != s {
			continue
		}
		i := slices.IndexFunc(groups, func(g *findingGroup) bool { return g.code == f.Code })
		if i < 0 {
			groups = append(groups, &findingGroup{code: f.Code})
			i = len(groups) - 1
		}
		groups[i].items = append(groups[i].items, f)
	}
	slices.SortStableFunc(groups, func(a, b *findingGroup) int { return cmp.Compare(len(b.items), len(a.items)) })
	var parts []string
	for i, g := range groups {
		if i == opinionGroups {
			break
		}
		parts = append(parts, fmt.Sprintf("（%d）%s", i+1, g.describe()))
	}
	text := strings.Join(parts, "；")
	if rest := len(groups) - opinionGroups; rest > 0 {
		text += fmt.Sprintf("；另有%d类%s见问题清单", rest, s)
	}
	return text + "。"
}

// describe names a group: one finding by its own message, several by the
// rule's title with a count and example cells.
func (g *findingGroup) describe() string {
	first := g.items[0]
	if len(g.items) == 1 {
		return strings.TrimRight(first.Message, "。；;.") + "（" + g.code + "）"
	}
	title := strings.TrimRight(first.Message, "。；;.") + "等"
	if rule, ok := checker.LookupRule(g.code); ok {
		title = rule.Title
	}
	var cells []string
	for _, f := range g.items {
		if len(cells) == opinionExamples {
			break
		}
		if len(f.Refs) > 0 && f.Refs[0].Sheet != "" {
			cells = append(cells, f.Refs[0].String())
		}
	}
	s := fmt.Sprintf("%s（%s，%d处", title, g.code, len(g.items))
	if len(cells) > 0 {
		s += "，如 " + strings.Join(cells, "、")
	}
	return s + "）"
}

// differenceText names the indicators whose self-score differs most from
// the review, largest difference first.
func differenceText(ind []checker.IndicatorResult) string {
	var diff []checker.IndicatorResult
	for _, x := range ind {
		if x.Self.Set && x.Method != checker.NotApplicable && x.Score.Sub(x.Self.V).Abs().GreaterThanOrEqual(decimal.New(1, -2)) {
			diff = append(diff, x)
		}
	}
	if len(diff) == 0 {
		return ""
	}
	slices.SortStableFunc(diff, func(a, b checker.IndicatorResult) int {
		return b.Score.Sub(b.Self.V).Abs().Cmp(a.Score.Sub(a.Self.V).Abs())
	})
	var parts []string
	for i, x := range diff {
		if i == opinionIndicators {
			break
		}
		parts = append(parts, fmt.Sprintf("第%d项%s（自评%s分，复核%s分）", x.No, x.Name, x.Self.V.StringFixed(2), x.Score.StringFixed(2)))
	}
	return "自评得分与复核得分差异较大的指标：" + strings.Join(parts, "；") + "。"
}
