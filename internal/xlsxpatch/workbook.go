package xlsxpatch

import (
	"bytes"
	"errors"
	"strconv"
)

// addedSheet is a new <sheet> entry of the workbook.
type addedSheet struct {
	name, rid string
	id        int
	names     [][]byte // its defined names, localSheetId still the donor's
}

// rewriteWorkbook adds sheets to a workbook part, before the existing ones
// when front is set, and makes the first added sheet the active tab. Defined
// names local to a sheet point at sheet positions, so they move with them.
func rewriteWorkbook(doc []byte, add []addedSheet, front bool, origCount int) ([]byte, error) {
	var edits []edit
	pfx, rNS := "", false
	shift := 0
	if front {
		shift = len(add)
	}
	first := origCount // position of the first added sheet
	if front {
		first = 0
	}
	var (
		sheetsStart, sheetsTagEnd, sheetsEnd = -1, -1, -1
		afterSheets, namesEnd, rootEnd       = -1, -1, -1
		viewSeen, inViews                    bool
	)
	s := newScanner(bytes.NewReader(doc))
	depth := 0
	for s.scan() == nil {
		off, next := int(s.off), int(s.next)
		switch s.kind {
		case tokStart, tokEmpty:
			name := tagName(s.tok)
			local := string(localName(name))
			switch {
			case depth == 0:
				pfx = prefixOf(name)
				v, ok := attr(s.tok, "xmlns:r")
				rNS = ok && string(v) == nsRel
			case depth == 1 && local == "bookViews":
				inViews = s.kind == tokStart
			case depth == 2 && inViews && local == "workbookView" && !viewSeen:
				viewSeen = true
				tag := setAttr(s.tok, "activeTab", strconv.Itoa(first))
				if front {
					tag = removeAttr(tag, "firstSheet")
				}
				edits = append(edits, edit{off, next, tag})
			case depth == 1 && local == "sheets":
				sheetsStart, sheetsTagEnd = off, next
				if s.kind == tokEmpty {
					sheetsEnd, afterSheets = off, next
				}
			case depth == 1 && s.kind == tokEmpty && (local == "functionGroups" || local == "externalReferences"):
				afterSheets = next
			case depth == 1 && s.kind == tokEmpty && local == "definedNames":
				// <definedNames/>: dropped, a full one goes after the sheets.
				edits = append(edits, edit{off, next, nil})
			case depth == 2 && local == "definedName":
				if v, ok := attr(s.tok, "localSheetId"); ok && shift > 0 {
					if n, err := strconv.Atoi(string(v)); err == nil {
						edits = append(edits, edit{off, next, setAttr(s.tok, "localSheetId", strconv.Itoa(n+shift))})
					}
				}
			}
			if s.kind == tokStart {
				depth++
			}
		case tokEnd:
			depth--
			local := string(localName(tagName(s.tok)))
			switch {
			case depth == 0:
				rootEnd = off
			case depth == 1 && local == "sheets":
				sheetsEnd, afterSheets = off, next
			case depth == 1 && (local == "functionGroups" || local == "externalReferences"):
				afterSheets = next
			case depth == 1 && local == "definedNames":
				namesEnd = off
			}
		}
	}
	if sheetsStart < 0 || sheetsEnd < 0 || afterSheets < 0 || rootEnd < 0 {
		return nil, errors.New("no well-formed <sheets> element")
	}
	if !viewSeen {
		edits = append(edits, edit{sheetsStart, sheetsStart,
			[]byte("<" + pfx + "bookViews><" + pfx + `workbookView activeTab="` + strconv.Itoa(first) + `"/></` + pfx + "bookViews>")})
	}
	ns := ""
	if !rNS {
		ns = ` xmlns:r="` + nsRel + `"`
	}
	var entries, names []byte
	for i, a := range add {
		entries = append(entries, "<"+pfx+`sheet name="`+escape(a.name)+`" sheetId="`+strconv.Itoa(a.id)+`"`+ns+` r:id="`+a.rid+`"/>`...)
		for _, n := range a.names {
			names = append(names, withPrefix(setAttr(n, "localSheetId", strconv.Itoa(first+i)), pfx)...)
		}
	}
	if doc[sheetsTagEnd-2] == '/' { // <sheets/>
		edits = append(edits, edit{sheetsStart, sheetsTagEnd,
			append(append([]byte("<"+pfx+"sheets>"), entries...), "</"+pfx+"sheets>"...)})
	} else if front {
		edits = append(edits, edit{sheetsTagEnd, sheetsTagEnd, entries})
	} else {
		edits = append(edits, edit{sheetsEnd, sheetsEnd, entries})
	}
	if len(names) > 0 {
		if namesEnd >= 0 {
			edits = append(edits, edit{namesEnd, namesEnd, names})
		} else {
			sec := append([]byte("<"+pfx+"definedNames>"), names...)
			edits = append(edits, edit{afterSheets, afterSheets, append(sec, "</"+pfx+"definedNames>"...)})
		}
	}
	return applyEdits(doc, edits), nil
}
