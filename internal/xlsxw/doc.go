// Package xlsxw writes small .xlsx workbooks by hand: a few sheets of styled
// text and numbers with merged ranges, row heights, column widths, links to
// cells, frozen header rows, print settings and, optionally, one chart each.
//
// It exists for the two sheets the annotated copy adds to every county
// workbook. excelize builds them through its general model of a workbook and
// encoding/xml, which cost six times as much as the rest of the copy; writing
// the same XML directly costs almost nothing. What it cannot write itself it
// takes as bytes: the styles part (the caller builds it once, with excelize)
// and a chart with its drawing.
//
// Text is always written as text, never as a formula, and is made safe for
// XML and for Excel: characters XML cannot carry become U+FFFD, a literal
// "_x0041_" stays literal, and text beyond Excel's 32,767 characters is cut.
// Excel's other limits hold too: a row or column outside its grid fails the
// write, and links past the 65,530 a sheet may have are not written.
package xlsxw
