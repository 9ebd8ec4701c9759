package sheets

import (
	"fmt"

	"github.com/xuri/excelize/v2"
)

// role is what a cell is in the standard workbook's layout; with the kind of
// its value it decides the cell's style.
type role uint8

const (
	roleColumn         role = iota + 1 // a whole column: the number format for cells a clerk will type into
	roleHeader                         // an optional column's header
	roleHeaderRequired                 // a required column's header
	roleBody                           // a data cell
	roleSubtotal                       // a cell of a 合计 / 小计 row
	roleSection                        // a section row of 基本信息 or a topic of 填表说明
	roleNote                           // a remark: the 说明 column of 基本信息
	roleTitle                          // the title of 填表说明
	roleText                           // a paragraph of 填表说明
	roleHighlight                      // the note about this particular file in 填表说明
)

// numFmts are the number formats of the kinds of value. Dates are written
// as ISO dates whatever the reader's locale, as the method's documents do.
var numFmts = map[kind]string{
	kindAmount: "0.00",
	kindRatio:  "0.00%",
	kindDate:   "yyyy-mm-dd",
	kindYear:   "0",
}

const (
	colourHeader   = "DDEBF7" // light blue: optional columns
	colourRequired = "FCE4D6" // light orange: required columns
	colourSubtotal = "F2F2F2"
	colourNote     = "FFF2CC"
	colourGrey     = "595959"
)

// styleCache creates each (role, kind) style once, in the order first asked
// for, so that the same model always gives the same styles part.
type styleCache struct {
	f   *excelize.File
	ids map[[2]uint8]int
}

func (s *styleCache) id(r role, k kind) (int, error) {
	key := [2]uint8{uint8(r), uint8(k)}
	if id, ok := s.ids[key]; ok {
		return id, nil
	}
	st := styleFor(r, k)
	id, err := s.f.NewStyle(&st)
	if err != nil {
		return 0, fmt.Errorf("样式 %d/%d：%w", r, k, err)
	}
	s.ids[key] = id
	return id, nil
}

func styleFor(r role, k kind) excelize.Style {
	thin := []excelize.Border{
		{Type: "left", Color: "A6A6A6", Style: 1}, {Type: "right", Color: "A6A6A6", Style: 1},
		{Type: "top", Color: "A6A6A6", Style: 1}, {Type: "bottom", Color: "A6A6A6", Style: 1},
	}
	fill := func(c string) excelize.Fill { return excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{c}} }
	var st excelize.Style
	if f, ok := numFmts[k]; ok {
		st.CustomNumFmt = &f
	}
	switch r {
	case roleHeader, roleHeaderRequired:
		st.Font = &excelize.Font{Bold: true}
		st.Fill = fill(colourHeader)
		if r == roleHeaderRequired {
			st.Fill = fill(colourRequired)
		}
		st.Border = thin
		st.Alignment = &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true}
	case roleBody:
		st.Border = thin
		st.Alignment = &excelize.Alignment{Vertical: "center"}
	case roleSubtotal:
		st.Font = &excelize.Font{Bold: true}
		st.Fill = fill(colourSubtotal)
		st.Border = thin
		st.Alignment = &excelize.Alignment{Vertical: "center"}
	case roleSection:
		// Not wrapped: a section title runs on over the empty cells beside it.
		st.Font = &excelize.Font{Bold: true}
		st.Alignment = &excelize.Alignment{Vertical: "top"}
	case roleNote:
		st.Font = &excelize.Font{Color: colourGrey}
		st.Border = thin
		st.Alignment = &excelize.Alignment{Vertical: "center", WrapText: true}
	case roleTitle:
		st.Font = &excelize.Font{Bold: true, Size: 14}
	case roleText:
		st.Alignment = &excelize.Alignment{Vertical: "top", WrapText: true}
	case roleHighlight:
		st.Fill = fill(colourNote)
		st.Alignment = &excelize.Alignment{Vertical: "top", WrapText: true}
	}
	return st
}
