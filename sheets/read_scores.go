package sheets

import (
	"time"

	"fundcheck/checker"

	"github.com/shopspring/decimal"
)

// indicatorCount is how many indicators the method scores.
const indicatorCount = 17

func (rd *reader) readScores(src rowSource, sheet string) (*tableScan, error) {
	return scanTable(src, sheet, scoreTable, func(r dataRow) {
		no := r.field("序号")
		// Section rows ("（一）资金保障") and the 合计 row carry no
		// indicator number; the declared total is 基本信息 申报总分.
		if no.blank() {
			return
		}
		if _, _, _, ok := rd.numeric(no); !ok {
			return
		}
		row := checker.ScoreRow{
			No:       rd.integer(no, 1, indicatorCount, "指标序号 1–17"),
			Name:     rd.text(r.field("指标")),
			Task:     rd.task(r.field("任务类型"), false),
			Self:     rd.number(r.field("自评得分"), "分数，如 8 或 8.34（指标15–17填负数或0）", "分"),
			Evidence: rd.text(r.field("佐证材料")),
		}
		rd.wb.Scores = append(rd.wb.Scores, row)
	})
}

func (rd *reader) readParams(src rowSource, sheet string) (*tableScan, error) {
	return scanTable(src, sheet, paramTable, func(r dataRow) {
		key := r.field("参数")
		if key.blank() {
			return
		}
		v := r.field("取值")
		p := checker.Param{Key: rd.text(key), Raw: rd.text(v), Num: checker.Value[decimal.Decimal]{At: v.ref}}
		switch {
		case v.blank():
		case v.c.typ == cellNumber && v.c.format == formatDate:
			// A checkpoint such as 07-15 that the spreadsheet made a date.
			if d := rd.date(v); d.Set {
				p.Raw.V = d.V.Format(time.DateOnly)
			}
		default:
			if d, _, _, ok := rd.numeric(v, numberUnits...); ok {
				p.Num.V, p.Num.Set = d, true
			}
		}
		rd.wb.Params = append(rd.wb.Params, p)
	})
}
