package sheets

import (
	"archive/zip"
	"crypto/sha256"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"testing"

	"fundcheck/checker"
	"fundcheck/internal/cellref"

	"github.com/xuri/excelize/v2"
)

func openT(t testing.TB, path string) *excelize.File {
	t.Helper()
	f, err := excelize.OpenFile(path, excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	return f
}

func sha(t testing.TB, path string) [32]byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return sha256.Sum256(b)
}

// writeSample writes the sample workbook and its copy.
func writeSample(t testing.TB) (in, out string, r *checker.Report) {
	t.Helper()
	in = countyWorkbook(t, t.TempDir(), 12, 40)
	r = sampleReport(in)
	out, err := WriteCopy(in, r, CopyOptions{})
	if err != nil {
		t.Fatal(err)
	}
	return in, out, r
}

func TestWriteCopyLeavesInputUnchanged(t *testing.T) {
	in := countyWorkbook(t, t.TempDir(), 12, 40)
	before := sha(t, in)
	info, _ := os.Stat(in)
	out, err := WriteCopy(in, sampleReport(in), CopyOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if sha(t, in) != before {
		t.Error("the input's bytes changed")
	}
	if after, _ := os.Stat(in); !after.ModTime().Equal(info.ModTime()) {
		t.Error("the input's modification time changed")
	}
	if want := filepath.Join(filepath.Dir(in), "阿城区2023_审核结果.xlsx"); out != want {
		t.Errorf("copy written to %s, want %s", out, want)
	}
	entries, _ := os.ReadDir(filepath.Dir(in))
	if len(entries) != 2 {
		t.Errorf("folder holds %d files, want the input and its copy: %v", len(entries), entries)
	}
}

// TestWriteCopyKeepsEveryOriginalCell compares every cell of every original
// sheet: value, formula and style (all but the fill of marked cells), plus
// merges, column widths, notes and sheet-scoped names.
func TestWriteCopyKeepsEveryOriginalCell(t *testing.T) {
	in, out, r := writeSample(t)
	a, b := openT(t, in), openT(t, out)
	marked := map[string]bool{}
	for _, n := range collectNotes(r) {
		marked[n.sheet+"!"+n.cell()] = true
	}
	want := a.GetSheetList()
	if got := b.GetSheetList(); !reflect.DeepEqual(got[2:], want) {
		t.Fatalf("sheets %v, want the two new ones then %v", got, want)
	}
	for _, sheet := range want {
		rows, err := a.GetRows(sheet)
		if err != nil {
			t.Fatal(err)
		}
		cols := 0
		for _, row := range rows {
			cols = max(cols, len(row))
		}
		cells := 0
		for row := 1; row <= len(rows)+1; row++ {
			for col := 1; col <= cols+1; col++ {
				cell, _ := excelize.CoordinatesToCellName(col, row)
				cells++
				va, _ := a.GetCellValue(sheet, cell)
				vb, _ := b.GetCellValue(sheet, cell)
				fa, _ := a.GetCellFormula(sheet, cell)
				fb, _ := b.GetCellFormula(sheet, cell)
				if va != vb || fa != fb {
					t.Errorf("%s!%s: value %q formula %q, want %q %q", sheet, cell, vb, fb, va, fa)
				}
				sa, sb := styleOf(t, a, sheet, cell), styleOf(t, b, sheet, cell)
				if marked[sheet+"!"+cell] {
					if len(sb.Fill.Color) == 0 {
						t.Errorf("%s!%s is named by a finding but has no fill", sheet, cell)
					}
					sa.Fill, sb.Fill = excelize.Fill{}, excelize.Fill{}
				}
				if !reflect.DeepEqual(sa, sb) {
					t.Errorf("%s!%s: style %+v, want %+v", sheet, cell, sb, sa)
				}
			}
		}
		ma, _ := a.GetMergeCells(sheet)
		mb, _ := b.GetMergeCells(sheet)
		if !reflect.DeepEqual(ma, mb) {
			t.Errorf("%s: merges %v, want %v", sheet, mb, ma)
		}
		for col := 1; col <= cols+1; col++ {
			name := checker.ColumnName(col)
			wa, _ := a.GetColWidth(sheet, name)
			wb, _ := b.GetColWidth(sheet, name)
			if wa != wb {
				t.Errorf("%s column %s: width %v, want %v", sheet, name, wb, wa)
			}
		}
		if cells < 4 {
			t.Errorf("%s: only %d cells compared", sheet, cells)
		}
	}
	if !slices.ContainsFunc(b.GetDefinedName(), func(d excelize.DefinedName) bool {
		return d.Name == "_xlnm.Print_Area" && d.Scope == SheetProjects && strings.Contains(d.RefersTo, "项目清单")
	}) {
		t.Errorf("the print area of 项目清单 is lost or moved to another sheet: %+v", b.GetDefinedName())
	}
	if !slices.ContainsFunc(b.GetDefinedName(), func(d excelize.DefinedName) bool {
		return d.Name == "_xlnm._FilterDatabase" && d.Scope == SheetProjects
	}) {
		t.Errorf("the autofilter of 项目清单 is lost or moved to another sheet: %+v", b.GetDefinedName())
	}
}

func styleOf(t testing.TB, f *excelize.File, sheet, cell string) excelize.Style {
	t.Helper()
	id, err := f.GetCellStyle(sheet, cell)
	if err != nil {
		t.Fatal(err)
	}
	st, err := f.GetStyle(id)
	if err != nil {
		t.Fatal(err)
	}
	return *st
}

// TestWriteCopyMarksEveryFindingCell checks that each cell a finding names
// has a note holding the finding and the fill of its worst finding, and
// each finding a row in 问题清单 linking to its first cell.
func TestWriteCopyMarksEveryFindingCell(t *testing.T) {
	in, out, r := writeSample(t)
	checkNotesDrawn(t, out)
	b := openT(t, out)
	orig := openT(t, in).GetSheetList()
	notes := map[string]string{}
	authors := map[string]string{}
	for _, sheet := range orig {
		cs, err := b.GetComments(sheet)
		if err != nil {
			t.Fatal(err)
		}
		for _, c := range cs {
			notes[sheet+"!"+c.Cell] = commentText(c)
			authors[sheet+"!"+c.Cell] = c.Author
		}
	}
	worst := map[string]checker.Severity{}
	for _, f := range r.Findings {
		for _, ref := range f.Refs {
			if ref.Row == 0 || !slices.Contains(orig, ref.Sheet) {
				continue
			}
			cell := checker.ColumnName(max(ref.Col, 1)) + strconv.Itoa(ref.Row)
			key := ref.Sheet + "!" + cell
			if !strings.Contains(notes[key], noteLine(f)) {
				t.Errorf("note on %s = %q, want it to hold %q", key, notes[key], noteLine(f))
			}
			if w, ok := worst[key]; !ok || f.Severity < w {
				worst[key] = f.Severity
			}
		}
	}
	for key, s := range worst {
		sheet, cell, _ := strings.Cut(key, "!")
		if got := styleOf(t, b, sheet, cell).Fill.Color; !reflect.DeepEqual(got, []string{severityFill[s]}) {
			t.Errorf("%s fill %v, want %s for %s", key, got, severityFill[s], s)
		}
	}
	if a := authors["项目清单!B5"]; a != NoteAuthor {
		t.Errorf("new note author %q, want %q", a, NoteAuthor)
	}
	// The county's own note stays, with the finding added below it.
	if n := notes["基本信息!B8"]; !strings.HasPrefix(n, "含加分3分") || !strings.Contains(n, "ZJ202") || authors["基本信息!B8"] != "县财政局" {
		t.Errorf("county's note on 基本信息!B8 became %q by %q", n, authors["基本信息!B8"])
	}
	if len(notes) != len(worst)+0 {
		t.Errorf("%d notes on the original sheets, want %d (one per named cell)", len(notes), len(worst))
	}

	rows, err := b.GetRows(SheetFindings)
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != len(r.Findings)+1 {
		t.Fatalf("问题清单 has %d rows, want header + %d", len(rows), len(r.Findings))
	}
	if !reflect.DeepEqual(rows[0], []string{"序号", "级别", "代码", "工作表", "单元格", "问题", "建议"}) {
		t.Errorf("header %v", rows[0])
	}
	listed := map[string]int{}
	for i, row := range rows[1:] {
		row = append(row, make([]string, 7)...)
		listed[row[2]+row[5]] = i + 2
	}
	for _, f := range r.Findings {
		row, ok := listed[f.Code+f.Message]
		if !ok {
			t.Errorf("finding %s %q not listed", f.Code, f.Message)
			continue
		}
		cell := "E" + strconv.Itoa(row)
		has, link, err := b.GetCellHyperLink(SheetFindings, cell)
		if err != nil {
			t.Fatal(err)
		}
		switch {
		case len(f.Refs) == 0 || !slices.Contains(orig, f.Refs[0].Sheet):
			if has {
				t.Errorf("%s: link %q to a sheet the workbook lacks", f.Code, link)
			}
		default:
			want := "'" + f.Refs[0].Sheet + "'!" + anchorCell(f.Refs[0])
			if !has || link != want {
				t.Errorf("%s: link %v %q, want %q", f.Code, has, link, want)
			}
		}
	}
	if got, _ := b.GetCellValue(SheetFindings, "E"+strconv.Itoa(listed["TZ401支付台账中的项目 XM999 不在项目清单中"])); got != "B12, B30, 项目清单!A3" {
		t.Errorf("cells of a finding with three refs: %q", got)
	}
	var sev []string
	for _, row := range rows[1:] {
		sev = append(sev, row[1])
	}
	if !slices.IsSortedFunc(sev, func(a, b string) int { return severityRank(a) - severityRank(b) }) {
		t.Errorf("findings not sorted by severity: %v", sev)
	}
	if rows[1][2] != "DF503" || rows[2][3] != SheetInfo {
		t.Errorf("errors should start with the one naming no cell, then 基本信息: %v / %v", rows[1], rows[2])
	}
	if top, _ := b.GetPanes(SheetFindings); !top.Freeze || top.YSplit != 1 {
		t.Errorf("问题清单 header not frozen: %+v", top)
	}
}

func severityRank(s string) int { return strings.Index("错误警告提示", s) }

func commentText(c excelize.Comment) string {
	s := c.Text
	for _, r := range c.Paragraph {
		s += r.Text
	}
	return s
}

func TestWriteCopyVerdict(t *testing.T) {
	_, out, r := writeSample(t)
	b := openT(t, out)
	if b.GetSheetList()[0] != SheetVerdict || b.GetSheetList()[1] != SheetFindings || b.GetActiveSheetIndex() != 0 {
		t.Fatalf("sheets %v, active %d: want 审核结论 first and active", b.GetSheetList(), b.GetActiveSheetIndex())
	}
	kv := map[string]string{}
	rows, _ := b.GetRows(SheetVerdict)
	header := 0
	for i, row := range rows {
		if len(row) < 3 {
			continue
		}
		if _, seen := kv[row[0]]; !seen {
			kv[row[0]] = row[2]
		}
		if len(row) > 0 && row[0] == "序号" {
			header = i + 1
		}
	}
	for k, v := range map[string]string{"地区": "阿城区（哈尔滨市）", "年度": "2023", "最终得分": "98.93", "等级": "A",
		"得分折算": r.Normalization, "自评总分": "89.34", "错误（条）": "9", "警告（条）": "5", "提示（条）": "3",
		"参数调整": r.Overrides[0]} {
		if kv[k] != v {
			t.Errorf("%s = %q, want %q", k, kv[k], v)
		}
	}
	if op := kv["审核意见"]; !strings.Contains(op, "98.93") || !strings.Contains(op, "等级为A") || !strings.Contains(op, "第3项资金落实到项目时间") {
		t.Errorf("审核意见 %q", op)
	}
	if header == 0 {
		t.Fatal("no indicator table")
	}
	// Scores are numbers with two decimals, never formulas.
	for i, x := range r.Indicators {
		row := strconv.Itoa(header + 1 + i)
		if f, _ := b.GetCellFormula(SheetVerdict, "D"+row); f != "" {
			t.Errorf("D%s is a formula %q", row, f)
		}
		typ, _ := b.GetCellType(SheetVerdict, "C"+row)
		if typ != excelize.CellTypeNumber && typ != excelize.CellTypeUnset {
			t.Errorf("C%s type %v, want a number", row, typ)
		}
		if v, _ := b.GetCellValue(SheetVerdict, "C"+row); v != x.Max.String() {
			t.Errorf("C%s = %q, want %s", row, v, x.Max)
		}
		if st := styleOf(t, b, SheetVerdict, "D"+row); st.CustomNumFmt == nil || *st.CustomNumFmt != "0.00" {
			t.Errorf("D%s number format %+v", row, st.CustomNumFmt)
		}
	}
	row3 := strconv.Itoa(header + 3) // indicator 3: review 3.79 < self 5
	if v, _ := b.GetCellValue(SheetVerdict, "F"+row3); v != "-1.21" {
		t.Errorf("difference of indicator 3 = %q", v)
	}
	if c := styleOf(t, b, SheetVerdict, "F"+row3).Fill.Color; !reflect.DeepEqual(c, []string{severityFill[checker.Error]}) {
		t.Errorf("a review below the self-score is not red: %v", c)
	}
	chart := zipPart(t, out, "xl/charts/chart1.xml")
	for _, want := range []string{`<barDir val="col">`, `<grouping val="clustered">`, `<varyColors val="0">`,
		reviewColor, selfColor, "&#39;审核结论&#39;!$D$"} {
		if !strings.Contains(chart, want) {
			t.Errorf("chart lacks %s", want)
		}
	}
	if d := zipPart(t, out, "xl/worksheets/_rels/sheet"+sheetNumber(t, b, SheetVerdict)+".xml.rels"); !strings.Contains(d, "drawing") {
		t.Error("the chart is not on the verdict sheet")
	}
}

func sheetNumber(t testing.TB, f *excelize.File, sheet string) string {
	for id, name := range f.GetSheetMap() {
		if name == sheet {
			return strconv.Itoa(id)
		}
	}
	t.Fatalf("no sheet %s", sheet)
	return ""
}

func zipPart(t testing.TB, path, name string) string {
	t.Helper()
	z, err := zip.OpenReader(path)
	if err != nil {
		t.Fatal(err)
	}
	defer z.Close()
	for _, f := range z.File {
		if f.Name == name {
			rc, _ := f.Open()
			b, _ := io.ReadAll(rc)
			rc.Close()
			return string(b)
		}
	}
	t.Fatalf("%s has no part %s", path, name)
	return ""
}

// TestWriteCopyTextStaysText: text from the workbook that looks like a
// formula is written back as text.
func TestWriteCopyTextStaysText(t *testing.T) {
	_, out, _ := writeSample(t)
	b := openT(t, out)
	rows, _ := b.GetRows(SheetFindings)
	found := 0
	for i, row := range rows {
		for j, v := range row {
			if !strings.Contains(v, evilName) && !strings.HasPrefix(v, "+cmd") {
				continue
			}
			found++
			cell, _ := excelize.CoordinatesToCellName(j+1, i+1)
			if f, _ := b.GetCellFormula(SheetFindings, cell); f != "" {
				t.Errorf("%s became formula %q", cell, f)
			}
			if typ, _ := b.GetCellType(SheetFindings, cell); typ != excelize.CellTypeSharedString && typ != excelize.CellTypeInlineString {
				t.Errorf("%s has type %v, want text", cell, typ)
			}
		}
	}
	if found != 2 {
		t.Errorf("found %d formula-like texts in 问题清单, want 2", found)
	}
	if f, _ := b.GetCellFormula(SheetProjects, "B4"); f != "" {
		t.Errorf("project name became formula %q", f)
	}
}

func TestWriteCopyRenamesClashingSheets(t *testing.T) {
	in, out, r := writeSample(t)
	// Checking the result again gives a copy of the copy.
	again, err := WriteCopy(out, r, CopyOptions{})
	if err != nil {
		t.Fatal(err)
	}
	got := openT(t, again).GetSheetList()
	want := append([]string{"审核结论(2)", "问题清单(2)", SheetVerdict, SheetFindings}, openT(t, in).GetSheetList()...)
	if !reflect.DeepEqual(got, want) {
		t.Errorf("sheets %v, want %v", got, want)
	}
	if filepath.Base(again) != "阿城区2023_审核结果_审核结果.xlsx" {
		t.Errorf("copy of the copy named %s", again)
	}
}

func TestCopyPath(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "县.xlsx")
	other := t.TempDir()
	touch := func(name string) {
		if err := os.WriteFile(filepath.Join(dir, name), nil, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	touch("县.xlsx")
	type step struct {
		outDir    string
		overwrite bool
		create    string // file created before the call
		want      string
	}
	for i, s := range []step{
		{want: filepath.Join(dir, "县_审核结果.xlsx")},
		{create: "县_审核结果.xlsx", want: filepath.Join(dir, "县_审核结果(2).xlsx")},
		{create: "县_审核结果(2).xlsx", want: filepath.Join(dir, "县_审核结果(3).xlsx")},
		{overwrite: true, want: filepath.Join(dir, "县_审核结果.xlsx")},
		{outDir: other, want: filepath.Join(other, "县_审核结果.xlsx")},
	} {
		if s.create != "" {
			touch(s.create)
		}
		got, err := CopyPath(in, s.outDir, s.overwrite)
		if err != nil || got != s.want {
			t.Errorf("step %d: %q, %v; want %q", i, got, err, s.want)
		}
	}
	if got, _ := CopyPath(filepath.Join(dir, "宏.XLSM"), "", false); filepath.Base(got) != "宏_审核结果.XLSM" {
		t.Errorf("macro workbook copy named %s", got)
	}
	// A link to the input under the result's name is never written over.
	if err := os.Link(in, filepath.Join(other, "县_审核结果.xlsx")); err != nil {
		t.Skip("no hard links here:", err)
	}
	if got, _ := CopyPath(in, other, true); got != filepath.Join(other, "县_审核结果(2).xlsx") {
		t.Errorf("overwrite picks %s, a link to the input", got)
	}
}

func ExampleCopyPath() {
	dir, _ := os.MkdirTemp("", "fundcheck")
	defer os.RemoveAll(dir)
	in := filepath.Join(dir, "阿城区.xlsx")
	first, _ := CopyPath(in, "", false)
	os.WriteFile(first, nil, 0o644)
	second, _ := CopyPath(in, "", false)
	fmt.Println(filepath.Base(first), filepath.Base(second))
	// Output: 阿城区_审核结果.xlsx 阿城区_审核结果(2).xlsx
}

// TestWriteCopyUnwritableFolder: the tests may run as root, which ignores
// folder permissions, so the output folder is made unusable in a way root
// respects too: a path under a regular file.
func TestWriteCopyUnwritableFolder(t *testing.T) {
	dir := t.TempDir()
	in := countyWorkbook(t, dir, 3, 5)
	before := sha(t, in)
	outDir := filepath.Join(in, "结果")
	_, err := WriteCopy(in, sampleReport(in), CopyOptions{OutDir: outDir})
	if err == nil {
		t.Fatal("no error writing under a file")
	}
	if msg := err.Error(); !strings.Contains(msg, outDir) || !strings.Contains(msg, "无法在文件夹") {
		t.Errorf("error %q does not name the folder in Chinese", msg)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 || sha(t, in) != before {
		t.Errorf("folder holds %v after a failed write", entries)
	}
}

// TestSaveCopyFailureLeavesNothing: a write that fails half-way (a full
// disk) leaves no temporary file and no result.
func TestSaveCopyFailureLeavesNothing(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "县.xlsx")
	os.WriteFile(in, []byte("input"), 0o644)
	_, err := saveCopy(in, CopyOptions{}, func(w io.Writer) error {
		w.Write([]byte("PK half a zip"))
		return fmt.Errorf("write: %w", errNoSpace)
	})
	if err == nil || !strings.Contains(err.Error(), "磁盘空间不足") || !strings.Contains(err.Error(), dir) {
		t.Errorf("error %v", err)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("folder holds %v after a failed write", entries)
	}
	out, err := saveCopy(in, CopyOptions{}, func(w io.Writer) error { _, err := w.Write([]byte("done")); return err })
	if err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(out); string(b) != "done" {
		t.Errorf("result holds %q", b)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 2 {
		t.Errorf("folder holds %v, want input and result", entries)
	}
}

var errNoSpace error = syscall.ENOSPC

func TestReviewOpinion(t *testing.T) {
	r := sampleReport("x.xlsx")
	for _, tc := range []struct {
		name     string
		edit     func(*checker.Report)
		want     []string
		notWant  []string
		maxRunes int
	}{
		{"errors", func(*checker.Report) {}, []string{
			"经审核，哈尔滨市阿城区2023年度", "复核得分为98.93分，等级为A", "比自评总分89.34分高9.59分",
			"共发现错误9条、警告5条、提示3条，详见“问题清单”工作表。", "请先改正以下错误：（1）" + ruleTitle(t, "TZ401") + "（TZ401，2处，如 支付台账!B12、支付台账!B14）",
			"第3项资金落实到项目时间（自评5.00分，复核3.79分）", "第9项预算执行率", "请改正后重新报送。"},
			[]string{"XM303"}, 600},
		{"warnings only", func(r *checker.Report) {
			r.Findings = slices.DeleteFunc(r.Findings, func(f checker.Finding) bool { return f.Severity == checker.Error })
		}, []string{"未发现错误，请核实以下警告："}, []string{"请改正后重新报送", "请先改正"}, 600},
		{"clean", func(r *checker.Report) {
			r.Findings = nil
			r.Indicators = r.Indicators[:2]
			r.SelfTotal.V = r.Final
		}, []string{"未发现问题。", "与自评总分98.93分一致"}, []string{"差异较大"}, 200},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c := *r
			c.Findings = slices.Clone(r.Findings)
			tc.edit(&c)
			got := reviewOpinion(&c, SheetFindings)
			for _, w := range tc.want {
				if !strings.Contains(got, w) {
					t.Errorf("opinion lacks %q:\n%s", w, got)
				}
			}
			for _, w := range tc.notWant {
				if strings.Contains(got, w) {
					t.Errorf("opinion has %q:\n%s", w, got)
				}
			}
			if n := len([]rune(got)); n > tc.maxRunes {
				t.Errorf("opinion is %d characters long", n)
			}
		})
	}
}

func BenchmarkWriteCopy(b *testing.B) {
	dir := b.TempDir()
	in := countyWorkbook(b, dir, 50, 2000)
	r := sampleReport(in)
	for row := 100; len(r.Findings) < 30; row += 97 {
		r.Findings = append(r.Findings, checker.Finding{Code: "TZ404", Severity: checker.Warning,
			Refs: []checker.Ref{{Sheet: SheetLedger, Row: row, Col: 1}}, Message: "支付日期晚于数据截止日期"})
	}
	b.ResetTimer()
	for b.Loop() {
		out, err := WriteCopy(in, r, CopyOptions{Overwrite: true})
		if err != nil {
			b.Fatal(err)
		}
		_ = out
	}
}

// TestWriteCopyStylesPerSeverity: marking many cells of one style adds one
// style per severity, not one per cell, and keeps each cell's number format.
func TestWriteCopyStylesPerSeverity(t *testing.T) {
	in := countyWorkbook(t, t.TempDir(), 5, 600)
	r := &checker.Report{Source: in, Indicators: sampleIndicators()}
	for row := 2; row <= 601; row++ {
		sev := checker.Warning
		if row%2 == 0 {
			sev = checker.Error
		}
		r.Findings = append(r.Findings, checker.Finding{Code: "TZ404", Severity: sev, Message: "支付日期晚于截止日期",
			Refs: []checker.Ref{{Sheet: SheetLedger, Row: row, Col: 1}}})
	}
	out, err := WriteCopy(in, r, CopyOptions{})
	if err != nil {
		t.Fatal(err)
	}
	b := openT(t, out)
	ids := map[int]bool{}
	for row := 2; row <= 601; row++ {
		id, err := b.GetCellStyle(SheetLedger, "A"+strconv.Itoa(row))
		if err != nil {
			t.Fatal(err)
		}
		ids[id] = true
	}
	if len(ids) != 2 {
		t.Errorf("600 marked date cells use %d styles, want 2 (one per severity)", len(ids))
	}
	for _, cell := range []string{"A2", "A3", "A601"} {
		if st := styleOf(t, b, SheetLedger, cell); st.NumFmt != 14 || len(st.Fill.Color) != 1 {
			t.Errorf("%s: number format %d fill %v, want the date format kept and a fill", cell, st.NumFmt, st.Fill.Color)
		}
	}
}

func TestRefsText(t *testing.T) {
	ref := func(sheet string, row, col int) checker.Ref { return checker.Ref{Sheet: sheet, Row: row, Col: col} }
	many := make([]checker.Ref, 12)
	for i := range many {
		many[i] = ref("台账", i+2, 3)
	}
	for _, tc := range []struct {
		refs         []checker.Ref
		text, anchor string
	}{
		{[]checker.Ref{ref("台账", 12, 3)}, "C12", "C12"},
		{[]checker.Ref{ref("台账", 12, 3), ref("台账", 30, 3)}, "C12, C30", "C12"},
		{[]checker.Ref{ref("台账", 12, 3), ref("项目", 3, 1)}, "C12, 项目!A3", "C12"},
		{[]checker.Ref{ref("台账", 20, 0)}, "第20行", "A20"},
		{[]checker.Ref{ref("台账", 0, 4)}, "D列", "D1"},
		{[]checker.Ref{ref("台账", 0, 0)}, "整表", "A1"},
		{many, "C2, C3, C4, C5, C6, C7, C8, C9, C10, C11 等共12处", "C2"},
	} {
		if got := refsText(tc.refs); got != tc.text {
			t.Errorf("refsText(%v) = %q, want %q", tc.refs, got, tc.text)
		}
		if got := anchorCell(tc.refs[0]); got != tc.anchor {
			t.Errorf("anchorCell(%v) = %q, want %q", tc.refs[0], got, tc.anchor)
		}
	}
	if got := cellref.QuoteSheet("县's 表"); got != "'县''s 表'" {
		t.Errorf("quoteSheet = %s", got)
	}
}

// TestWriteCopyEncrypted: an encrypted workbook opened with its password
// gives a copy encrypted with the same password.
func TestWriteCopyEncrypted(t *testing.T) {
	dir := t.TempDir()
	plain := countyWorkbook(t, dir, 3, 5)
	f := openT(t, plain)
	in := filepath.Join(dir, "加密.xlsx")
	if err := f.SaveAs(in, excelize.Options{Password: "县财政"}); err != nil {
		t.Fatal(err)
	}
	r := sampleReport(in)
	for _, pw := range []string{"错", ""} {
		if _, err := WriteCopy(in, r, CopyOptions{Password: pw}); err == nil || !strings.Contains(err.Error(), "无法打开 "+in) {
			t.Errorf("password %q: %v", pw, err)
		}
	}
	out, err := WriteCopy(in, r, CopyOptions{Password: "县财政"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := excelize.OpenFile(out); err == nil {
		t.Error("the copy of an encrypted workbook opens without its password")
	}
	b, err := excelize.OpenFile(out, excelize.Options{Password: "县财政"})
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	if cs, _ := b.GetComments(SheetInfo); len(cs) != 2 {
		t.Errorf("基本信息 has %d notes, want 2 (B7 new, B8 the county's with a finding added)", len(cs))
	}
	if got := b.GetSheetList()[0]; got != SheetVerdict {
		t.Errorf("first sheet %s", got)
	}
}

// TestWriteCopyReadOnlyFolder writes into a folder of mode 555. Root ignores
// folder permissions, so as root the write runs as user nobody through
// setpriv (this test binary again, in helper mode).
func TestWriteCopyReadOnlyFolder(t *testing.T) {
	if in := os.Getenv("FUNDCHECK_HELPER_IN"); in != "" {
		_, err := WriteCopy(in, sampleReport(in), CopyOptions{OutDir: os.Getenv("FUNDCHECK_HELPER_OUT")})
		fmt.Printf("WriteCopy error: %v\n", err)
		return
	}
	base, err := os.MkdirTemp("", "fundcheck-ro-")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.Chmod(filepath.Join(base, "只读"), 0o755); os.RemoveAll(base) })
	os.Chmod(base, 0o755)
	in := countyWorkbook(t, base, 3, 5)
	ro := filepath.Join(base, "只读")
	if err := os.Mkdir(ro, 0o555); err != nil {
		t.Fatal(err)
	}
	os.Chmod(ro, 0o555)
	var msg string
	if os.Geteuid() != 0 {
		_, err := WriteCopy(in, sampleReport(in), CopyOptions{OutDir: ro})
		msg = fmt.Sprint(err)
	} else {
		setpriv, err := exec.LookPath("setpriv")
		if err != nil {
			t.Skip("running as root without setpriv: a read-only folder cannot be tested")
		}
		self, _ := os.ReadFile(os.Args[0])
		bin := filepath.Join(base, "sheets.test")
		if err := os.WriteFile(bin, self, 0o755); err != nil {
			t.Fatal(err)
		}
		cmd := exec.Command(setpriv, "--reuid=65534", "--regid=65534", "--clear-groups", bin, "-test.run=^TestWriteCopyReadOnlyFolder$")
		cmd.Env = append(os.Environ(), "FUNDCHECK_HELPER_IN="+in, "FUNDCHECK_HELPER_OUT="+ro)
		b, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("as nobody: %v\n%s", err, b)
		}
		msg = string(b)
	}
	t.Log(strings.TrimSpace(msg))
	if !strings.Contains(msg, "无法在文件夹 "+ro+" 中写入审核结果：没有写入权限") {
		t.Errorf("error %q, want one naming the read-only folder", msg)
	}
	if entries, _ := os.ReadDir(ro); len(entries) != 0 {
		t.Errorf("read-only folder holds %v", entries)
	}
}

// ruleTitle is how the opinion names a group of findings: by its rule's title.
func ruleTitle(t *testing.T, code string) string {
	t.Helper()
	rule, ok := checker.LookupRule(code)
	if !ok {
		t.Fatalf("no rule %s", code)
	}
	return rule.Title
}
