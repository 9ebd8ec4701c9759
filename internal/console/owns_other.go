//go:build !windows

package console

// OwnsConsole is always false outside Windows: a terminal window there
// belongs to the shell and outlives the program.
func OwnsConsole() bool { return false }
