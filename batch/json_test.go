package batch

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"testing"
)

var update = flag.Bool("update", false, "rewrite golden files")

func TestWriteJSONGolden(t *testing.T) {
	res := fakeChecker().Run([]string{"县/阿城区.xlsx", "县/bad.xlsx", "县/err.xlsx", "县/ro.xlsx"}, Options{}, nil)
	var buf bytes.Buffer
	if err := WriteJSON(&buf, res); err != nil {
		t.Fatal(err)
	}
	golden := filepath.Join("testdata", "results.json")
	if *update {
		if err := os.WriteFile(golden, buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(buf.Bytes(), want) {
		t.Errorf("JSON differs from %s (run with -update to accept):\n%s", golden, buf.String())
	}
	var doc map[string][]map[string]any
	if err := json.Unmarshal(buf.Bytes(), &doc); err != nil {
		t.Fatalf("not valid JSON: %v", err)
	}
	if len(doc["files"]) != len(res) {
		t.Errorf("%d file objects, want %d", len(doc["files"]), len(res))
	}
	for _, f := range doc["files"] {
		if len(f) != 12 {
			t.Errorf("file object %v has %d keys, want all 12", f["input"], len(f))
		}
	}
}

func TestFixedNeverGoesThroughFloat(t *testing.T) {
	tests := []struct{ in, want string }{
		{"98.934", "98.93"}, {"0.005", "0.01"}, {"-10", "-10.00"},
		{"12345678901234567.125", "12345678901234567.13"}, {"0", "0.00"},
	}
	for _, tt := range tests {
		got, _ := json.Marshal(fixed(dec(tt.in)))
		if string(got) != tt.want {
			t.Errorf("fixed(%s) = %s, want %s", tt.in, got, tt.want)
		}
	}
}
