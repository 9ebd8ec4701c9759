package sheets

import (
	"strings"
	"testing"
)

// TestScoreChart: the chart covers the rows it is asked for, is anchored
// where asked, and is drawn once for each set of rows.
func TestScoreChart(t *testing.T) {
	a, err := scoreChart(SheetVerdict, 14, 31, 37)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"&#39;审核结论&#39;!$D$14<", "&#39;审核结论&#39;!$A$15:$A$31<", "&#39;审核结论&#39;!$E$15:$E$31<"} {
		if !strings.Contains(string(a.Chart), want) {
			t.Errorf("chart lacks %s", want)
		}
	}
	if !strings.Contains(string(a.Drawing), "<xdr:from><xdr:col>0</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>36</xdr:row>") {
		t.Errorf("chart not anchored at A37: %s", a.Drawing)
	}
	again, err := scoreChart(SheetVerdict, 14, 31, 37)
	if err != nil {
		t.Fatal(err)
	}
	if again != a {
		t.Error("the same chart was drawn twice")
	}
	b, err := scoreChart("审核结论(2)", 15, 32, 38)
	if err != nil {
		t.Fatal(err)
	}
	if b == a || !strings.Contains(string(b.Chart), "&#39;审核结论(2)&#39;!$A$16:$A$32<") {
		t.Errorf("another sheet and rows give the same chart, or a wrong one: %s", b.Chart)
	}
}
