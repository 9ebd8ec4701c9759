package checker

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// placeWords rewrites the ways one place is written into one form (RULES.md
// reading 8). Order matters: the long form goes first.
var placeWords = strings.NewReplacer(
	"街道办事处", "街",
	"街道", "街",
	"人民政府", "",
	"办事处", "",
	"镇", "乡",
)

// normalName is a project name with the differences that do not make another
// project removed: NFKC (full-width letters and digits), whitespace and
// punctuation, and the variants of place words. Words that do make another
// project — 春季 / 秋季, a phase marker such as （二期） — survive: only the
// brackets around 二期 go.
func normalName(s string) string {
	s = norm.NFKC.String(s)
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		if unicode.IsSpace(r) || unicode.IsPunct(r) || unicode.IsSymbol(r) {
			continue
		}
		b.WriteRune(r)
	}
	return placeWords.Replace(b.String())
}

// exactName is the name as written, without surrounding or inner spaces
// (a stray space does not make two names different).
func exactName(s string) string {
	if strings.IndexFunc(s, unicode.IsSpace) < 0 {
		return s
	}
	return strings.Join(strings.Fields(s), "")
}
