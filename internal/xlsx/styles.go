package xlsx

import "strings"

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
// formats of the workbook. As in excelize, whose reading the rest of
// fundcheck was first built on, a built-in id keeps its built-in meaning
// even if the workbook also defines a code for it.
func classify(id int, codes map[int]string) NumClass {
	switch {
	case id == 9 || id == 10:
		return Percent
	case id >= 14 && id <= 22, id >= 27 && id <= 36, id >= 45 && id <= 47, id >= 50 && id <= 58:
		return Date
	case id <= 4, id >= 11 && id <= 13, id >= 37 && id <= 49, id >= 59 && id <= 62, id >= 67 && id <= 81:
		return Plain
	}
	return classifyCode(codes[id])
}

// classifyCode tells the class of a custom format code. Only the first
// section counts ("0%;-0%" is a percentage): it is how positive numbers
// are shown. Quoted text, escaped (\x), padding (_x) and fill (*x)
// characters and bracketed parts ([Red], [$-804], [>=100]) do not count,
// except elapsed-time brackets ([h], [mm], [ss]). A % sign makes a
// percentage; otherwise a year, month, day, hour or second token, or 年月日
// written unquoted, a date.
func classifyCode(code string) NumClass {
	date := false
	for i := 0; i < len(code); i++ {
		switch c := code[i]; c {
		case '"':
			for i++; i < len(code) && code[i] != '"'; i++ {
			}
		case '[':
			end := strings.IndexByte(code[i:], ']')
			if end < 0 {
				return dateIf(date)
			}
			switch strings.ToLower(code[i+1 : i+end]) {
			case "h", "hh", "m", "mm", "s", "ss":
				date = true
			}
			i += end
		case '\\', '_', '*':
			i++
		case ';':
			return dateIf(date)
		case '%':
			return Percent
		case 'y', 'Y', 'm', 'M', 'd', 'D', 'h', 'H', 's', 'S':
			date = true
		default:
			if c >= 0x80 && (strings.HasPrefix(code[i:], "年") || strings.HasPrefix(code[i:], "月") || strings.HasPrefix(code[i:], "日")) {
				date = true
			}
		}
	}
	return dateIf(date)
}

func dateIf(date bool) NumClass {
	if date {
		return Date
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

// FormatClass tells the class of built-in number format id; for a custom
// format (as excelize reports one: id 0 and the code) it reads code.
func FormatClass(id int, code string) NumClass {
	if code != "" {
		return classifyCode(code)
	}
	return classify(id, nil)
}
