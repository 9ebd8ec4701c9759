// Package examples holds the example workbooks shipped with fundcheck: the
// blank template, the Acheng 2023 report and a clean synthetic county. They
// are generated; run go generate ./... to bring them up to date.
package examples

//go:generate go run fundcheck/internal/sample/cmd/genexamples -dir .
