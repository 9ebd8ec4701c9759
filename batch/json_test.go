package batch

import (
	"bytes"
	"encoding/json"
	"errors"
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

// TestJSONWriterOutOfOrder adds the results as a batch finishes them, in
// every order of four, and wants WriteJSON's bytes each time.
func TestJSONWriterOutOfOrder(t *testing.T) {
	res := fakeChecker().Run([]string{"县/阿城区.xlsx", "县/bad.xlsx", "县/err.xlsx", "县/ro.xlsx"}, Options{}, nil)
	var want bytes.Buffer
	if err := WriteJSON(&want, res); err != nil {
		t.Fatal(err)
	}
	for _, order := range permutations(len(res)) {
		var got bytes.Buffer
		j := NewJSONWriter(&got)
		for _, i := range order {
			if err := j.Add(i, res[i]); err != nil {
				t.Fatal(err)
			}
		}
		if err := j.Close(); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got.Bytes(), want.Bytes()) {
			t.Errorf("added in order %v:\n%s", order, got.String())
		}
	}
}

func permutations(n int) [][]int {
	if n == 0 {
		return [][]int{{}}
	}
	var out [][]int
	for _, p := range permutations(n - 1) {
		for k := 0; k <= len(p); k++ {
			q := append(append(append([]int{}, p[:k]...), n-1), p[k:]...)
			out = append(out, q)
		}
	}
	return out
}

func TestJSONWriterEmptyAndMissing(t *testing.T) {
	var got bytes.Buffer
	if err := WriteJSON(&got, nil); err != nil {
		t.Fatal(err)
	}
	if want := "{\n  \"files\": []\n}\n"; got.String() != want {
		t.Errorf("no results: %q, want %q", got.String(), want)
	}
	got.Reset()
	j := NewJSONWriter(&got)
	j.Add(1, Result{Input: "b.xlsx", Err: errors.New("x")})
	if err := j.Close(); err == nil {
		t.Errorf("Close without file 0 succeeded:\n%s", got.String())
	}
}

type failWriter struct{ n int }

func (w *failWriter) Write(p []byte) (int, error) {
	if w.n--; w.n < 0 {
		return 0, errors.New("管道已关闭")
	}
	return len(p), nil
}

func TestJSONWriterKeepsFirstError(t *testing.T) {
	j := NewJSONWriter(&failWriter{n: 2})
	res := Result{Input: "a.xlsx", Err: errors.New("x")}
	if err := j.Add(0, res); err != nil {
		t.Fatalf("first object: %v", err)
	}
	if err := j.Add(1, res); err == nil {
		t.Error("write error not returned by Add")
	}
	if err := j.Close(); err == nil || err.Error() != "管道已关闭" {
		t.Errorf("Close = %v, want the write error", err)
	}
}

// TestJSONWriterClosedOnce: the document ends once; a second Close or a late
// Add writes nothing and says so.
func TestJSONWriterClosedOnce(t *testing.T) {
	var got bytes.Buffer
	j := NewJSONWriter(&got)
	if err := j.Add(0, Result{Input: "a.xlsx", Err: errors.New("x")}); err != nil {
		t.Fatal(err)
	}
	if err := j.Close(); err != nil {
		t.Fatal(err)
	}
	n := got.Len()
	if err := j.Close(); err == nil {
		t.Error("second Close succeeded")
	}
	if err := j.Add(1, Result{Input: "b.xlsx"}); err == nil {
		t.Error("Add after Close succeeded")
	}
	if got.Len() != n {
		t.Errorf("wrote after Close: %q", got.String()[n:])
	}
}
