package sheets

import "testing"

func TestSniff(t *testing.T) {
	gbk := []byte("\xcf\xee\xc4\xbf\xc3\xfb\xb3\xc6,800\r\n") // 项目名称,800 in GBK
	for _, c := range []struct {
		name string
		head []byte
		want format
	}{
		{"empty", nil, formatUnknown},
		{"zip", []byte("PK\x03\x04\x14\x00"), formatZip},
		{"empty zip", []byte("PK\x05\x06"), formatZip},
		{"ole2", []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0}, formatOLE2},
		{"pdf", []byte("%PDF-1.7"), formatPDF},
		{"gzip", []byte{0x1F, 0x8B, 8, 0}, formatArchive},
		{"rar", []byte("Rar!\x1A\x07\x01\x00"), formatArchive},
		{"utf-8 csv", []byte("项目名称,预算资金\n村道,800\n"), formatText},
		{"utf-8 csv with BOM", []byte("\xEF\xBB\xBF项目名称,预算资金\n"), formatText},
		{"gbk csv", gbk, formatText},
		{"utf-16 text (Excel's Unicode text)", []byte("\xFF\xFE\xF9\x98\xEE\x76"), formatText},
		{"html", []byte("  <!DOCTYPE html><html>"), formatHTML},
		{"html table", []byte("<table border=1><tr>"), formatHTML},
		{"spreadsheetml", []byte(`<?xml version="1.0"?><?mso-application progid="Excel.Sheet"?><Workbook>`), formatSpreadsheetML},
		{"xml", []byte(`<?xml version="1.0"?><data/>`), formatXML},
		{"binary", []byte{0x00, 0x01, 0x02, 0x03}, formatUnknown},
	} {
		if got := sniff(c.head); got != c.want {
			t.Errorf("%s: sniff = %d; want %d", c.name, got, c.want)
		}
	}
}

func TestHumanSize(t *testing.T) {
	for _, c := range []struct {
		n    uint64
		want string
	}{
		{0, "0 字节"}, {1023, "1023 字节"}, {1536, "1.5 KB"}, {MaxFileSize, "256.0 MB"}, {10 << 30, "10.0 GB"},
	} {
		if got := humanSize(c.n); got != c.want {
			t.Errorf("humanSize(%d) = %q; want %q", c.n, got, c.want)
		}
	}
}

func TestFileErrorKindString(t *testing.T) {
	for k := KindLayout; k <= KindTooLarge; k++ {
		if s := k.String(); s == "" || s == "unknown" {
			t.Errorf("kind %d has no name", k)
		}
	}
	if s := FileErrorKind(200).String(); s != "unknown" {
		t.Errorf("kind 200 = %q; want unknown", s)
	}
}
