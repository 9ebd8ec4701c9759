// Package console knows how fundcheck was started: from a shell, or by a
// double-click or a drag-and-drop onto fundcheck.exe on Windows, where the
// console window closes the moment the program ends and the user would never
// see the results unless the program waits for Enter.
package console

import (
	"bufio"
	"fmt"
	"io"
	"os"

	"golang.org/x/term"
)

// IsTerminal reports whether f is an interactive terminal, where a progress
// line rewritten in place makes sense.
func IsTerminal(f *os.File) bool { return term.IsTerminal(int(f.Fd())) }

// Pause asks the user to press Enter and waits for it (or for the end of in).
func Pause(in io.Reader, out io.Writer) {
	fmt.Fprint(out, "按回车键退出")
	bufio.NewReader(in).ReadString('\n')
	fmt.Fprintln(out)
}
