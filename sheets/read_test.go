package sheets

import (
	"archive/zip"
	"errors"
	"flag"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"fundcheck/checker"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// fields turns a dump into a map from field path to value, for spot checks.
func fields(lines []string) map[string]string {
	m := map[string]string{}
	for _, l := range lines {
		path, v, ok := strings.Cut(l, " = ")
		if !ok {
			path, v, _ = strings.Cut(l, " ")
		}
		m[path] = v
	}
	return m
}

// compareLines reports every line where got and want differ.
func compareLines(t *testing.T, name string, got, want []string) {
	t.Helper()
	for i := 0; i < max(len(got), len(want)); i++ {
		var g, w string
		if i < len(got) {
			g = got[i]
		}
		if i < len(want) {
			w = want[i]
		}
		if g != w {
			t.Errorf("%s line %d:\n got  %s\n want %s", name, i+1, g, w)
		}
	}
}

// The same workbook as openpyxl wrote it (formulas without cached values),
// as LibreOffice saved it (cached values) and as gnumeric saved it (numbers
// with 21 digits) must read to the same model.
func TestReadReportLayout(t *testing.T) {
	golden := filepath.Join("testdata", "report.golden")
	for _, name := range []string{"report.xlsx", "report_lo.xlsx", "report_gnumeric.xlsx"} {
		t.Run(name, func(t *testing.T) {
			wb, err := Read(filepath.Join("testdata", name), Options{})
			if err != nil {
				t.Fatal(err)
			}
			if wb.Source != name {
				t.Errorf("Source = %q, want %q", wb.Source, name)
			}
			wb.Source = ""
			got := dump(wb)
			if *update && name == "report.xlsx" {
				if err := os.WriteFile(golden, []byte(strings.Join(got, "\n")+"\n"), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatal(err)
			}
			compareLines(t, name, got, strings.Split(strings.TrimSuffix(string(want), "\n"), "\n"))

			// The layout rules, one field each, so that a golden file
			// rewritten by mistake still cannot hide them.
			f := fields(got)
			for path, want := range map[string]string{
				// （元） in a 基本信息 key; "5,115.68"; "5115.68万元"; % format; "78.5%"; 62.27; "3个".
				".Info.LastCountyBudget":      "81.68 @基本信息!B9",
				".Info.LastTotal":             "5115.68 @基本信息!B10",
				".Info.LastSpent":             "5115.68 @基本信息!B11",
				".Info.ProvinceAvgJul":        "0.5532 @基本信息!B13",
				".Info.ProvinceAvgOct":        "0.785 @基本信息!B14",
				".Info.DeclaredIndustryShare": "0.6227 @基本信息!B18",
				".Info.ProblemsFound":         "3 @基本信息!B16",
				".Info.Cutoff":                "2023-12-25 @基本信息!B8",
				".Info.Year":                  "2023 @基本信息!B6",
				".Info.PovertyCounty":         "false @基本信息!B7",
				".Info.DeclaredScore":         "89.34 @基本信息!B19",
				".Info.IncomePoor":            "unset @基本信息",
				// Shuffled columns, title and 单位 rows, amounts as text, dates in five forms.
				".Notices[0].Level":    "中央 @资金下达!B4",
				".Notices[0].Task":     "少数民族发展 @资金下达!F4",
				".Notices[0].Amount":   "118 @资金下达!C4",
				".Notices[0].Received": "2022-12-15 @资金下达!D4",
				".Notices[0].Approved": "2023-01-04 @资金下达!E4",
				".Notices[1].Amount":   "2281 @资金下达!C5",
				".Notices[1].Received": "2023-02-07 @资金下达!D5",
				".Notices[1].Approved": "2023-02-07 @资金下达!E5",
				".Notices[1].Task":     "巩固拓展脱贫攻坚成果和乡村振兴 @资金下达!F5",
				".Notices[2].Level":    "市级 @资金下达!B6",
				".Notices[2].Amount":   "406 @资金下达!C6",
				".Notices[2].Received": "2023-02-07 @资金下达!D6",
				".Notices[2].Approved": "2023-03-01 @资金下达!E6",
				".Notices[3].Level":    "县级 @资金下达!B7",
				".Notices[3].Received": "unset @资金下达!D7",
				".Notices[3].Title":    "unset @资金下达!7",
				// Category once per block, merged in the second block; "406.00万元"; 21-digit noise.
				".Projects[0].Category":  "产业类 @项目清单!A4",
				".Projects[0].Budget":    "406 @项目清单!C4",
				".Projects[0].Share":     "0.6227 @项目清单!D4",
				".Projects[1].Category":  "产业类 @项目清单!A5",
				".Projects[1].Share":     "unset @项目清单!D5",
				".Projects[2].Category":  "产业类 @项目清单!A6",
				".Projects[3].Budget":    "3699.99 @项目清单!C8",
				".Projects[3].Share":     "0.3653 @项目清单!D8",
				".Projects[4].Category":  "基础设施类 @项目清单!A9",
				".Projects[5].Category":  "基础设施类 @项目清单!A10",
				".Projects[5].InLibrary": "true @项目清单!E10",
				".Projects[6].Category":  "其他类 @项目清单!A12",
				".Projects[6].Share":     "0.012 @项目清单!D12",
				".Projects[7].Category":  "其他类 @项目清单!A13",
				".Projects[3].InLibrary": "false @项目清单!E8",
				".Projects[1].InLibrary": "true @项目清单!E5",
				// Subtotals: never projects; the grand total covers every row.
				".Subtotals[1].Label":    "产业类项目合计 @项目清单!A7",
				".Subtotals[1].Category": "产业类",
				".Subtotals[1].From":     "0",
				".Subtotals[1].To":       "3",
				".Subtotals[1].Amount":   "1166 @项目清单!C7",
				".Subtotals[2].Amount":   "4847.99 @项目清单!C11",
				".Subtotals[2].From":     "3",
				".Subtotals[2].To":       "6",
				".Subtotals[4].Label":    "资金总额 @项目清单!A15",
				".Subtotals[4].From":     "0",
				".Subtotals[4].To":       "8",
				".Subtotals[4].Amount":   "6055.32 @项目清单!C15",
				".Subtotals[4].Share":    "1 @项目清单!D15",
				".Subtotals[0].Amount":   "81.68 @资金下达!C8",
				".Subtotals[5].Table":    "3",
				".Subtotals[5].Amount":   "444.18 @支付台账!D6",
				// （元） column; date formatted 2023年3月15日; a serial in a General cell.
				".Payments[0].Amount": "406 @支付台账!D2",
				".Payments[0].Date":   "2023-03-15 @支付台账!B2",
				".Payments[1].Amount": "300 @支付台账!D3",
				".Payments[1].Date":   "2023-07-13 @支付台账!B3",
				".Payments[2].Amount": "38.18 @支付台账!D4",
				// Scores: section and 合计 rows skipped; blank self-score; "15分".
				".Scores[0].No":    "1 @自评打分!A5",
				".Scores[8].Self":  "8.34 @自评打分!D13",
				".Scores[14].Self": "unset @自评打分!D19",
				".Scores[15].Self": "0 @自评打分!D20",
				".Scores[16].Self": "-5 @自评打分!D21",
				".Scores[17].Task": "以工代赈 @自评打分!F22",
				".Scores[17].Self": "15 @自评打分!D22",
				".Params[0].Num":   "0.6 @参数!B2",
				".Params[1].Num":   "45 @参数!B3",
				".Params[2].Num":   "unset @参数!B4",
			} {
				if f[path] != want {
					t.Errorf("%s = %q, want %q", path, f[path], want)
				}
			}
			if len(wb.Projects) != 8 || len(wb.Notices) != 4 || len(wb.Payments) != 3 || len(wb.Scores) != 18 || len(wb.Subtotals) != 6 {
				t.Errorf("read %d projects, %d notices, %d payments, %d score rows, %d subtotals; want 8, 4, 3, 18, 6",
					len(wb.Projects), len(wb.Notices), len(wb.Payments), len(wb.Scores), len(wb.Subtotals))
			}
			// Exactly the two （元） hints: the file is otherwise clean.
			var codes []string
			for _, p := range wb.Problems {
				codes = append(codes, p.Code+" "+p.Refs[0].String())
			}
			if want := []string{"GS108 基本信息!A9", "GS108 支付台账!D1"}; !slices.Equal(codes, want) {
				t.Errorf("problems = %v, want %v", codes, want)
			}
		})
	}
}

func TestReadHeadersOnly(t *testing.T) {
	wb, err := Read(filepath.Join("testdata", "headers_only.xlsx"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(wb.Notices)+len(wb.Projects)+len(wb.Payments)+len(wb.Scores)+len(wb.Subtotals) != 0 {
		t.Errorf("read rows from a workbook that has none: %+v", wb)
	}
	var keys []string
	for _, p := range wb.Problems {
		if p.Code != checker.CodeMissingKey || p.Severity != checker.Error || len(p.Refs) != 1 || p.Refs[0] != (checker.Ref{Sheet: SheetInfo}) {
			t.Errorf("unexpected problem %+v", p)
			continue
		}
		key := p.Message[strings.Index(p.Message, "“")+len("“") : strings.Index(p.Message, "”")]
		keys = append(keys, key)
	}
	want := []string{"地区名称", "评价年度", "是否脱贫县", "数据截止日期", "上年县本级衔接资金预算（万元）",
		"上年衔接资金总额（万元）", "上年衔接资金累计支出（万元）", "上年产业项目资金（万元）"}
	if !slices.Equal(keys, want) {
		t.Errorf("missing keys reported = %v, want %v", keys, want)
	}
}

func TestReadRejects(t *testing.T) {
	dir := t.TempDir()
	notZip := filepath.Join(dir, "假的.xlsx")
	if err := os.WriteFile(notZip, []byte("地区名称,阿城区\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		path string
		want []string // problems, or the start of the single one
	}{
		{filepath.Join("testdata", "missing.xlsx"), []string{
			"缺少工作表“支付台账”",
			"缺少工作表“自评打分”",
			"工作表“资金下达”缺少必需的列：金额（万元）、落实到项目日期",
			"工作表“项目清单”缺少必需的列：预算资金（万元）",
		}},
		{notZip, []string{msgText}},
		{filepath.Join(dir, "没有这个文件.xlsx"), []string{"找不到这个文件"}},
	}
	for _, tt := range tests {
		wb, err := Read(tt.path, Options{})
		var fe *FileError
		if !errors.As(err, &fe) {
			t.Errorf("Read(%s) = %v, %v; want a *FileError", tt.path, wb, err)
			continue
		}
		if wb != nil {
			t.Errorf("Read(%s) returned a workbook with its error", tt.path)
		}
		if fe.Path != tt.path || !strings.HasPrefix(fe.Error(), tt.path+"：") {
			t.Errorf("FileError names %q (%s), want %q", fe.Path, fe.Error(), tt.path)
		}
		if len(tt.want) == 1 {
			if len(fe.Problems) != 1 || !strings.HasPrefix(fe.Problems[0], tt.want[0]) {
				t.Errorf("Read(%s) problems = %q, want one starting %q", tt.path, fe.Problems, tt.want[0])
			}
			continue
		}
		if !slices.Equal(fe.Problems, tt.want) {
			t.Errorf("Read(%s) problems =\n%q\nwant\n%q", tt.path, fe.Problems, tt.want)
		}
	}
}

// Dates in the 1904 date system, as openpyxl and LibreOffice write them:
// date-formatted cells and a serial pasted into a General cell.
func TestRead1904(t *testing.T) {
	for _, name := range []string{"dates1904.xlsx", "dates1904_lo.xlsx"} {
		wb, err := Read(filepath.Join("testdata", name), Options{})
		if err != nil {
			t.Fatal(err)
		}
		f := fields(dump(wb))
		for path, want := range map[string]string{
			".Info.Cutoff":         "2023-12-25 @基本信息!B2",
			".Notices[0].Received": "2022-12-15 @资金下达!C2",
			".Notices[0].Approved": "2023-01-04 @资金下达!D2",
			".Payments[0].Date":    "2023-03-15 @支付台账!A2",
			".Payments[1].Date":    "2023-02-07 @支付台账!A3",
			".Payments[1].Amount":  "2 @支付台账!C3",
		} {
			if f[path] != want {
				t.Errorf("%s: %s = %q, want %q", name, path, f[path], want)
			}
		}
	}
}

// Damaged files are rejected, never a crash: a truncated workbook, and one
// whose sheet XML is garbage.
func TestReadDamaged(t *testing.T) {
	dir := t.TempDir()
	whole, err := os.ReadFile(filepath.Join("testdata", "report.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	truncated := filepath.Join(dir, "truncated.xlsx")
	if err := os.WriteFile(truncated, whole[:len(whole)/2], 0o644); err != nil {
		t.Fatal(err)
	}
	garbled := filepath.Join(dir, "garbled.xlsx")
	writeZip(t, garbled, filepath.Join("testdata", "report.xlsx"), "xl/worksheets/sheet3.xml", "<worksheet><sheetData><row r=\"x\"><c r=\"??\" t=\"s\"><v>999999</v></c>")
	for _, path := range []string{truncated, garbled} {
		_, err := Read(path, Options{})
		var fe *FileError
		if !errors.As(err, &fe) || len(fe.Problems) == 0 {
			t.Errorf("Read(%s) = %v, want a *FileError", filepath.Base(path), err)
		}
	}
}

// writeZip copies the zip at from to path, replacing the content of part.
func writeZip(t *testing.T, path, from, part, content string) {
	t.Helper()
	r, err := zip.OpenReader(from)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	out, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer out.Close()
	w := zip.NewWriter(out)
	for _, f := range r.File {
		dst, err := w.Create(f.Name)
		if err != nil {
			t.Fatal(err)
		}
		if f.Name == part {
			io.WriteString(dst, content)
			continue
		}
		src, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		io.Copy(dst, src)
		src.Close()
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
}
