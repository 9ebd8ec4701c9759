package sheets

import (
	"math"
	"strings"

	"fundcheck/checker"

	"github.com/xuri/excelize/v2"
)

// WriteTemplate writes the blank standard workbook to path; it never
// overwrites an existing file. It is the writer of WriteWorkbook given an
// empty model: the same sheets, formats and drop-down lists, with the
// 基本信息 keys and the 17 indicators listed.
func WriteTemplate(path string) error {
	return writeModel(path, &checker.Workbook{}, "", writeConfig{})
}

// info writes 基本信息: every key of infoKeys in order with the model's value
// and a 说明 cell saying whether it is required and in what unit; section
// rows group the keys (the reader ignores them).
func (b *builder) info(in *checker.Info) error {
	w, err := b.open(SheetInfo, []float64{infoTable.columns[0].width, infoTable.columns[1].width, 40}, nil)
	if err != nil {
		return err
	}
	if err := w.sw.SetPanes(&excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}); err != nil {
		return err
	}
	req, err := b.st.id(roleHeaderRequired, 0)
	if err != nil {
		return err
	}
	opt, err := b.st.id(roleHeader, 0)
	if err != nil {
		return err
	}
	if err := w.put([]any{infoTable.columns[0].name, infoTable.columns[1].name, "说明"}, []int{req, req, opt}, 24); err != nil {
		return err
	}
	keyStyle, err := b.st.id(roleBody, 0)
	if err != nil {
		return err
	}
	noteStyle, err := b.st.id(roleNote, 0)
	if err != nil {
		return err
	}
	section, err := b.st.id(roleSection, 0)
	if err != nil {
		return err
	}
	var flags []string
	for i, k := range infoKeys {
		if title := infoSection(i); title != "" {
			if err := w.put([]any{title}, []int{section}, 0); err != nil {
				return err
			}
		}
		vs, err := b.st.id(roleBody, k.kind)
		if err != nil {
			return err
		}
		if err := w.put([]any{k.key, infoValue(k, in), infoHint(k)}, []int{keyStyle, vs, noteStyle}, 0); err != nil {
			return err
		}
		if k.kind == kindFlag {
			flags = append(flags, checker.Ref{Row: w.row, Col: 2}.Cell())
		}
	}
	if err := w.dropList(strings.Join(flags, " "), yesNoChoices); err != nil {
		return err
	}
	return w.close()
}

// infoSection is the title of the section that starts at infoKeys[i], if any:
// the county itself, the figures the scores use, the figures the county's
// report declares.
func infoSection(i int) string {
	switch {
	case i == 0:
		return "一、基本情况"
	case infoKeys[i-1].kind == kindDate:
		return "二、计分用数据"
	case strings.HasPrefix(infoKeys[i].key, "申报") && !strings.HasPrefix(infoKeys[i-1].key, "申报"):
		return "三、自评报告中的申报数据（填写的各项都会与明细数据核对，不填的不核对）"
	}
	return ""
}

func infoValue(k infoKey, in *checker.Info) any {
	switch k.kind {
	case kindText:
		return textValue(*k.text(in))
	case kindYear:
		if v := k.year(in); v.Set {
			return v.V
		}
		return nil
	case kindFlag:
		return flagValue(*k.flag(in))
	case kindDate:
		return dateValue(*k.date(in))
	}
	return numberValue(*k.number(in))
}

func infoHint(k infoKey) string {
	need := "选填"
	if k.required {
		need = "必填"
	}
	switch k.kind {
	case kindYear:
		return need + "；四位年份，如 2023"
	case kindFlag:
		return need + "；是 / 否"
	case kindDate:
		return need + "；日期，如 2023-12-25"
	case kindAmount:
		return need + "；万元，保留两位小数"
	case kindRatio:
		return need + "；百分比，如 62.27%"
	case kindNumber:
		switch {
		case strings.Contains(k.key, "（元）"):
			return need + "；元"
		case strings.HasPrefix(k.key, "申报"):
			return need + "；分数"
		}
		return need + "；个数"
	}
	if strings.Contains(k.key, "等级") {
		return need + "；A / B / C / D，或 优 / 良 / 中 / 差"
	}
	return need
}

// guideTopics are the paragraphs of 填表说明, in the order a clerk fills the
// workbook.
var guideTopics = [][2]string{
	{"用途", "本工作簿用于填报一个县（市、区）一个评价年度的衔接推进乡村振兴补助资金绩效评价数据。填好后用 fundcheck 检查：" +
		"程序按省级评价办法（黑财农〔2021〕185号）计算各项指标得分，并核对表内数字是否前后一致。本文件不会被改动。"},
	{"通用规则", "金额一律以万元为单位，保留两位小数（如 406.00）；若某列金额以元为单位，请在表头写明“（元）”，程序会换算为万元。" +
		"比例填百分数（如 62.27%）。日期可填 Excel 日期，或 2023-02-07、2023/2/7、2023.2.7、2023年2月7日、20230207。"},
	{"表头", "橙色表头的列必须填写，蓝色表头的列按实际情况填写。表头文字不要修改，列的顺序可以调整；表头上方可以有标题行（如“单位：万元”）。" +
		"带下拉箭头的单元格（资金级次、任务类型、项目类别、是/否）请从列表中选择。"},
	{"合计行", "各表可以保留合计、小计行（项目名称、文件名称或类别中含“合计”“小计”“总计”“资金总额”的行）：" +
		"程序核对它们是否等于所含各行之和，但不把它们算作项目或支付。"},
	{SheetInfo, "每行一项，在“内容”列填写，“说明”列注明是否必填和单位。评价年度：被评价资金的年度（如 2023）。" +
		"数据截止日期：支出数据统计到哪一天。“上年……”各项是上一年度的资金情况，用于预算执行率（指标9）和产业比例（指标12）。" +
		"县本级衔接资金预算不填时，按资金下达表中县级资金的合计计算；两年以上结转结余不填按0计。脱贫县请填写整合资金规模和已支出。" +
		"“申报……”各项照抄自评报告中的数字，程序逐项核对。"},
	{SheetNotices, "每个资金下达文件一行；本县（区）本级安排的资金也填一行，资金级次填县级，日期可不填。" +
		"只填评价年度的资金，即资金年度为评价年度的资金，以文号中的年份为准：上年年底提前下达的本年资金（如2022年12月收到的〔2023〕号文件）属于本年资金。" +
		"收到文件日期是本县收到文件的日期；落实到项目日期是把这笔资金分配到具体项目（批复项目资金）的日期。两者相差45天以内，指标3得满分。"},
	{SheetProjects, "每个项目一行。项目类别：同类项目连续排列时，可以只在每类的第一行填写，下面留空表示与上一行相同。" +
		"各项目预算资金的合计应等于本年资金总额。以工代赈项目请填写劳务报酬和劳务报酬公示。"},
	{SheetLedger, "每笔支付一行，不要按项目汇总：程序据此计算7月15日、10月15日和数据截止日的支出进度与预算执行率。" +
		"项目编号或项目名称要与项目清单一致；同一凭证号只应出现一次。"},
	{SheetScores, "序号和指标已填好，只填自评得分和佐证材料。第15–17项为扣分项，填负数（如 -5），没有扣分填0。" +
		"第13项只适用于脱贫县，非脱贫县留空。第11项如按任务类型分别打分，可以增加行并填写任务类型。"},
	{"参数（可选）", "计分参数默认采用黑龙江省办法。如本省、本年度的参数不同（如指标12的产业比例目标、指标3的天数、等级分数线），" +
		"可以增加一个名为“参数”的工作表，两列：参数、取值，每行一个参数；可用的参数及默认值见本页最后的参数表。被改变的参数会写在检查结果中。"},
	{"检查结果", "检查结果另存为同一文件夹中的“原文件名_审核结果.xlsx”：“审核结论”工作表给出各指标得分、总分和等级；" +
		"“问题清单”逐条列出问题及所在单元格；原工作表中有问题的单元格加了批注和底色。问题代码的含义可运行 fundcheck rules 查看。"},
}

// guide writes 填表说明: a title, note (the remark about this particular
// file, highlighted), the paragraphs of guideTopics, a table of every
// column of the table sheets with its hint, and a table of the parameters
// the optional 参数 sheet may change.
func (b *builder) guide(note string) error {
	widths := []float64{16, 16, 8, 72}
	w, err := b.open(SheetGuide, widths, nil)
	if err != nil {
		return err
	}
	title, err := b.st.id(roleTitle, 0)
	if err != nil {
		return err
	}
	if err := w.put([]any{"衔接推进乡村振兴补助资金绩效评价数据 填表说明"}, []int{title}, 26); err != nil {
		return err
	}
	paragraph := func(topic, text string, r role) error {
		ts, err := b.st.id(roleSection, 0)
		if err != nil {
			return err
		}
		ps, err := b.st.id(r, 0)
		if err != nil {
			return err
		}
		if err := w.put([]any{topic, text, nil, nil}, []int{ts, ps, ps, ps}, textHeight(text, widths[1]+widths[2]+widths[3])); err != nil {
			return err
		}
		return w.sw.MergeCell(checker.Ref{Row: w.row, Col: 2}.Cell(), checker.Ref{Row: w.row, Col: 4}.Cell())
	}
	if note != "" {
		if err := paragraph("本文件说明", note, roleHighlight); err != nil {
			return err
		}
	}
	for _, t := range guideTopics {
		if err := paragraph(t[0], t[1], roleText); err != nil {
			return err
		}
	}
	w.row++ // a blank row before the column table
	hs, err := b.st.id(roleHeader, 0)
	if err != nil {
		return err
	}
	if err := w.put([]any{"工作表", "列", "必填", "说明"}, []int{hs, hs, hs, hs}, 0); err != nil {
		return err
	}
	body, err := b.st.id(roleBody, 0)
	if err != nil {
		return err
	}
	hint, err := b.st.id(roleNote, 0)
	if err != nil {
		return err
	}
	for _, t := range []table{noticeTable, projectTable, ledgerTable, scoreTable, paramTable} {
		for _, c := range t.columns {
			need := "否"
			if c.required {
				need = "是"
			}
			if err := w.put([]any{t.sheet, c.header(), need, c.hint}, []int{body, body, body, hint}, textHeight(c.hint, widths[3])); err != nil {
				return err
			}
		}
	}
	// The parameter names are long: each takes the first two columns.
	w.row++
	if err := w.put([]any{"参数", nil, "默认值", "说明"}, []int{hs, hs, hs, hs}, 0); err != nil {
		return err
	}
	if err := w.sw.MergeCell(checker.Ref{Row: w.row, Col: 1}.Cell(), checker.Ref{Row: w.row, Col: 2}.Cell()); err != nil {
		return err
	}
	for _, p := range checker.ParamKeys() {
		if err := w.put([]any{p.Key, nil, p.Default, p.Meaning}, []int{body, body, body, hint}, textHeight(p.Meaning, widths[3])); err != nil {
			return err
		}
		if err := w.sw.MergeCell(checker.Ref{Row: w.row, Col: 1}.Cell(), checker.Ref{Row: w.row, Col: 2}.Cell()); err != nil {
			return err
		}
	}
	return w.close()
}

// textHeight is the row height (points) that shows text wrapped in a cell
// width characters wide; Chinese characters take two.
func textHeight(text string, width float64) float64 {
	n := 0
	for _, r := range text {
		if r >= 0x2E80 {
			n += 2
		} else {
			n++
		}
	}
	lines := math.Ceil(float64(n) / (width * 1.1))
	return max(lines, 1)*15 + 4
}
