package xlsx

// NumClass is what a cell's number format makes of a number.
type NumClass uint8

const (
	Plain   NumClass = iota // shown as a plain number (or text)
	Date                    // a date, time or both: the number is a serial date
	Percent                 // a percentage: the number is a fraction
)

func (c NumClass) String() string {
	switch c {
	case Date:
		return "date"
	case Percent:
		return "percent"
	}
	return "plain"
}

// styles is what the reader keeps of xl/styles.xml: for each cell format
// (cellXfs index, a cell's s attribute) its number format.
type styles struct {
	numFmt []int      // numFmtId by xf index
	class  []NumClass // by xf index
	codes  map[int]string
}

// classOf returns the number-format class of cell format s.
func (st *styles) classOf(s int) NumClass {
	if s >= 0 && s < len(st.class) {
		return st.class[s]
	}
	return Plain
}

// maxStyles bounds the cell formats kept; Excel allows 64000.
const maxStyles = 1 << 16

func (f *File) readStyles(name string) error {
	st := &f.styles
	st.codes = map[int]string{}
	inCellXfs := false
	err := f.scanPart(name, f.lim.small, func(t *tokenizer) error {
		switch {
		case t.kind == tokEnd && string(t.name) == "cellXfs":
			inCellXfs = false
		case t.kind != tokStart:
		case string(t.name) == "cellXfs":
			inCellXfs = !t.selfClosing
		case string(t.name) == "numFmt":
			idAttr := t.attr("numFmtId")
			code := t.attr("formatCode")
			if id, ok := parseIndex(idAttr, maxStyles); ok {
				st.codes[id] = string(appendText(nil, code))
			}
		case string(t.name) == "xf" && inCellXfs:
			if len(st.numFmt) >= maxStyles {
				return tooLarge("more than %d cell formats", maxStyles)
			}
			idAttr := t.attr("numFmtId")
			id, _ := parseIndex(idAttr, maxStyles)
			st.numFmt = append(st.numFmt, id)
		}
		return nil
	})
	if err != nil {
		return err
	}
	st.class = make([]NumClass, len(st.numFmt))
	for i, id := range st.numFmt {
		st.class[i] = classify(id, st.codes)
	}
	return nil
}

// classify tells the class of number format id; codes holds the custom
// formats of the workbook, which take precedence over built-in ones.
func classify(id int, codes map[int]string) NumClass {
	if code, ok := codes[id]; ok {
		return classifyCode(code)
	}
	switch {
	case id >= 14 && id <= 22, id >= 45 && id <= 47, id >= 27 && id <= 36, id >= 50 && id <= 58:
		return Date
	case id == 9 || id == 10:
		return Percent
	}
	return Plain
}

// classifyCode tells the class of a format code: a date if it shows a year,
// month, day, hour or second, else a percentage if it has a % sign. Quoted
// text, bracketed parts ([Red], [$-804], [>=100]), and characters that are
// escaped (\x), padding (_x) or fill (*x) do not count. Only the first
// section counts ("0%;-0%" is a percentage), as that is how positive numbers
// are shown.
func classifyCode(code string) NumClass {
	percent := false
	for i := 0; i < len(code); i++ {
		switch c := code[i]; c {
		case '"':
			for i++; i < len(code) && code[i] != '"'; i++ {
			}
		case '[':
			for i++; i < len(code) && code[i] != ']'; i++ {
			}
		case '\\', '_', '*':
			i++
		case ';':
			i = len(code)
		case '%':
			percent = true
		case 'y', 'Y', 'm', 'M', 'd', 'D', 'h', 'H', 's', 'S':
			return Date
		}
	}
	if percent {
		return Percent
	}
	return Plain
}

// numFmtOf returns the number format id of cell format s and its custom
// code, if any; for tests against excelize.
func (st *styles) numFmtOf(s int) (int, string) {
	if s < 0 || s >= len(st.numFmt) {
		return 0, ""
	}
	id := st.numFmt[s]
	return id, st.codes[id]
}
