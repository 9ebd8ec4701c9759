package sheets

import (
	"testing"

	"fundcheck/checker"
)

func TestMatchLevel(t *testing.T) {
	tests := []struct {
		in   string
		want checker.Level
		ok   bool
	}{
		{"中央", checker.Central, true},
		{"中央财政衔接推进乡村振兴补助资金", checker.Central, true},
		{"省级", checker.Provincial, true},
		{"省", checker.Provincial, true},
		{"省级财政", checker.Provincial, true},
		{"黑龙江省财政厅", checker.Provincial, true},
		{"市级", checker.Municipal, true},
		{"市", checker.Municipal, true},
		{"市本级", checker.Municipal, true},
		{"县级", checker.CountyLevel, true},
		{"区级", checker.CountyLevel, true},
		{"县本级", checker.CountyLevel, true},
		{"区本级", checker.CountyLevel, true},
		{"本级", checker.CountyLevel, true},
		{"阿城区本级", checker.CountyLevel, true},
		{" 县 级 ", checker.CountyLevel, true},
		{"乡镇", checker.LevelUnknown, false},
		{"其他", checker.LevelUnknown, false},
	}
	for _, tt := range tests {
		got, ok := matchLevel(tt.in)
		if got != tt.want || ok != tt.ok {
			t.Errorf("matchLevel(%q) = %v, %v; want %v, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
}

func TestMatchTask(t *testing.T) {
	tests := []struct {
		in   string
		want checker.Task
		ok   bool
	}{
		{"巩固拓展脱贫攻坚成果和乡村振兴", checker.TaskConsolidate, true},
		{"巩固拓展", checker.TaskConsolidate, true},
		{"衔接推进乡村振兴", checker.TaskConsolidate, true},
		{"以工代赈", checker.TaskWorkRelief, true},
		{"以工代赈任务", checker.TaskWorkRelief, true},
		{"少数民族发展", checker.TaskMinority, true},
		{"少数民族", checker.TaskMinority, true},
		{"中央财政衔接推进乡村振兴补助资金（少数民族发展任务）", checker.TaskMinority, true},
		{"欠发达国有林场巩固提升", checker.TaskForestFarm, true},
		{"国有林场", checker.TaskForestFarm, true},
		{"教育", checker.TaskUnknown, false},
	}
	for _, tt := range tests {
		got, ok := matchTask(tt.in)
		if got != tt.want || ok != tt.ok {
			t.Errorf("matchTask(%q) = %v, %v; want %v, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
}

func TestMatchCategory(t *testing.T) {
	tests := []struct {
		in   string
		want checker.Category
		ok   bool
	}{
		{"产业类", checker.Industry, true},
		{"产业", checker.Industry, true},
		{"产业发展", checker.Industry, true},
		{"产业类项目", checker.Industry, true},
		{"基础设施类", checker.Infrastructure, true},
		{"基础设施", checker.Infrastructure, true},
		{"基础设施类项目", checker.Infrastructure, true},
		{"其他类", checker.OtherCategory, true},
		{"其他", checker.OtherCategory, true},
		{"其它类项目", checker.OtherCategory, true},
		{"交通类", checker.CategoryUnknown, false},
	}
	for _, tt := range tests {
		got, ok := matchCategory(tt.in)
		if got != tt.want || ok != tt.ok {
			t.Errorf("matchCategory(%q) = %v, %v; want %v, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
}

func TestMatchYesNo(t *testing.T) {
	yes := []string{"是", "是的", "有", "已入库", "√", "✓", "Y", "y", "yes", "TRUE", "1", "Ｙ"}
	no := []string{"否", "无", "未入库", "不是", "没有", "×", "N", "no", "FALSE", "0", "非脱贫县"}
	for _, s := range yes {
		if v, ok := matchYesNo(s); !ok || !v {
			t.Errorf("matchYesNo(%q) = %v, %v; want true", s, v, ok)
		}
	}
	for _, s := range no {
		if v, ok := matchYesNo(s); !ok || v {
			t.Errorf("matchYesNo(%q) = %v, %v; want false", s, v, ok)
		}
	}
	for _, s := range []string{"可能", "待定", "2"} {
		if _, ok := matchYesNo(s); ok {
			t.Errorf("matchYesNo(%q) placed an unknown word", s)
		}
	}
}

func TestSubtotalLabel(t *testing.T) {
	for _, s := range []string{"合计", "产业类项目合计", "小计", "总 计", "资金总额"} {
		if !isSubtotalLabel(s) {
			t.Errorf("isSubtotalLabel(%q) = false", s)
		}
	}
	for _, s := range []string{"2023年秋季雨露计划补助项目", "总额度"} {
		if isSubtotalLabel(s) {
			t.Errorf("isSubtotalLabel(%q) = true", s)
		}
	}
}
