package sheets

import "strings"

// builtinFormatClass classifies the number formats every spreadsheet knows
// by id without writing them into the file (ECMA-376 18.8.30, plus the
// ids 27–36 and 50–58 that the Chinese editions of Excel and WPS use for
// dates such as 2023年2月7日).
func builtinFormatClass(id int) formatClass {
	switch {
	case id == 9 || id == 10:
		return formatPercent
	case id >= 14 && id <= 22, id >= 27 && id <= 36, id >= 45 && id <= 47, id >= 50 && id <= 58:
		return formatDate
	}
	return formatOther
}

// formatCodeClass classifies a custom number format code: a percent sign
// makes a percentage, a date or time token (y m d h s) a date. Quoted
// text, escaped characters and bracketed parts ([Red], [$-804]) are not
// looked at; elapsed-time brackets ([h]) still count as a date.
func formatCodeClass(code string) formatClass {
	// Only the first section (positive numbers) decides.
	var b strings.Builder
	inQuote := false
	for i := 0; i < len(code); i++ {
		c := code[i]
		switch {
		case inQuote:
			inQuote = c != '"'
		case c == '"':
			inQuote = true
		case c == '\\' || c == '_' || c == '*':
			i++ // the next character is literal or padding
		case c == '[':
			end := strings.IndexByte(code[i:], ']')
			if end < 0 {
				i = len(code)
				break
			}
			inner := strings.ToLower(code[i+1 : i+end])
			if inner == "h" || inner == "hh" || inner == "m" || inner == "mm" || inner == "s" || inner == "ss" {
				b.WriteByte('h')
			}
			i += end
		case c == ';':
			i = len(code)
		default:
			b.WriteByte(c)
		}
	}
	s := strings.ToLower(b.String())
	if strings.Contains(s, "%") {
		return formatPercent
	}
	if s == "general" {
		return formatOther
	}
	if strings.ContainsAny(s, "ymdhs") || strings.Contains(s, "年") || strings.Contains(s, "月") || strings.Contains(s, "日") {
		return formatDate
	}
	return formatOther
}
