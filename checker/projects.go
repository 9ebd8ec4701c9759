package checker

import (
	"fmt"
	"strings"

	"github.com/shopspring/decimal"
)

// Project finding codes (XM = 项目).
const (
	CodeProjectSubtotal  = "XM301"
	CodeCategoryShare    = "XM302"
	CodeCategoryCount    = "XM303"
	CodeBudgetOverFunds  = "XM304"
	CodeBudgetUnderFunds = "XM305"
	CodeDuplicateSame    = "XM306"
	CodeDuplicateName    = "XM307"
	CodeNearDuplicate    = "XM308"
	CodeNotInLibrary     = "XM309"
	CodeIndustryShare    = "XM310"
)

var projectRules = []Rule{
	{CodeProjectSubtotal, Error, "项目类别合计行与明细不符",
		"项目清单中的“产业类项目合计”等合计行应等于该类别各项目预算之和（资金总额、合计行等于全部项目之和，小计行等于其上方到上一个合计行之间的项目之和），按0.01万元比较。不一致说明项目有遗漏、重复或合计算错。所覆盖的项目中有预算资金未填或无法识别的，该合计行不核对（该单元格另有提示）。请改正。"},
	{CodeCategoryShare, Error, "项目类别资金占比与计算值不符",
		"项目清单中写在每类第一行（或合计行）的资金占比，应等于该类项目预算之和÷本年资金总额（资金下达合计），四舍五入到0.01%。请按计算值改正。"},
	{CodeCategoryCount, Error, "项目个数与明细不符",
		"合计行写明的项目个数应等于它覆盖的项目行数。请核对是否漏列或重复列了项目。"},
	{CodeBudgetOverFunds, Error, "项目预算合计超过本年资金",
		"项目清单全部项目预算之和不应超过本年收到的衔接资金（资金下达合计）：安排的钱比收到的多，说明项目重复、金额错录或混入了其他资金。有项目预算未填或无法识别时不核对（该单元格另有提示）。请核对。"},
	{CodeBudgetUnderFunds, Warning, "项目预算合计少于本年资金",
		"项目清单全部项目预算之和少于本年收到的衔接资金，说明有资金未落实到项目，或项目清单不完整。请补全项目清单，或在报告中说明未安排的资金。"},
	{CodeDuplicateSame, Error, "同一项目重复列出且金额相同",
		"项目清单中两行项目名称相同、预算金额也相同，几乎可以肯定是重复录入，会使资金合计虚增。请删除重复的一行，并核对合计。"},
	{CodeDuplicateName, Warning, "同名项目列出多次",
		"项目清单中有名称相同但金额不同的项目：可能是同一项目被重复安排资金，或一个项目被拆分。请合并为一行，或在项目名称中写明区别（如期次、资金来源）并说明理由。"},
	{CodeNearDuplicate, Warning, "项目名称几乎相同",
		"两个项目的名称只在写法上不同（全角半角、空格标点、“街道”与“街”、“镇”与“乡”、“人民政府”“办事处”等），按同一项目看待。可能是同一项目列了两次。请核对，是同一项目就合并，不是就把名称写得能区分（如期次）。名称中真正不同的词（春季/秋季、二期）不会被当作重复。"},
	{CodeNotInLibrary, Error, "项目未纳入项目库",
		"衔接资金只能用于项目库中的项目（指标4）。项目清单中“是否入库”为“否”的项目使用了衔接资金。请核实入库手续；确未入库的，按规定调整资金用途。"},
	{CodeIndustryShare, Error, "申报产业资金占比与计算值不符",
		"基本信息的“申报产业资金占比”应等于产业类项目预算之和÷本年资金总额，四舍五入到0.01%。指标12按项目清单计算的占比计分，不采用申报数。有产业类项目预算未填或类别无法识别时不核对。请按计算值改正。"},
}

// projects sums the project budgets by category and checks the project list.
func (r *run) projects() {
	ps := r.wb.Projects
	for _, p := range ps {
		c := p.Category.V
		if int(c) >= len(r.catSum) {
			c = CategoryUnknown
		}
		if !p.Budget.Set {
			r.catBlank[c]++
			continue
		}
		r.catSum[c] = r.catSum[c].Add(p.Budget.V)
		r.catCount[c]++
		r.projTotal = r.projTotal.Add(p.Budget.V)
	}
	r.blockShares()
	r.checkSubtotals(ProjectTable, sheetProjects, len(ps),
		func(i int) (decimal.Decimal, bool) { return ps[i].Budget.V, ps[i].Budget.Set },
		func(i int) Category { return ps[i].Category.V },
		CodeProjectSubtotal, CodeCategoryShare, CodeCategoryCount)

	info := &r.wb.Info
	industry := r.catSum[Industry]
	if d := info.DeclaredIndustryShare; d.Set && r.totalMissing() == "" && r.industryKnown() && !samePct(d.V, industry.Div(r.total)) {
		r.add(Finding{Code: CodeIndustryShare, Severity: Error, Refs: refs(d.At),
			Message: fmt.Sprintf("基本信息“申报产业资金占比”%s填写%s，产业类项目%s万元÷本年资金%s万元应为%s",
				at(d.At), pct(d.V), money(industry), money(r.total), pct(industry.Div(r.total))),
			Suggestion: "按计算值改正"})
	}

	if len(ps) > 0 && r.budgetsKnown() && r.amountBlank == 0 {
		totalAt := r.projectTotalAt()
		switch r.projTotal.Cmp(r.total) {
		case 1:
			if !sameMoney(r.projTotal, r.total) {
				r.add(Finding{Code: CodeBudgetOverFunds, Severity: Error, Refs: []Ref{totalAt},
					Message: fmt.Sprintf("项目清单%d个项目预算合计%s万元%s，超过本年资金（资金下达合计）%s万元，多%s万元",
						len(ps), money(r.projTotal), at(totalAt), money(r.total), money(r.projTotal.Sub(r.total))),
					Suggestion: "核对是否有重复项目或错录金额"})
			}
		case -1:
			if !sameMoney(r.projTotal, r.total) {
				r.add(Finding{Code: CodeBudgetUnderFunds, Severity: Warning, Refs: []Ref{totalAt},
					Message: fmt.Sprintf("项目清单%d个项目预算合计%s万元%s，少于本年资金（资金下达合计）%s万元，有%s万元未落实到项目",
						len(ps), money(r.projTotal), at(totalAt), money(r.total), money(r.total.Sub(r.projTotal))),
					Suggestion: "补全项目清单，或说明未安排的资金"})
			}
		}
	}

	for i, p := range ps {
		if p.InLibrary.Set && !p.InLibrary.V {
			r.add(Finding{Code: CodeNotInLibrary, Severity: Error, Refs: refs(p.InLibrary.At, p.Name.At),
				Message: fmt.Sprintf("%s“%s”的是否入库为“否”%s，衔接资金用于项目库外的项目（指标4）",
					rowOf(sheetProjects, p.Name.At, i), p.Name.V, at(p.InLibrary.At)),
				Suggestion: "核实入库手续；确未入库的，按规定调整资金用途"})
		}
	}
	r.duplicates()
}

// budgetsKnown is false when a project's budget is blank or unreadable: the
// reader has flagged that cell, and totals built on it would only repeat the
// one mistake as several.
func (r *run) budgetsKnown() bool {
	for _, n := range r.catBlank {
		if n > 0 {
			return false
		}
	}
	return true
}

// industryKnown is whether the 产业类 sum is complete: no 产业类 project
// without a budget, and no budgeted project without a readable category.
func (r *run) industryKnown() bool {
	return r.catBlank[Industry] == 0 && r.catBlank[CategoryUnknown] == 0 && r.catCount[CategoryUnknown] == 0
}

// projectTotalAt is the cell of the project list's grand total (资金总额,
// 合计 …), or the sheet when it has none.
func (r *run) projectTotalAt() Ref {
	for _, st := range r.wb.Subtotals {
		if st.Table == ProjectTable && st.Category == CategoryUnknown && !strings.Contains(st.Label.V, "小计") && st.Amount.At.Sheet != "" {
			return st.Amount.At
		}
	}
	return Ref{Sheet: sheetProjects}
}

// blockShares checks the category share the report writes on the first row
// of each category block. A share equal to the project's own share of the
// funds is accepted too: some counties write one share per project.
func (r *run) blockShares() {
	if r.totalMissing() != "" {
		return
	}
	for i, p := range r.wb.Projects {
		if !p.Share.Set || int(p.Category.V) >= len(r.catSum) || r.catBlank[p.Category.V] > 0 {
			continue
		}
		c := r.catSum[p.Category.V].Div(r.total)
		if samePct(p.Share.V, c) || (p.Budget.Set && samePct(p.Share.V, p.Budget.V.Div(r.total))) {
			continue
		}
		r.add(Finding{Code: CodeCategoryShare, Severity: Error, Refs: refs(p.Share.At),
			Message: fmt.Sprintf("%s资金占比%s填写%s，%s项目合计%s万元÷本年资金%s万元应为%s",
				rowOf(sheetProjects, p.Share.At, i), at(p.Share.At), pct(p.Share.V), p.Category.V,
				money(r.catSum[p.Category.V]), money(r.total), pct(c)),
			Suggestion: "按计算值" + pct(c) + "改正"})
	}
}

// duplicates finds projects listed twice by name, and names that are the
// same after normalisation. Grouping by map keeps it linear in the number of
// projects; groups are reported in the order of their first row.
func (r *run) duplicates() {
	ps := r.wb.Projects
	exact := map[string][]int{}
	normal := map[string][]int{}
	var exactOrder, normalOrder []string
	for i, p := range ps {
		if !p.Name.Set {
			continue
		}
		e := exactName(p.Name.V)
		if e == "" {
			continue
		}
		if _, ok := exact[e]; !ok {
			exactOrder = append(exactOrder, e)
		}
		exact[e] = append(exact[e], i)
		n := normalName(p.Name.V)
		if _, ok := normal[n]; !ok {
			normalOrder = append(normalOrder, n)
		}
		normal[n] = append(normal[n], i)
	}
	for _, e := range exactOrder {
		rows := exact[e]
		if len(rows) < 2 {
			continue
		}
		same := true
		for _, i := range rows[1:] {
			if ps[i].Budget.V.Cmp(ps[rows[0]].Budget.V) != 0 || ps[i].Budget.Set != ps[rows[0]].Budget.Set {
				same = false
			}
		}
		f := Finding{Code: CodeDuplicateName, Severity: Warning, Refs: r.nameRefs(rows),
			Message:    fmt.Sprintf("项目“%s”列出%d次：%s", ps[rows[0]].Name.V, len(rows), r.listRows(rows)),
			Suggestion: "同一项目重复安排资金或被拆分：请合并为一行，或写明区别并说明理由"}
		if same {
			f.Code, f.Severity = CodeDuplicateSame, Error
			f.Message += "，金额也相同，疑似重复录入"
			f.Suggestion = "删除重复的一行，并核对合计"
		}
		r.add(f)
	}
	for _, n := range normalOrder {
		rows := normal[n]
		names := map[string]bool{}
		for _, i := range rows {
			names[exactName(ps[i].Name.V)] = true
		}
		if len(names) < 2 {
			continue
		}
		var quoted []string
		seen := map[string]bool{}
		for _, i := range rows {
			if e := exactName(ps[i].Name.V); !seen[e] {
				seen[e] = true
				quoted = append(quoted, "“"+ps[i].Name.V+"”")
			}
		}
		r.add(Finding{Code: CodeNearDuplicate, Severity: Warning, Refs: r.nameRefs(rows),
			Message: fmt.Sprintf("项目名称%s只在写法上不同，可能是同一项目：%s",
				strings.Join(quoted, "与"), r.listRows(rows)),
			Suggestion: "是同一项目就合并为一行；不是就把名称写得能区分"})
	}
}

func (r *run) nameRefs(rows []int) []Ref {
	var rs []Ref
	for _, i := range rows {
		rs = append(rs, r.wb.Projects[i].Name.At)
	}
	return refs(rs...)
}

// listRows says where each row is and its budget: "项目清单第8行（300.00万元）、第14行（50.00万元）".
func (r *run) listRows(rows []int) string {
	var parts []string
	for _, i := range rows {
		p := r.wb.Projects[i]
		amount := "金额未填"
		if p.Budget.Set {
			amount = money(p.Budget.V) + "万元"
		}
		parts = append(parts, rowNo(p.Name.At, i)+"（"+amount+"）")
	}
	return sheetProjects + strings.Join(parts, "、")
}
