package sheets

import (
	"fmt"
	"regexp"

	"fundcheck/checker"
)

// enumeration is a numbering in front of a key: "1.", "2、", "（3）".
var enumeration = regexp.MustCompile(`^(\d+[.、．]|[（(]\d+[)）])`)

// infoKeyName is a 基本信息 key as it is compared, and its unit.
func infoKeyName(s string) (name, unit string) {
	name, unit = normalizeHeader(s)
	return enumeration.ReplaceAllString(name, ""), unit
}

var countUnits = []string{"个", "件", "项", "起", "条", "元", "分"}

func (rd *reader) readInfo(src rowSource, sheet string) (*tableScan, error) {
	info := &rd.wb.Info
	sheetRef := checker.Ref{Sheet: sheet}
	for _, k := range infoKeys {
		setInfoRef(info, k, sheetRef)
	}
	byName := map[string]int{}
	for i, k := range infoKeys {
		name, _ := infoKeyName(k.key)
		byName[name] = i
	}
	seen := make([]bool, len(infoKeys))
	s, err := scanTable(src, sheet, infoTable, func(r dataRow) {
		keyCell := r.field("项目")
		if keyCell.blank() || keyCell.c.typ != cellText {
			return
		}
		name, unit := infoKeyName(keyCell.c.value)
		i, ok := byName[name]
		if !ok || seen[i] {
			return
		}
		seen[i] = true
		k := infoKeys[i]
		_, wantUnit := infoKeyName(k.key)
		v := r.field("内容")
		v.what = k.key
		if k.kind == kindAmount && wantUnit == "万元" && unit == "元" {
			v.yuan = true
			rd.problem(checker.CodeYuanConverted, keyCell.ref,
				fmt.Sprintf("%s“%s”的单位是（元），已按÷10000换算为万元", keyCell.ref.String(), name),
				"如果单位写错，请改正项目名称中的单位")
		}
		rd.infoValue(info, k, v)
		if k.required {
			rd.require(v)
		}
	})
	if err != nil || s.header == 0 {
		return s, err
	}
	for i, k := range infoKeys {
		if k.required && !seen[i] {
			rd.problem(checker.CodeMissingKey, sheetRef,
				fmt.Sprintf("基本信息缺少必需的项目“%s”（工作表“%s”的“项目”列中没有这一行）", k.key, sheet),
				"请在基本信息中补上“"+k.key+"”及其内容")
		}
	}
	return s, nil
}

// setInfoRef points every field of k at ref, so that a finding about a key
// that is absent still names the sheet.
func setInfoRef(info *checker.Info, k infoKey, ref checker.Ref) {
	switch {
	case k.text != nil:
		k.text(info).At = ref
	case k.year != nil:
		k.year(info).At = ref
	case k.flag != nil:
		k.flag(info).At = ref
	case k.date != nil:
		k.date(info).At = ref
	case k.number != nil:
		k.number(info).At = ref
	}
}

// infoValue reads the value of key k into info.
func (rd *reader) infoValue(info *checker.Info, k infoKey, v cellValue) {
	switch k.kind {
	case kindText:
		*k.text(info) = rd.text(v)
	case kindYear:
		*k.year(info) = rd.integer(v, 1900, 9999, "年份，如 2023", "年", "年度")
	case kindFlag:
		*k.flag(info) = rd.flag(v)
	case kindDate:
		*k.date(info) = rd.date(v)
	case kindAmount:
		*k.number(info) = rd.amount(v)
	case kindRatio:
		*k.number(info) = rd.ratio(v)
	case kindNumber:
		*k.number(info) = rd.number(v, "数字", countUnits...)
	}
}
