// Package batch checks many workbooks at once, the way fundcheck is used: it
// expands the arguments (files and folders) into workbooks, checks them
// concurrently so that one bad file never stops the others, prints a line per
// file as it finishes, writes the JSON document, and decides the exit status.
//
// The work of one file (read, check, write the copy) is done by the functions
// of a Checker, so the orchestration is tested without real workbooks.
package batch
