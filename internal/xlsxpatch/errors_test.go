package xlsxpatch

import (
	"archive/zip"
	"bytes"
	"errors"
	"io"
	"strings"
	"testing"
)

// withPart returns book with one part's content replaced (or added).
func withPart(t *testing.T, book []byte, name, content string) []byte {
	t.Helper()
	var out bytes.Buffer
	zw := zip.NewWriter(&out)
	done := false
	for _, f := range zipOf(t, book).File {
		w, err := zw.Create(f.Name)
		if err != nil {
			t.Fatal(err)
		}
		if f.Name == name {
			io.WriteString(w, content)
			done = true
			continue
		}
		w.Write(rawBytes(t, func() (io.Reader, error) { return f.Open() }))
	}
	if !done {
		w, _ := zw.Create(name)
		io.WriteString(w, content)
	}
	zw.Close()
	return out.Bytes()
}

func TestApplyErrors(t *testing.T) {
	orig := readFixture(t, "openpyxl.xlsx")
	donor := donorBook(t, ledger)
	both := []string{"审核结论", "问题清单"}
	tests := []struct {
		name  string
		orig  []byte
		plan  Plan
		check func(error) bool
	}{
		{"unknown sheet", orig, Plan{Marks: map[string][]Mark{"无此表": {{Row: 1, Col: 1, Fill: "FF0000"}}}},
			func(err error) bool { return errors.Is(err, ErrNoSheet) }},
		{"unknown donor sheet", orig, Plan{NewSheets: []string{"无此表"}},
			func(err error) bool { return errors.Is(err, ErrNoSheet) }},
		{"bad colour", orig, Plan{Marks: map[string][]Mark{ledger: {{Row: 1, Col: 1, Fill: "red"}}}},
			func(err error) bool { var me *MarkError; return errors.As(err, &me) }},
		{"cell outside the sheet", orig, Plan{Marks: map[string][]Mark{ledger: {{Row: 0, Col: 1, Note: "x"}}}},
			func(err error) bool { var me *MarkError; return errors.As(err, &me) }},
		{"truncated sheet", withPart(t, orig, "xl/worksheets/sheet2.xml", `<worksheet><sheetData><row r="1"><c r="A1"`),
			Plan{Marks: map[string][]Mark{ledger: {{Row: 1, Col: 1, Fill: "FF0000"}}}},
			func(err error) bool {
				var pe *PartError
				return errors.As(err, &pe) && pe.Part == "xl/worksheets/sheet2.xml"
			}},
		{"broken workbook", withPart(t, orig, "xl/workbook.xml", `<workbook><sheets><sheet`), Plan{},
			func(err error) bool { return err != nil && strings.Contains(err.Error(), "xl/workbook.xml") }},
		{"no workbook", withPart(t, withPart(t, orig, "_rels/.rels", `<Relationships/>`), "xl/workbook.xml", ``), Plan{},
			func(err error) bool { return err != nil }},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var out bytes.Buffer
			err := Apply(&out, zipOf(t, tc.orig), zipOf(t, donor), tc.plan)
			if !tc.check(err) {
				t.Errorf("error %v (%T)", err, err)
			}
		})
	}
	var out bytes.Buffer
	dup := donorBook(t, ledger)
	err := Apply(&out, zipOf(t, withPart(t, orig, "xl/workbook.xml", strings.Replace(string(mustPart(t, orig, "xl/workbook.xml")), `name="基本信息"`, `name="审核结论"`, 1))), zipOf(t, dup), Plan{NewSheets: both})
	if !errors.Is(err, ErrSheetExists) {
		t.Errorf("name clash: error %v", err)
	}
}

func mustPart(t *testing.T, book []byte, name string) []byte {
	for _, f := range zipOf(t, book).File {
		if f.Name == name {
			return rawBytes(t, func() (io.Reader, error) { return f.Open() })
		}
	}
	t.Fatalf("no part %s", name)
	return nil
}
