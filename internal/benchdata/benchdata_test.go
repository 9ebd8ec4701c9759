package benchdata

import (
	"strings"
	"testing"

	"fundcheck/checker"
)

// The benchmarks count on Model making the check find each repeated voucher
// (two flagged ledger cells once written) and nothing else about the ledger.
func TestModelRepeats(t *testing.T) {
	for _, tc := range []struct{ payments, repeats int }{{200, 0}, {200, 10}, {2000, 30}} {
		rep := checker.Check(Model(50, tc.payments, tc.repeats))
		repeated := 0
		for _, f := range rep.Findings {
			switch {
			case f.Code == checker.CodeRepeatedVoucher:
				repeated++
			case strings.HasPrefix(f.Code, "TZ"):
				t.Errorf("%d payments, %d repeats: unexpected %s %s", tc.payments, tc.repeats, f.Code, f.Message)
			}
		}
		if repeated != tc.repeats {
			t.Errorf("%d payments, %d repeats: %d repeated-voucher findings", tc.payments, tc.repeats, repeated)
		}
	}
}
