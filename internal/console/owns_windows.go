package console

import (
	"syscall"
	"unsafe"
)

// GetConsoleProcessList is not in golang.org/x/sys/windows.
var getConsoleProcessList = syscall.NewLazyDLL("kernel32.dll").NewProc("GetConsoleProcessList")

// OwnsConsole reports whether this process is the only one attached to its
// console: Explorer made the window for it (double-click, drag-and-drop), so
// the window closes when the process exits. Started from cmd or PowerShell,
// the shell is attached too and the count is at least 2.
func OwnsConsole() bool {
	if getConsoleProcessList.Find() != nil {
		return false
	}
	var ids [4]uint32
	n, _, _ := getConsoleProcessList.Call(uintptr(unsafe.Pointer(&ids[0])), uintptr(len(ids)))
	return n == 1
}
