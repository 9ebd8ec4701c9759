package xlsx

import "testing"

func TestAppendText(t *testing.T) {
	tests := []struct{ in, want string }{
		{"plain 中文", "plain 中文"},
		{"&amp;&lt;&gt;&quot;&apos;", `&<>"'`},
		{"&#20013;&#x6587;&#X41;", "中文A"},
		{"a&b &unknown; &#; &#x; &#xZZ; &#0; &#xD800; &#99999999999;", "a&b &unknown; &#; &#x; &#xZZ; &#0; &#xD800; &#99999999999;"},
		{"&amp", "&amp"},
		{"a\r\nb\rc\n", "a\nb\nc\n"},
		{"&#13;&#10;", "\r\n"},
	}
	for _, tt := range tests {
		if got := string(appendText(nil, []byte(tt.in))); got != tt.want {
			t.Errorf("appendText(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestAppendUnescaped(t *testing.T) {
	tests := []struct{ in, want string }{
		{"no escapes", "no escapes"},
		{"a_x000D_b", "a\rb"},
		{"_x005F_x0041_", "_x0041_"},
		{"_x4e2d__x6587_", "中文"},
		{"_xD800_", ""},
		{"_x00G1_ _x41_ _x", "_x00G1_ _x41_ _x"},
	}
	for _, tt := range tests {
		if got := string(appendUnescaped(nil, []byte(tt.in))); got != tt.want {
			t.Errorf("appendUnescaped(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestParseRef(t *testing.T) {
	tests := []struct {
		in       string
		col, row int
		ok       bool
	}{
		{"A1", 1, 1, true}, {"b12", 2, 12, true}, {"$AA$100", 27, 100, true}, {"XFD1048576", 16384, 1048576, true},
		{"XFE1", 0, 0, false}, {"A1048577", 0, 0, false}, {"C", 3, 0, true}, {"7", 0, 7, true},
		{"", 0, 0, false}, {"1A", 0, 0, false}, {"A1 ", 0, 0, false}, {"A-1", 0, 0, false},
	}
	for _, tt := range tests {
		col, row, ok := parseRef([]byte(tt.in))
		if col != tt.col || row != tt.row || ok != tt.ok {
			t.Errorf("parseRef(%q) = %d, %d, %v; want %d, %d, %v", tt.in, col, row, ok, tt.col, tt.row, tt.ok)
		}
	}
}
