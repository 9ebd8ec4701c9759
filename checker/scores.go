package checker

import (
	"fmt"
	"strings"

	"github.com/shopspring/decimal"
)

// Score finding codes (DF = 打分).
const (
	CodeSelfOutOfRange    = "DF501"
	CodeSelfDiffers       = "DF502"
	CodeDeclaredScore     = "DF503"
	CodeScaledAdjustments = "DF504"
	CodeDeclaredNormal    = "DF505"
	CodeDeclaredGrade     = "DF506"
	CodeMissingSelf       = "DF507"
	CodeBadScoreRow       = "DF508"
	CodeSelfNotApplicable = "DF509"
)

var scoreRules = []Rule{
	{CodeSelfOutOfRange, Error, "自评得分超出范围",
		"自评得分不能高于指标满分，也不能低于0；加减分指标中，机制创新0至3分，执行中随意调减只能是0或-5，数据作假只能是0或-10，违规违纪0至-15。超出范围的得分按范围截取后计算。请改正。"},
	{CodeSelfDiffers, Warning, "自评得分与按数据计算的得分不同",
		"可以由数据计算的指标（如指标1、3、8、9、12），程序按评分办法重新计算，与自评得分相差0.01分以上时提示，并列出计算依据。最终得分采用计算值。请核对自评，或补正数据。"},
	{CodeDeclaredScore, Error, "申报总分与自评打分各行不符",
		"基本信息的“申报总分”应等于自评打分各行得分之和（可以含加减分，也可以不含）。不一致说明总分算错或某行得分改过而总分未改。请改正。"},
	{CodeScaledAdjustments, Error, "折算得分把加减分也一起折算了",
		"有指标不适用（如非脱贫县的指标13）时，基础得分按适用指标的满分折算成百分制，加减分在折算之后再加，不随之放大（如阿城区：应为86.34÷88×100+3=101.11，报告写(86.34+3)÷88×100=101.52）。请按正确方法重算折算得分。"},
	{CodeDeclaredNormal, Error, "申报折算得分与自评打分各行不符",
		"基本信息的“申报折算得分”应等于：基础得分（指标1至13中适用的各项之和）÷适用指标满分合计×100，再加上加减分；全部指标适用时就是基础得分加加减分。请按此重算。"},
	{CodeDeclaredGrade, Error, "申报等级与得分不符",
		"等级按最终得分确定：A（优）≥90分，B（良）≥80分，C（中）≥60分，D（差）<60分（分数线可由参数表调整）。申报等级应与自评打分各行算出的最终得分一致，可写A至D或优、良、中、差。请改正。"},
	{CodeMissingSelf, Error, "人工评分指标缺少自评得分",
		"需要人工评分的指标（或指标中的人工部分）没有自评得分，程序无法给分，按0分计。请在自评打分中填写该指标的得分。"},
	{CodeBadScoreRow, Error, "自评打分的序号无效或重复",
		"自评打分每行的序号应为1至17，每个指标一行（指标11可按任务类型每个任务一行）。序号无效的行无法对应指标；重复的行只采用第一行。请改正序号或删除重复行。"},
	{CodeSelfNotApplicable, Hint, "不适用指标填写了自评得分",
		"指标13只适用于脱贫县。非脱贫县填写的指标13得分不计入总分，基础分按其余指标的满分折算成百分制。"},
}

// collectScores indexes the 自评打分 rows and checks each self-score's range.
func (r *run) collectScores() {
	r.self = map[int]ScoreRow{}
	r.taskSelf = map[Task]ScoreRow{}
	poverty := r.wb.Info.PovertyCounty.Set && r.wb.Info.PovertyCounty.V
	for i, row := range r.wb.Scores {
		if !row.No.Set {
			continue
		}
		no := row.No.V
		where := rowOf(sheetScores, row.No.At, i)
		if no < 1 || no > len(indicatorDefs) {
			r.add(Finding{Code: CodeBadScoreRow, Severity: Error, Refs: refs(row.No.At),
				Message:    fmt.Sprintf("%s序号%d%s不是1至17，这一行无法对应指标", where, no, at(row.No.At)),
				Suggestion: "改正序号，或删除这一行"})
			continue
		}
		perTask := no == 11 && row.Task.Set && row.Task.V != TaskUnknown
		dup := false
		if perTask {
			_, dup = r.taskSelf[row.Task.V]
		} else {
			_, dup = r.self[no]
		}
		if dup {
			r.add(Finding{Code: CodeBadScoreRow, Severity: Error, Refs: refs(row.No.At),
				Message:    fmt.Sprintf("%s是指标%d的重复行%s，只采用第一行", where, no, at(row.No.At)),
				Suggestion: "删除重复的行；指标11按任务分别打分时，每行填写任务类型"})
			continue
		}
		if perTask {
			r.taskSelf[row.Task.V] = row
		} else {
			r.self[no] = row
		}
		if !row.Self.Set {
			continue
		}
		if no == 13 && !poverty {
			r.add(Finding{Code: CodeSelfNotApplicable, Severity: Hint, Refs: refs(row.Self.At),
				Message:    fmt.Sprintf("指标13不适用（非脱贫县），自评得分%s分%s不计入", pts(row.Self.V), at(row.Self.At)),
				Suggestion: "非脱贫县的指标13自评得分请留空；如本县是脱贫县，请在基本信息中填写是否脱贫县为“是”"})
			continue
		}
		lo, hi := selfRange(no)
		if perTask {
			lo, hi = zero, dec(20)
		}
		s, ok := clampSelf(no, row.Self.V, lo, hi)
		if !ok {
			r.add(Finding{Code: CodeSelfOutOfRange, Severity: Error, Refs: refs(row.Self.At),
				Message: fmt.Sprintf("指标%d“%s”自评得分%s分%s超出范围%s，按%s分计",
					no, indicatorDefs[no-1].Name, row.Self.V, at(row.Self.At), rangeText(no, lo, hi), pts(s)),
				Suggestion: "改为范围内的得分"})
		}
	}
}

func selfRange(no int) (lo, hi decimal.Decimal) {
	m := maxOf(no)
	if m.IsNegative() {
		return m, zero
	}
	return zero, m
}

func rangeText(no int, lo, hi decimal.Decimal) string {
	if no == 15 || no == 16 {
		return "（只能是0或" + lo.String() + "分）"
	}
	return "（" + lo.String() + "至" + hi.String() + "分）"
}

// clampSelf brings a self-score into its range; 15 and 16 are all or
// nothing, so a deduction of another size counts in full. ok is false when
// the score had to change.
func clampSelf(no int, v, lo, hi decimal.Decimal) (decimal.Decimal, bool) {
	s := clamp(v, lo, hi)
	if (no == 15 || no == 16) && !s.IsZero() {
		s = lo
	}
	return s, s.Equal(v)
}

// selfScore is indicator no's self-score within its range.
func (r *run) selfScore(no int) (decimal.Decimal, bool) {
	row, ok := r.self[no]
	if !ok || !row.Self.Set {
		return zero, false
	}
	lo, hi := selfRange(no)
	s, _ := clampSelf(no, row.Self.V, lo, hi)
	return s, true
}

// selfValue is the self-score as the county wrote it. Indicator 11 scored
// per task without an overall score has no single row: its self-score is
// the tasks' rows weighted by their shares of the funds, set only when
// every funded task has one.
func (r *run) selfValue(no int) Value[decimal.Decimal] {
	if row, ok := r.self[no]; ok && (no != 11 || len(r.taskSelf) == 0 || row.Self.Set) {
		return row.Self
	}
	if no != 11 || len(r.taskSelf) == 0 || !r.total.IsPositive() {
		return Value[decimal.Decimal]{}
	}
	v := Value[decimal.Decimal]{Set: true}
	for _, t := range Tasks {
		if !r.byTask[t].IsPositive() {
			continue
		}
		row, ok := r.taskSelf[t]
		if !ok || !row.Self.Set {
			return Value[decimal.Decimal]{}
		}
		if v.At.Sheet == "" {
			v.At = row.Self.At
		}
		v.V = v.V.Add(row.Self.V.Mul(r.byTask[t]).Div(r.total))
	}
	return v
}

// missingSelf raises DF507 for a base indicator whose manual part has no
// self-score (adjustments 14–17 left blank simply mean none).
func (r *run) missingSelf(no int, task string) {
	if no > 13 {
		return
	}
	row := r.self[no]
	what := fmt.Sprintf("指标%d“%s”", no, indicatorDefs[no-1].Name)
	if task != "" {
		what += "（" + task + "任务）"
	}
	rs := refs(row.Self.At, row.No.At)
	var missing string
	if len(rs) == 0 {
		rs = []Ref{{Sheet: sheetScores}}
		missing = "自评打分工作表没有这一指标的行"
	} else {
		missing = "自评得分为空" + at(rs[0])
	}
	r.add(Finding{Code: CodeMissingSelf, Severity: Error, Refs: rs,
		Message:    what + "需要人工评分，但" + missing + "，人工部分按0分计",
		Suggestion: "在自评打分中填写该指标的得分"})
}

// declared fills SelfTotal and checks the total, normalised score and grade
// the county declares against its own rows (RULES.md reading 6).
func (r *run) declared(rep *Report) {
	info := &r.wb.Info
	selfBase, selfAdj, naMax := zero, zero, zero
	any := false
	for _, in := range rep.Indicators {
		if in.Method == NotApplicable {
			naMax = naMax.Add(in.Max)
			continue
		}
		if !in.Self.Set {
			continue
		}
		any = true
		if in.No <= 13 {
			selfBase = selfBase.Add(in.Self.V)
		} else {
			selfAdj = selfAdj.Add(in.Self.V)
		}
	}
	adj := clampAdjust(selfAdj)
	withAdj := selfBase.Add(adj)
	switch {
	case info.DeclaredScore.Set:
		rep.SelfTotal = info.DeclaredScore
	case any:
		rep.SelfTotal = Value[decimal.Decimal]{V: withAdj, Set: true}
	}
	if d := info.DeclaredScore; d.Set && !sameMoney(d.V, selfBase) && !sameMoney(d.V, withAdj) {
		sum := fmt.Sprintf("%s分（不含加减分）或%s分（含加减分%s）", pts(selfBase), pts(withAdj), signed(adj))
		if adj.IsZero() {
			sum = pts(selfBase) + "分（加减分合计为0）"
		}
		r.add(Finding{Code: CodeDeclaredScore, Severity: Error, Refs: refs(d.At),
			Message: fmt.Sprintf("基本信息“申报总分”%s填写%s分，自评打分各行合计%s",
				at(d.At), pts(d.V), sum),
			Suggestion: "按自评打分各行重新合计"})
	}

	denom := hundred.Sub(naMax)
	selfNorm := normalize(selfBase, denom)
	expected := selfNorm.Add(adj)
	ours := fmt.Sprintf("（按核算得分：%s）", rep.Normalization)
	if d := info.DeclaredNormalized; d.Set && !sameMoney(d.V, expected) && !sameMoney(d.V, selfNorm) {
		scaled := normalize(withAdj, denom)
		plus := ""
		if !adj.IsZero() {
			plus = signed(adj)
		}
		right := fmt.Sprintf("%s÷%s×100%s=%s", pts(selfBase), denom, plus, pts(expected))
		if denom.Equal(hundred) {
			right = fmt.Sprintf("%s%s=%s", pts(selfBase), plus, pts(expected))
		}
		if !denom.Equal(hundred) && !adj.IsZero() && sameMoney(d.V, scaled) {
			r.add(Finding{Code: CodeScaledAdjustments, Severity: Error, Refs: refs(d.At),
				Message: fmt.Sprintf("基本信息“申报折算得分”%s填写%s分，是把加减分一起折算：(%s%s)÷%s×100=%s；加减分应在折算后相加，按自评各行应为%s%s",
					at(d.At), pts(d.V), pts(selfBase), signed(adj), denom, pts(scaled), right, ours),
				Suggestion: "折算得分=基础得分÷适用指标满分×100+加减分"})
		} else {
			r.add(Finding{Code: CodeDeclaredNormal, Severity: Error, Refs: refs(d.At),
				Message:    fmt.Sprintf("基本信息“申报折算得分”%s填写%s分，按自评各行应为%s%s", at(d.At), pts(d.V), right, ours),
				Suggestion: "按自评打分各行重新折算"})
		}
	}

	if g := info.DeclaredGrade; g.Set {
		want := r.p.grade(expected)
		got, ok := readGrade(g.V)
		switch {
		case !ok:
			r.add(Finding{Code: CodeDeclaredGrade, Severity: Error, Refs: refs(g.At),
				Message:    fmt.Sprintf("基本信息“申报等级”%s填写“%s”，无法识别（应为A至D或优、良、中、差）；按自评各行应为%s", at(g.At), g.V, want),
				Suggestion: "填写A、B、C、D或优、良、中、差"})
		case got != want:
			r.add(Finding{Code: CodeDeclaredGrade, Severity: Error, Refs: refs(g.At),
				Message: fmt.Sprintf("基本信息“申报等级”%s填写“%s”（%s），按自评各行最终得分%s分应为%s；按核算得分%s分为%s",
					at(g.At), g.V, got, pts(expected), want, pts(rep.Final), rep.Grade),
				Suggestion: "按最终得分改正申报等级"})
		}
	}
}

// readGrade reads A–D or 优 / 良 / 中 / 差 (with or without 级, 秀, 好 …).
func readGrade(s string) (string, bool) {
	s = strings.ToUpper(strings.TrimSpace(normalName(s)))
	for _, g := range []struct{ prefix, grade string }{
		{"A", "A"}, {"B", "B"}, {"C", "C"}, {"D", "D"},
		{"优", "A"}, {"良", "B"}, {"中", "C"}, {"差", "D"},
	} {
		if strings.HasPrefix(s, g.prefix) {
			return g.grade, true
		}
	}
	return "", false
}
