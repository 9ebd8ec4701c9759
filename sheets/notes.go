package sheets

import (
	"cmp"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"fundcheck/checker"

	"github.com/xuri/excelize/v2"
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

// markCells gives every noted cell of an existing sheet the fill of its
// worst finding and a note holding all its findings.
func markCells(f *excelize.File, notes []*cellNote) error {
	fills := fillCache{f: f, ids: map[[2]int]int{}}
	for i := 0; i < len(notes); {
		sheet, j := notes[i].sheet, i
		for j < len(notes) && notes[j].sheet == sheet {
			j++
		}
		group := notes[i:j]
		i = j
		if idx, _ := f.GetSheetIndex(sheet); idx < 0 {
			continue
		}
		for _, n := range group {
			if err := fills.apply(sheet, n.cell(), n.worst); err != nil {
				return err
			}
		}
		if err := writeNotes(f, sheet, group); err != nil {
			return err
		}
	}
	return nil
}

// writeNotes adds the notes of one sheet. The sheet's own notes are taken
// out and put back with them: excelize finds the drawing of a note to
// delete by its box's position, which may be another cell's, so every note
// of the sheet is drawn anew (repairNotes has removed the old drawings). A
// cell with a note of its own keeps it, with the findings added below.
func writeNotes(f *excelize.File, sheet string, notes []*cellNote) error {
	old, err := f.GetComments(sheet)
	if err != nil {
		return err
	}
	own := make(map[string]excelize.Comment, len(old))
	for _, c := range old {
		if err := f.DeleteComment(sheet, c.Cell); err != nil {
			return err
		}
		own[c.Cell] = c
	}
	noted := make(map[string]bool, len(notes))
	for _, n := range notes {
		noted[n.cell()] = true
	}
	for _, c := range old {
		if noted[c.Cell] {
			continue
		}
		if c.Author == "" {
			c.Author = NoteAuthor
		}
		if err := f.AddComment(sheet, excelize.Comment{Cell: c.Cell, Author: c.Author, Text: c.Text, Paragraph: c.Paragraph}); err != nil {
			return err
		}
	}
	for _, n := range notes {
		text := strings.Join(n.lines, "\n")
		c := excelize.Comment{Cell: n.cell(), Author: NoteAuthor, Paragraph: []excelize.RichTextRun{
			{Text: NoteAuthor + "：\n", Font: &excelize.Font{Bold: true, Size: 9}},
			{Text: text, Font: &excelize.Font{Size: 9}},
		}}
		if o, ok := own[c.Cell]; ok {
			c = mergedComment(o, text)
		}
		c.Width, c.Height = noteSize(c)
		if err := f.AddComment(sheet, c); err != nil {
			return err
		}
	}
	return nil
}

// mergedComment is the county's own note on a cell with the findings added
// after it: a cell holds one note only.
func mergedComment(old excelize.Comment, text string) excelize.Comment {
	c := excelize.Comment{Cell: old.Cell, Author: old.Author}
	if c.Author == "" {
		c.Author = NoteAuthor
	}
	if old.Text != "" {
		c.Paragraph = append(c.Paragraph, excelize.RichTextRun{Text: old.Text, Font: &excelize.Font{Size: 9}})
	}
	c.Paragraph = append(c.Paragraph, old.Paragraph...)
	c.Paragraph = append(c.Paragraph,
		excelize.RichTextRun{Text: "\n" + NoteAuthor + "：\n", Font: &excelize.Font{Bold: true, Size: 9}},
		excelize.RichTextRun{Text: text, Font: &excelize.Font{Size: 9}})
	return c
}

// noteSize makes the note box wide enough for a finding's line and tall
// enough for all of them (pixels; about 13 per Chinese character at 9 pt).
func noteSize(c excelize.Comment) (width, height uint) {
	const boxWidth, lineHeight, charPx = 320, 15, 13
	perRow := (boxWidth - 10) / charPx
	rows := 0
	var all strings.Builder
	all.WriteString(c.Text)
	for _, r := range c.Paragraph {
		all.WriteString(r.Text)
	}
	for line := range strings.SplitSeq(all.String(), "\n") {
		rows += max(1, (displayWidth(line)/2+perRow-1)/perRow)
	}
	return boxWidth, uint(min(20+rows*lineHeight, 400))
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

// fillCache clones each cell style once per severity, so that thousands of
// marked cells share a handful of styles, and each keeps its number format,
// font, borders and alignment.
type fillCache struct {
	f   *excelize.File
	ids map[[2]int]int
}

func (c fillCache) apply(sheet, cell string, s checker.Severity) error {
	color, ok := severityFill[s]
	if !ok {
		return nil
	}
	from, err := c.f.GetCellStyle(sheet, cell)
	if err != nil {
		return err
	}
	key := [2]int{from, int(s)}
	id, ok := c.ids[key]
	if !ok {
		st, err := c.f.GetStyle(from)
		if err != nil {
			return err
		}
		st.Fill = excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{color}}
		if id, err = c.f.NewStyle(st); err != nil {
			return err
		}
		c.ids[key] = id
	}
	return c.f.SetCellStyle(sheet, cell, cell, id)
}
