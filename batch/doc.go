// Package batch checks many workbooks at once, the way fundcheck is used: it
// expands the arguments (files and folders) into workbooks, checks them
// concurrently so that one bad file never stops the others, and hands each
// result on as it finishes (Checker.Each), so that a batch of thousands of
// files keeps none of them; it prints a line per file, writes the JSON
// document as the files finish (JSONWriter), and tallies the exit status.
//
// The work of one file (read, check, write the copy) is done by the functions
// of a Checker, so the orchestration is tested without real workbooks.
package batch
