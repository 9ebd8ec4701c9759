package sheets

import (
	"errors"
	"fmt"
	"path/filepath"
	"strings"

	"fundcheck/checker"
)

// Options controls how a workbook is opened.
type Options struct {
	// Password opens an encrypted workbook.
	Password string
}

// Read reads the county workbook at path into the checker's model. A file
// that cannot be checked at all (not a readable .xlsx, or a required sheet or
// column missing) gives a *FileError; everything else that cannot be read
// becomes a finding in wb.Problems and reading goes on.
func Read(path string, opt Options) (*checker.Workbook, error) {
	b, err := Open(path, opt)
	if err != nil {
		return nil, err
	}
	defer b.Close()
	return b.Read()
}

func fromSource(path string, src rowSource) (*checker.Workbook, error) {
	wb, problems, err := readSource(src, filepath.Base(path))
	if err != nil {
		return nil, err
	}
	if len(problems) > 0 {
		return nil, &FileError{Path: path, Problems: problems}
	}
	return wb, nil
}

// readSource reads a whole workbook. problems, when not empty, are the
// reasons the file is rejected (missing sheets and columns, unreadable
// sheets), all of them. err is a rejection of the whole file met while
// reading a sheet (a *FileError of the source's), which ends the reading.
func readSource(src rowSource, source string) (wb *checker.Workbook, problems []string, err error) {
	wb = &checker.Workbook{Source: source}
	rd := &reader{wb: wb, is1904: src.date1904()}
	sheets := findSheets(src.sheetNames())
	for _, name := range RequiredSheets {
		if sheets[name] == "" {
			problems = append(problems, "缺少工作表“"+name+"”")
		}
	}
	steps := []struct {
		t    table
		read func(*reader, rowSource, string) (*tableScan, error)
	}{
		{infoTable, (*reader).readInfo},
		{noticeTable, (*reader).readNotices},
		{projectTable, (*reader).readProjects},
		{ledgerTable, (*reader).readLedger},
		{scoreTable, (*reader).readScores},
		{paramTable, (*reader).readParams},
	}
	for _, st := range steps {
		sheet := sheets[st.t.sheet]
		if sheet == "" {
			continue
		}
		s, err := st.read(rd, src, sheet)
		var fe *FileError
		switch {
		case errors.As(err, &fe):
			return nil, nil, fe
		case err != nil:
			problems = append(problems, fmt.Sprintf("工作表“%s”无法读取（%v）", sheet, err))
		case s.header == 0 && s.empty:
			problems = append(problems, fmt.Sprintf("工作表“%s”是空的，缺少表头行（必需的列：%s）", sheet, strings.Join(s.missing, "、")))
		case s.header == 0:
			problems = append(problems, fmt.Sprintf("工作表“%s”缺少必需的列：%s", sheet, strings.Join(s.missing, "、")))
		default:
			rd.yuanHints(s)
		}
	}
	return wb, problems, nil
}

// findSheets maps each sheet name of the layout to the file's own spelling
// of it; spaces around or inside a sheet name do not matter.
func findSheets(names []string) map[string]string {
	out := map[string]string{}
	for _, want := range []string{SheetInfo, SheetNotices, SheetProjects, SheetLedger, SheetScores, SheetParams} {
		for _, n := range names {
			if removeSpace(n) == want {
				out[want] = n
				break
			}
		}
	}
	return out
}

// yuanHints records one hint per money column converted from yuan.
func (rd *reader) yuanHints(s *tableScan) {
	for i, c := range s.t.columns {
		if s.col[i] != 0 && s.inYuan(i) {
			at := s.headerRef(i)
			rd.problem(checker.CodeYuanConverted, at,
				fmt.Sprintf("%s“%s”列的单位是（元），已按÷10000换算为万元", at.String(), c.name),
				"如果单位写错，请改正表头")
		}
	}
}
