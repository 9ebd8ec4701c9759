package sheets

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"

	"fundcheck/checker"
	"fundcheck/internal/xlsxw"

	"github.com/xuri/excelize/v2"
)

// The sheets fundcheck adds to a workbook are written by xlsxw; what excelize
// does better, turning styles into a styles part and drawing charts, it does
// once per program, in a workbook of its own, and the parts are taken out.

// styleSheet is a styles part, the theme part it refers to and the numbers
// of the styles in it.
type styleSheet[T any] struct {
	ids         *T
	part, theme []byte
}

// excelizeStyles makes the styles and theme parts of a new workbook after
// build has added its styles to it.
func excelizeStyles[T any](build func(*excelize.File) (*T, error)) (styleSheet[T], error) {
	f := excelize.NewFile()
	defer f.Close()
	ids, err := build(f)
	if err != nil {
		return styleSheet[T]{}, err
	}
	parts, err := partsOf(f, "xl/styles.xml", "xl/theme/theme1.xml")
	if err != nil {
		return styleSheet[T]{}, err
	}
	return styleSheet[T]{ids, parts[0], parts[1]}, nil
}

// drawChart draws c at the cell at of a sheet with the given column widths
// (which place the chart's far corner), in a workbook of its own, and takes
// out the chart and drawing parts.
func drawChart(sheet string, widths []float64, at string, c *excelize.Chart) (*xlsxw.Chart, error) {
	f := excelize.NewFile()
	defer f.Close()
	if err := f.SetSheetName(f.GetSheetName(0), sheet); err != nil {
		return nil, err
	}
	for i, w := range widths {
		if w > 0 {
			col := checker.ColumnName(i + 1)
			if err := f.SetColWidth(sheet, col, col, w); err != nil {
				return nil, err
			}
		}
	}
	if err := f.AddChart(sheet, at, c); err != nil {
		return nil, err
	}
	parts, err := partsOf(f, "xl/drawings/drawing1.xml", "xl/drawings/_rels/drawing1.xml.rels", "xl/charts/chart1.xml")
	if err != nil {
		return nil, err
	}
	// xlsxw relates the drawing to its chart as rId1: so must excelize.
	if !bytes.Contains(parts[1], []byte(`Id="rId1"`)) || !bytes.Contains(parts[1], []byte(`charts/chart1.xml"`)) {
		return nil, fmt.Errorf("excelize 生成的图表关系与预期不符：%s", parts[1])
	}
	return &xlsxw.Chart{Drawing: parts[0], Chart: parts[2]}, nil
}

// partsOf writes f and returns the named parts of the package.
func partsOf(f *excelize.File, names ...string) ([][]byte, error) {
	buf, err := f.WriteToBuffer()
	if err != nil {
		return nil, err
	}
	zr, err := zip.NewReader(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
	if err != nil {
		return nil, err
	}
	out := make([][]byte, len(names))
	for i, name := range names {
		rc, err := zr.Open(name)
		if err != nil {
			return nil, err
		}
		out[i], err = io.ReadAll(rc)
		rc.Close()
		if err != nil {
			return nil, err
		}
	}
	return out, nil
}
