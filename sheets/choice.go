package sheets

import (
	"strings"

	"fundcheck/checker"
)

// The matchers below read a value of a closed set the way counties write
// it. Each takes text already known not to be blank and reports ok=false
// when it cannot place it.

// matchLevel reads a 资金级次: 中央, 省级, 市级, 县级 and what counties
// write instead (中央财政…, 省, 市本级, 区级, 县本级, 区本级, 本级).
func matchLevel(s string) (checker.Level, bool) {
	s = removeSpace(foldWidth(s))
	for _, p := range []struct {
		prefix string
		level  checker.Level
	}{
		{"中央", checker.Central},
		{"省", checker.Provincial},
		{"市", checker.Municipal},
		{"县", checker.CountyLevel},
		{"区", checker.CountyLevel},
		{"旗", checker.CountyLevel},
		{"本级", checker.CountyLevel},
	} {
		if strings.HasPrefix(s, p.prefix) {
			return p.level, true
		}
	}
	// A longer name: 黑龙江省财政厅…, 哈尔滨市级…, 阿城区本级.
	for _, c := range []struct {
		word  string
		level checker.Level
	}{
		{"中央", checker.Central},
		{"省级", checker.Provincial},
		{"市级", checker.Municipal},
		{"县级", checker.CountyLevel},
		{"区级", checker.CountyLevel},
		{"本级", checker.CountyLevel},
		{"省", checker.Provincial},
		{"市", checker.Municipal},
	} {
		if strings.Contains(s, c.word) {
			return c.level, true
		}
	}
	return checker.LevelUnknown, false
}

// matchTask reads a 任务类型, full name or short form (巩固拓展, 以工代赈,
// 少数民族, 国有林场). Blank cells mean 巩固拓展… and never reach it.
func matchTask(s string) (checker.Task, bool) {
	s = removeSpace(foldWidth(s))
	for _, c := range []struct {
		word string
		task checker.Task
	}{
		{"以工代赈", checker.TaskWorkRelief},
		{"少数民族", checker.TaskMinority},
		{"民族", checker.TaskMinority},
		{"林场", checker.TaskForestFarm},
		{"巩固", checker.TaskConsolidate},
		{"乡村振兴", checker.TaskConsolidate},
		{"脱贫", checker.TaskConsolidate},
		{"衔接", checker.TaskConsolidate},
	} {
		if strings.Contains(s, c.word) {
			return c.task, true
		}
	}
	return checker.TaskUnknown, false
}

// matchCategory reads a 项目类别: 产业类 (产业, 产业发展, 产业类项目),
// 基础设施类 (基础设施, 基础设施类项目), 其他类 (其他, 其它, 其他类项目).
func matchCategory(s string) (checker.Category, bool) {
	s = removeSpace(foldWidth(s))
	for _, p := range []struct {
		prefix   string
		category checker.Category
	}{
		{"产业", checker.Industry},
		{"基础", checker.Infrastructure},
		{"其他", checker.OtherCategory},
		{"其它", checker.OtherCategory},
	} {
		if strings.HasPrefix(s, p.prefix) {
			return p.category, true
		}
	}
	return checker.CategoryUnknown, false
}

var (
	yesWords = map[string]bool{"√": true, "✓": true, "✔": true, "☑": true, "Y": true, "YES": true, "TRUE": true, "T": true, "1": true, "对": true}
	noWords  = map[string]bool{"×": true, "✗": true, "✘": true, "☒": true, "X": true, "N": true, "NO": true, "FALSE": true, "F": true, "0": true, "错": true}
)

// matchYesNo reads 是 / 否 and their everyday forms: 有/无, 已/未, √/×,
// Y/N, TRUE/FALSE (a boolean cell reads 1/0), 是的, 不是, 没有.
func matchYesNo(s string) (bool, bool) {
	s = strings.ToUpper(removeSpace(foldWidth(s)))
	switch {
	case yesWords[s]:
		return true, true
	case noWords[s]:
		return false, true
	}
	for _, p := range []string{"否", "无", "未", "不", "没", "非"} {
		if strings.HasPrefix(s, p) {
			return false, true
		}
	}
	for _, p := range []string{"是", "有", "已"} {
		if strings.HasPrefix(s, p) {
			return true, true
		}
	}
	return false, false
}

// subtotalMarks make a row a declared subtotal. Each holds 计 or 额:
// isSubtotalLabel looks for those first.
var subtotalMarks = []string{"合计", "小计", "总计", "资金总额"}

func isSubtotalLabel(s string) bool {
	// Every text cell of a table is asked: text with neither 计 nor 额
	// names no mark, however its spaces fall.
	if !strings.Contains(s, "计") && !strings.Contains(s, "额") {
		return false
	}
	s = removeSpace(s)
	for _, m := range subtotalMarks {
		if strings.Contains(s, m) {
			return true
		}
	}
	return false
}
