package sheets

import (
	"cmp"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"fundcheck/checker"
)

// NoteAuthor is the author of every note the copy adds.
const NoteAuthor = "fundcheck"

// Fill colours by severity: Excel's own "bad" and "neutral" cell colours,
// and a light blue that only marks a hint.
var severityFill = map[checker.Severity]string{
	checker.Error:   "FFC7CE",
	checker.Warning: "FFEB9C",
	checker.Hint:    "DDEBF7",
}

// cellNote is everything the findings say about one cell.
type cellNote struct {
	sheet    string
	row, col int
	worst    checker.Severity
	lines    []string
}

func (n *cellNote) cell() string {
	return checker.ColumnName(n.col) + strconv.Itoa(n.row)
}

// noteLine is how one finding reads in a note and in the verdict.
func noteLine(f checker.Finding) string {
	return "【" + f.Severity.String() + " " + f.Code + "】" + f.Message
}

// collectNotes gathers, per cell, the findings that name it, worst first. A
// Ref to a whole sheet or column (Row 0) has no cell to hold a note; a Ref to
// a whole row is noted on its first cell. The notes come in sheet-name, row,
// column order.
func collectNotes(r *checker.Report) []*cellNote {
	type key struct {
		sheet    string
		row, col int
	}
	byCell := map[key]*cellNote{}
	findings := slices.Clone(r.Findings)
	slices.SortStableFunc(findings, func(a, b checker.Finding) int { return cmp.Compare(a.Severity, b.Severity) })
	for _, f := range findings {
		for _, ref := range f.Refs {
			if ref.Row <= 0 || ref.Sheet == "" {
				continue
			}
			k := key{ref.Sheet, ref.Row, max(ref.Col, 1)}
			n := byCell[k]
			if n == nil {
				n = &cellNote{sheet: k.sheet, row: k.row, col: k.col, worst: f.Severity}
				byCell[k] = n
			}
			n.worst = min(n.worst, f.Severity)
			if line := noteLine(f); !slices.Contains(n.lines, line) {
				n.lines = append(n.lines, line)
			}
		}
	}
	notes := make([]*cellNote, 0, len(byCell))
	for _, n := range byCell {
		notes = append(notes, n)
	}
	slices.SortFunc(notes, func(a, b *cellNote) int {
		return cmp.Or(strings.Compare(a.sheet, b.sheet), cmp.Compare(a.row, b.row), cmp.Compare(a.col, b.col))
	})
	return notes
}

// noteSize makes the note box wide enough for a finding's line and tall
// enough for all of them (pixels; about 13 per Chinese character at 9 pt).
func noteSize(text string) (width, height int) {
	const boxWidth, lineHeight, charPx = 320, 15, 13
	perRow := (boxWidth - 10) / charPx
	rows := 0
	for line := range strings.SplitSeq(text, "\n") {
		rows += max(1, (displayWidth(line)/2+perRow-1)/perRow)
	}
	return boxWidth, min(20+rows*lineHeight, 400)
}

// displayWidth counts a wide (CJK) character as 2 and others as 1, the way
// Excel's column widths do.
func displayWidth(s string) int {
	w := 0
	for _, r := range s {
		if r >= 0x1100 && utf8.RuneLen(r) >= 3 {
			w += 2
		} else {
			w++
		}
	}
	return w
}
