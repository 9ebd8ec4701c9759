package cellref

import "testing"

func TestNames(t *testing.T) {
	for _, c := range []struct {
		row, col int
		want     string
	}{
		{1, 1, "A1"}, {12, 2, "B12"}, {3, 26, "Z3"}, {3, 27, "AA3"}, {9, 28, "AB9"},
		{1, 702, "ZZ1"}, {1, 703, "AAA1"}, {1048576, 16384, "XFD1048576"},
	} {
		if got := Cell(c.row, c.col); got != c.want {
			t.Errorf("Cell(%d, %d) = %q, want %q", c.row, c.col, got, c.want)
		}
	}
	for name, want := range map[string]string{"项目清单": "'项目清单'", "O'Brien": "'O''Brien'", "": "''"} {
		if got := QuoteSheet(name); got != want {
			t.Errorf("QuoteSheet(%q) = %s, want %s", name, got, want)
		}
	}
}
