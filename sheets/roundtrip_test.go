package sheets

import (
	"fmt"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"fundcheck/checker"
	"fundcheck/internal/sample"

	"github.com/shopspring/decimal"
)

var (
	refType     = reflect.TypeFor[checker.Ref]()
	decimalType = reflect.TypeFor[decimal.Decimal]()
	timeType    = reflect.TypeFor[time.Time]()
)

// modelDiff lists where got differs from want, field by field: decimals by
// value (406 equals 406.00), times by instant, cell references ignored.
func modelDiff(path string, want, got reflect.Value, out *[]string) {
	switch {
	case want.Type() == refType:
		return
	case want.Type() == decimalType:
		if !want.Interface().(decimal.Decimal).Equal(got.Interface().(decimal.Decimal)) {
			*out = append(*out, fmt.Sprintf("%s = %v, want %v", path, got.Interface(), want.Interface()))
		}
		return
	case want.Type() == timeType:
		if !want.Interface().(time.Time).Equal(got.Interface().(time.Time)) {
			*out = append(*out, fmt.Sprintf("%s = %v, want %v", path, got.Interface(), want.Interface()))
		}
		return
	}
	switch want.Kind() {
	case reflect.Struct:
		for i := range want.NumField() {
			modelDiff(path+"."+want.Type().Field(i).Name, want.Field(i), got.Field(i), out)
		}
	case reflect.Slice, reflect.Array:
		if want.Len() != got.Len() {
			*out = append(*out, fmt.Sprintf("%s: %d elements, want %d", path, got.Len(), want.Len()))
			return
		}
		for i := range want.Len() {
			modelDiff(fmt.Sprintf("%s[%d]", path, i), want.Index(i), got.Index(i), out)
		}
	default:
		if !reflect.DeepEqual(want.Interface(), got.Interface()) {
			*out = append(*out, fmt.Sprintf("%s = %v, want %v", path, got.Interface(), want.Interface()))
		}
	}
}

// roundTrip writes wb and reads it back.
func roundTrip(t *testing.T, wb *checker.Workbook, opts ...WriteOption) *checker.Workbook {
	t.Helper()
	path := filepath.Join(t.TempDir(), "往返.xlsx")
	if err := WriteWorkbook(path, wb, "", opts...); err != nil {
		t.Fatal(err)
	}
	got, err := Read(path, Options{})
	if err != nil {
		t.Fatalf("reading what WriteWorkbook wrote: %v", err)
	}
	for _, p := range got.Problems {
		t.Errorf("reader: %s %v %s", p.Code, p.Refs, p.Message)
	}
	return got
}

// assertSameModel compares everything the file holds; Source names the file
// and Problems are the reader's own.
func assertSameModel(t *testing.T, want, got *checker.Workbook) {
	t.Helper()
	var diffs []string
	for _, f := range []string{"Info", "Notices", "Projects", "Payments", "Scores", "Params", "Subtotals"} {
		modelDiff(f, reflect.ValueOf(want).Elem().FieldByName(f), reflect.ValueOf(got).Elem().FieldByName(f), &diffs)
	}
	if len(diffs) > 20 {
		diffs = append(diffs[:20], fmt.Sprintf("… and %d more", len(diffs)-20))
	}
	if len(diffs) > 0 {
		t.Errorf("read back differs from what was written:\n%s", strings.Join(diffs, "\n"))
	}
}

func TestRoundTripAcheng(t *testing.T) {
	for name, opts := range map[string][]WriteOption{"category once per block": {CategoryOncePerBlock()}, "category on every row": nil} {
		t.Run(name, func(t *testing.T) {
			want := sample.Acheng()
			got := roundTrip(t, want, opts...)
			assertSameModel(t, want, got)

			byLevel := func(l checker.Level) decimal.Decimal {
				s := decimal.Zero
				for _, n := range got.Notices {
					if l == checker.LevelUnknown || n.Level.V == l {
						s = s.Add(n.Amount.V)
					}
				}
				return s
			}
			byCategory := func(c checker.Category) decimal.Decimal {
				s := decimal.Zero
				for _, p := range got.Projects {
					if p.Category.V == c {
						s = s.Add(p.Budget.V)
					}
				}
				return s
			}
			for _, c := range []struct {
				what string
				got  decimal.Decimal
				want string
			}{
				{"all funds", byLevel(checker.LevelUnknown), "4950.68"},
				{"中央", byLevel(checker.Central), "2399"},
				{"省级", byLevel(checker.Provincial), "2084"},
				{"市级", byLevel(checker.Municipal), "386"},
				{"县级", byLevel(checker.CountyLevel), "81.68"},
				{"产业类", byCategory(checker.Industry), "3082.70"},
				{"基础设施类", byCategory(checker.Infrastructure), "1808.50"},
				{"其他类", byCategory(checker.OtherCategory), "59.48"},
			} {
				if !c.got.Equal(decimal.RequireFromString(c.want)) {
					t.Errorf("%s = %s, want %s", c.what, c.got, c.want)
				}
			}

			// The writer is deterministic, so the reader's references name
			// the cells the values were written to.
			for _, c := range []struct {
				got  checker.Ref
				want string
			}{
				{got.Info.County.At, "基本信息!B3"},
				{got.Notices[0].Amount.At, "资金下达!E2"},
				{got.Projects[0].Name.At, "项目清单!B2"},
				{got.Projects[16].Budget.At, "项目清单!F19"},
				{got.Payments[0].Amount.At, "支付台账!D2"},
				{got.Scores[8].Self.At, "自评打分!D10"},
			} {
				if c.got.String() != c.want {
					t.Errorf("read from %s, want %s", c.got, c.want)
				}
			}
		})
	}
}

func TestRoundTripCounty(t *testing.T) {
	want := sample.County(11, sample.CountyOptions{Projects: 60, Payments: 400, Poverty: true})
	want.Params = []checker.Param{{Key: checker.Text{V: "等级A分数线", Set: true}, Raw: checker.Text{V: "85", Set: true},
		Num: checker.Value[decimal.Decimal]{V: decimal.NewFromInt(85), Set: true}}}
	// 合计 rows in the other two tables, after the rows they cover; the
	// reader lists subtotals in sheet order.
	total := func(tb checker.Table, n int, sum decimal.Decimal) checker.Subtotal {
		return checker.Subtotal{Table: tb, Label: checker.Text{V: "合计", Set: true}, From: 0, To: n, Amount: checker.Amount{V: sum, Set: true}}
	}
	want.Subtotals = slices.Concat(
		[]checker.Subtotal{total(checker.NoticeTable, len(want.Notices), want.Info.DeclaredTotal.V)},
		want.Subtotals,
		[]checker.Subtotal{total(checker.PaymentTable, len(want.Payments), want.Info.DeclaredSpent.V)})
	assertSameModel(t, want, roundTrip(t, want, CategoryOncePerBlock()))
}

// The blank template is a workbook with every sheet and column and no data:
// reading it gives findings about the missing 基本信息 values, not a
// rejection and not a crash.
func TestReadBlankTemplate(t *testing.T) {
	path := filepath.Join(t.TempDir(), "模板.xlsx")
	if err := WriteTemplate(path); err != nil {
		t.Fatal(err)
	}
	wb, err := Read(path, Options{})
	if err != nil {
		t.Fatalf("the blank template was rejected: %v", err)
	}
	missing := map[string]bool{}
	for _, p := range wb.Problems {
		if p.Code == checker.CodeMissingKey || p.Code == checker.CodeBlankRequired {
			missing[p.Message] = true
		}
	}
	for _, k := range infoKeys {
		if !k.required {
			continue
		}
		found := false
		for m := range missing {
			found = found || strings.Contains(m, k.key)
		}
		if !found {
			t.Errorf("no finding about the blank required key %s; findings: %v", k.key, wb.Problems)
		}
	}
	if len(wb.Notices)+len(wb.Projects)+len(wb.Payments) != 0 {
		t.Errorf("data read from the blank template: %d notices, %d projects, %d payments", len(wb.Notices), len(wb.Projects), len(wb.Payments))
	}
	if len(wb.Scores) != 17 {
		t.Errorf("%d score rows read from the template, want the 17 indicators", len(wb.Scores))
	}
}
