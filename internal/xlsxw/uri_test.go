package xlsxw

import (
	"net/url"
	"testing"
)

func TestFileURI(t *testing.T) {
	for _, c := range []struct{ path, want, decoded string }{
		{"结果/阿城区_审核结果.xlsx", "结果/阿城区_审核结果.xlsx", ""},
		{"县区 资料/阿城区 2023年_审核结果.xlsx", "县区%20资料/阿城区%202023年_审核结果.xlsx", ""},
		{"第#2批/100%完成[终稿]_审核结果.xlsx", "第%232批/100%25完成%5B终稿%5D_审核结果.xlsx", ""},
		{"a?b&c'd=e.xlsx", "a%3Fb&c'd=e.xlsx", ""},
		{"../汇总/x.xlsx", "../汇总/x.xlsx", ""},
		{"/home/县/x y.xlsx", "file:///home/县/x%20y.xlsx", ""},
		{"C:/县/x:1.xlsx", "file:///C:/县/x%3A1.xlsx", "/C:/县/x:1.xlsx"},
		{"//服务器/共享/x.xlsx", "file://服务器/共享/x.xlsx", "/共享/x.xlsx"},
		{"c:x.xlsx", "c%3Ax.xlsx", ""},
		{"bad\xffname\uFFFE.xlsx", "bad%FFname%EF%BF%BE.xlsx", ""},
		{"tab\there", "tab%09here", ""},
		{"", "", ""},
	} {
		got := fileURI(c.path)
		if got != c.want {
			t.Errorf("fileURI(%q) = %q, want %q", c.path, got, c.want)
		}
		// Whatever reads the link decodes it back to the path.
		decoded := c.decoded
		if decoded == "" {
			decoded = c.path
		}
		if u, err := url.Parse(got); err != nil || u.Path != decoded || u.Fragment != "" || u.RawQuery != "" {
			t.Errorf("fileURI(%q) = %q reads back as %+v, %v; want the path %q", c.path, got, u, err, decoded)
		}
	}
}
