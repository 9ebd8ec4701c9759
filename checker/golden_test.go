package checker_test

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fundcheck/checker"
	"fundcheck/internal/sample"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// dump writes a report the way a reviewer reads it: the indicator table,
// the totals and every finding with its cells.
func dump(rep *checker.Report) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s %s %d 脱贫县=%v\n", rep.City, rep.County, rep.Year, rep.Poverty)
	for _, in := range rep.Indicators {
		self := "—"
		if in.Self.Set {
			self = in.Self.V.String()
		}
		fmt.Fprintf(&b, "%2d %s 满分%s 得分%s 自评%s [%s] %s\n", in.No, in.Name, in.Max, in.Score, self, in.Method, in.Basis)
	}
	fmt.Fprintf(&b, "基础%s 折算%s 加减%s 最终%s 等级%s 自评总分%v\n%s\n", rep.Base, rep.Normalized, rep.Adjustment,
		rep.Final, rep.Grade, rep.SelfTotal.V, rep.Normalization)
	for _, o := range rep.Overrides {
		fmt.Fprintf(&b, "参数 %s\n", o)
	}
	for _, f := range rep.Findings {
		fmt.Fprintf(&b, "%s %s %v %s", f.Code, f.Severity, f.Refs, f.Message)
		if f.Suggestion != "" {
			fmt.Fprintf(&b, " → %s", f.Suggestion)
		}
		b.WriteString("\n")
	}
	return b.String()
}

func TestGolden(t *testing.T) {
	for _, c := range []struct {
		name string
		wb   func() *checker.Workbook
	}{
		{"acheng", sample.Acheng},
		{"county", func() *checker.Workbook { return county(20, 200, true) }},
		{"county_all_wrong", func() *checker.Workbook {
			wb := county(20, 200, false)
			for _, fc := range findingCases {
				if fc.fire {
					fc.mut(wb)
				}
			}
			return wb
		}},
	} {
		t.Run(c.name, func(t *testing.T) {
			got := dump(checker.Check(c.wb()))
			path := filepath.Join("testdata", c.name+".golden")
			if *update {
				if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run go test -update to create it)", err)
			}
			if got != string(want) {
				t.Errorf("report differs from %s (go test -update rewrites it after review):\n%s", path, got)
			}
		})
	}
}
