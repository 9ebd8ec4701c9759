package sheets

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"fundcheck/internal/sample"
)

// openpyxl is what many provincial reviewers script with: it must load the
// written workbooks and see their data validations, formats and dates.
func TestWrittenWorkbookInOpenpyxl(t *testing.T) {
	python := "/usr/bin/python3"
	if _, err := os.Stat(python); err != nil {
		t.Skip("no /usr/bin/python3 (the Python that has openpyxl)")
	}
	if err := exec.Command(python, "-c", "import openpyxl").Run(); err != nil {
		t.Skip("openpyxl is not installed for /usr/bin/python3")
	}
	path := filepath.Join(t.TempDir(), "阿城区2023.xlsx")
	if err := WriteWorkbook(path, sample.Acheng(), sample.AchengNote, CategoryOncePerBlock()); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(python, "testdata/openpyxl_dump.py", path, "项目清单!F2", "项目清单!G2", "资金下达!F2", "项目清单!C3").Output()
	if err != nil {
		t.Fatalf("openpyxl could not read the workbook: %v", err)
	}
	var seen struct {
		Sheets []string
		DV     map[string][]string
		Freeze map[string]*string
		Cells  map[string][3]string
	}
	if err := json.Unmarshal(out, &seen); err != nil {
		t.Fatalf("%v in %s", err, out)
	}
	if want := []string{SheetGuide, SheetInfo, SheetNotices, SheetProjects, SheetLedger, SheetScores}; !slices.Equal(seen.Sheets, want) {
		t.Errorf("sheets %v, want %v", seen.Sheets, want)
	}
	if dv := seen.DV[SheetProjects]; !slices.Contains(dv, `C2:C2044 "产业类,基础设施类,其他类"`) {
		t.Errorf("项目清单 validations %q: no 项目类别 list", dv)
	}
	if f := seen.Freeze[SheetLedger]; f == nil || *f != "A2" {
		t.Errorf("支付台账 frozen at %v, want A2", f)
	}
	for ref, want := range map[string][3]string{
		"项目清单!F2": {"int", "406", "0.00"},
		"项目清单!G2": {"float", "0.6227", "0.00%"},
		"资金下达!F2": {"datetime", "2022-12-15 00:00:00", "yyyy-mm-dd"},
		"项目清单!C3": {"NoneType", "None", "General"},
	} {
		if got := seen.Cells[ref]; got != want {
			t.Errorf("%s: openpyxl sees %v, want %v", ref, got, want)
		}
	}
}

// LibreOffice must open the written workbook without repairing it and save
// it back with the same cells and drop-down lists.
func TestWrittenWorkbookInLibreOffice(t *testing.T) {
	soffice, err := exec.LookPath("soffice")
	if err != nil {
		t.Skip("LibreOffice (soffice) is not installed")
	}
	if testing.Short() {
		t.Skip("starting LibreOffice takes seconds")
	}
	dir := t.TempDir()
	in := filepath.Join(dir, "in", "阿城区2023.xlsx")
	if err := os.Mkdir(filepath.Dir(in), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := WriteWorkbook(in, sample.Acheng(), sample.AchengNote, CategoryOncePerBlock()); err != nil {
		t.Fatal(err)
	}
	// A profile of its own, so that a LibreOffice already running (another
	// test, a desktop session) does not swallow the conversion.
	cmd := exec.Command(soffice, "-env:UserInstallation=file://"+filepath.Join(dir, "profile"),
		"--headless", "--convert-to", "xlsx", "--outdir", dir, in)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("soffice: %v\n%s", err, out)
	}
	f := openRaw(t, filepath.Join(dir, "阿城区2023.xlsx"))
	for _, c := range []struct{ sheet, ref, want string }{
		{SheetProjects, "F2", "406"},
		{SheetProjects, "C3", ""},
		{SheetProjects, "B18", "产业类项目合计"},
		{SheetProjects, "F44", "4950.68"},
		{SheetNotices, "F2", "44910"},
		{SheetGuide, "B2", sample.AchengNote},
	} {
		if got := cell(t, f, c.sheet, c.ref); got != c.want {
			t.Errorf("after LibreOffice, %s!%s = %q, want %q", c.sheet, c.ref, got, c.want)
		}
	}
	dvs, err := f.GetDataValidations(SheetProjects)
	if err != nil {
		t.Fatal(err)
	}
	lists := 0
	for _, dv := range dvs {
		if dv.Type == "list" && strings.Contains(dv.Formula1, "是") {
			lists++
		}
	}
	if lists < 5 {
		t.Errorf("after LibreOffice, 项目清单 has %d 是/否 lists, want 5", lists)
	}
}
