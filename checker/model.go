package checker

import (
	"strconv"
	"time"

	"fundcheck/internal/cellref"

	"github.com/shopspring/decimal"
)

// Ref is where a value lives in the county's workbook. Row and Col are
// 1-based; Col 0 means the whole row, Row 0 the whole sheet.
type Ref struct {
	Sheet string
	Row   int
	Col   int
}

// Cell is the A1-style address of r ("C12"), "12" for a whole row (Col 0),
// or "" when r names a whole sheet.
func (r Ref) Cell() string {
	if r.Row <= 0 {
		return ""
	}
	if r.Col <= 0 {
		return strconv.Itoa(r.Row)
	}
	return ColumnName(r.Col) + strconv.Itoa(r.Row)
}

// String is the address as a person writes it: 项目清单!C12.
func (r Ref) String() string {
	if c := r.Cell(); c != "" {
		return r.Sheet + "!" + c
	}
	return r.Sheet
}

// ColumnName turns a 1-based column number into its letters (1 → A, 27 → AA).
func ColumnName(col int) string { return cellref.Column(col) }

// Value is one field read from the workbook. Set is false when the cell was
// blank or could not be read (the reader has then recorded a finding); At is
// the cell either way, so that a finding about a missing value can still
// point at it.
type Value[T any] struct {
	V   T
	Set bool
	At  Ref
}

// Amount, Ratio and Score are all decimals; the names say what a field holds.
// Amounts are in 万元; ratios are fractions (0.6227 for 62.27%).
type (
	Amount = Value[decimal.Decimal]
	Date   = Value[time.Time]
	Flag   = Value[bool]
	Text   = Value[string]
)

// Level is the 资金级次 of an allocation.
type Level uint8

const (
	LevelUnknown Level = iota
	Central
	Provincial
	Municipal
	CountyLevel
)

var levelNames = [...]string{"", "中央", "省级", "市级", "县级"}

func (l Level) String() string { return levelNames[l] }

// Levels lists the levels in the order the method names them.
var Levels = []Level{Central, Provincial, Municipal, CountyLevel}

// Task is the 任务类型 of an allocation or project.
type Task uint8

const (
	TaskUnknown Task = iota
	TaskConsolidate
	TaskWorkRelief
	TaskMinority
	TaskForestFarm
)

var taskNames = [...]string{"", "巩固拓展脱贫攻坚成果和乡村振兴", "以工代赈", "少数民族发展", "欠发达国有林场巩固提升"}

func (t Task) String() string { return taskNames[t] }

// Tasks lists the task types in the method's order.
var Tasks = []Task{TaskConsolidate, TaskWorkRelief, TaskMinority, TaskForestFarm}

// Category is the 项目类别 of a project.
type Category uint8

const (
	CategoryUnknown Category = iota
	Industry
	Infrastructure
	OtherCategory
)

var categoryNames = [...]string{"", "产业类", "基础设施类", "其他类"}

func (c Category) String() string { return categoryNames[c] }

// Categories lists the project categories in the method's order.
var Categories = []Category{Industry, Infrastructure, OtherCategory}

// Workbook is everything read from one county's workbook.
type Workbook struct {
	// Source is the file name, for messages.
	Source string

	Info     Info
	Notices  []Notice
	Projects []Project
	Payments []Payment
	Scores   []ScoreRow
	Params   []Param

	// Subtotals are the declared 合计 / 小计 / 总计 / 资金总额 rows of the
	// three tables, in sheet order; they are checked, never counted.
	Subtotals []Subtotal

	// Problems are what the reader could not read (format findings); Check
	// copies them into the report ahead of its own findings.
	Problems []Finding
}

// Info is the 基本信息 sheet. Declared* fields are figures the county states
// in its report; each one present is checked against the data.
type Info struct {
	County, City  Text
	Year          Value[int]
	PovertyCounty Flag
	Cutoff        Date

	CountyBudget     Amount // this year's county-level budget (indicator 1); default: 县级 notices
	LastCountyBudget Amount
	LastTotal        Amount // last year's total funds (9b, 12b)
	LastSpent        Amount // spent of last year's funds by the cut-off (9b)
	LastIndustry     Amount // last year's industry project funds (12b)
	OldBalance       Amount // balance older than two years (9c)

	ProvinceAvgJul, ProvinceAvgOct Value[decimal.Decimal] // ratios (indicator 8)

	CountyPublic Flag // 县级公开 (indicator 6)

	ProblemsFound, ProblemsFixed                      Value[decimal.Decimal] // indicator 7
	HotlineIssues, HotlineHandled                     Value[decimal.Decimal]
	IncomePoor, IncomeAll                             Value[decimal.Decimal] // yuan (10b)
	GrowthPoor, GrowthAll                             Value[decimal.Decimal] // ratios (10b)
	Integrated, IntegratedSpent                       Amount                 // indicator 13
	DeclaredTotal                                     Amount
	DeclaredSpentJul, DeclaredSpentOct, DeclaredSpent Amount
	DeclaredRate                                      Value[decimal.Decimal] // ratio
	DeclaredBalance                                   Amount
	DeclaredIndustryShare                             Value[decimal.Decimal]
	DeclaredLevelShare                                [len(levelNames)]Value[decimal.Decimal] // indexed by Level
	DeclaredScore, DeclaredNormalized                 Value[decimal.Decimal]
	DeclaredGrade                                     Text
}

// Notice is one row of 资金下达: an allocation notice, or the county's own
// budget line (县级 rows have no dates).
type Notice struct {
	Level    Value[Level]
	Task     Value[Task]
	DocNo    Text
	Title    Text
	Amount   Amount
	Received Date
	Approved Date
}

// Project is one row of 项目清单.
type Project struct {
	ID       Text
	Name     Text
	Category Value[Category] // filled down from the row above when blank
	Task     Value[Task]
	Place    Text
	Budget   Amount
	// Share is a declared share of the project's category (the report writes
	// it on the first row of each category block).
	Share         Value[decimal.Decimal]
	InLibrary     Flag
	Target        Flag
	TownNotice    Flag
	VillageNotice Flag
	Labour        Amount
	LabourNotice  Flag
}

// Payment is one row of 支付台账.
type Payment struct {
	Date        Date
	ProjectID   Text
	ProjectName Text
	Amount      Amount
	Voucher     Text
	Payee       Text
}

// ScoreRow is one row of 自评打分.
type ScoreRow struct {
	No       Value[int]
	Name     Text
	Task     Value[Task] // only for indicator 11 per task
	Self     Value[decimal.Decimal]
	Evidence Text
}

// Table names the sheet a subtotal row belongs to.
type Table uint8

const (
	NoticeTable Table = iota + 1
	ProjectTable
	PaymentTable
)

// Subtotal is a declared 合计 / 小计 / 总计 / 资金总额 row. It covers the
// rows of its table with indexes [From, To) (the rows since the previous
// subtotal of the same table); Category is set when the label or the
// category cell names one ("产业类项目合计").
type Subtotal struct {
	Table    Table
	Label    Text
	Category Category
	From, To int
	Amount   Amount
	Share    Value[decimal.Decimal]
	Count    Value[int]
}

// Param is one key/value row of the optional 参数 sheet. Num is set when the
// value reads as a number or percentage; Raw keeps the text.
type Param struct {
	Key Text
	Raw Text
	Num Value[decimal.Decimal]
}
