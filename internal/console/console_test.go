package console

import (
	"bytes"
	"strings"
	"testing"
)

func TestPauseWaitsForOneLine(t *testing.T) {
	tests := []struct{ name, in string }{
		{"enter", "\nrest"},
		{"end of input", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var out bytes.Buffer
			in := strings.NewReader(tt.in)
			Pause(in, &out)
			if !strings.Contains(out.String(), "按回车键退出") {
				t.Errorf("prompt missing: %q", out.String())
			}
		})
	}
}

func TestOwnsConsoleOutsideWindows(t *testing.T) {
	// Under go test the process never owns a console window of its own:
	// on Windows the test binary shares the console with go and the shell.
	if OwnsConsole() {
		t.Error("OwnsConsole() = true under go test")
	}
}
