// Command fundcheck checks a county's 衔接推进乡村振兴补助资金 performance
// evaluation workbook and writes an annotated copy beside it.
package main

import (
	"os"

	"fundcheck/internal/app"
	"fundcheck/internal/gctune"
)

// version is set at release builds with -ldflags "-X main.version=…".
var version = "dev"

func main() {
	gctune.Apply()
	os.Exit(app.Run(os.Args, app.OS(version)))
}
