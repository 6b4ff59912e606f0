package magiclink

import (
	"errors"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

func TestOneTimeCue(t *testing.T) {
	for text, want := range map[string]bool{
		"This link expires in 15 minutes.":                       true,
		"Click the button below to sign in to Acme.":             true,
		"You requested a magic link for Acme.":                   true,
		"Der Link ist 15 Minuten gültig.":                        true,
		"该链接 24 小时内有效，且仅可使用一次。":                                  true,
		"El enlace vence en 24 horas.":                           true,
		"Your password was changed. If this wasn't you, log in.": false,
		"We noticed a new sign-in to your account.":              false,
	} {
		if got := OneTimeCue(text); got != want {
			t.Errorf("OneTimeCue(%q) = %v, want %v", text, got, want)
		}
	}
}

// TestOneTimeCueAsOneExpression checks the word table against the single expression it
// replaces, on every fixture file and on texts built from the cues' own pieces, where the
// two could part: at word boundaries, at the window's edge, across lines.
func TestOneTimeCueAsOneExpression(t *testing.T) {
	var texts []string
	files, _ := filepath.Glob("../testdata/*/*")
	for n, f := range files {
		if n%3 != 0 {
			continue // the expression is slow: a third of the files, a kilobyte of each
		}
		b, err := os.ReadFile(f)
		if errors.Is(err, syscall.EISDIR) {
			continue
		}
		if err != nil {
			t.Fatal(err)
		}
		texts = append(texts, string(b[len(b)/2:min(len(b), len(b)/2+1<<10)]))
	}
	if len(texts) < 300 {
		t.Fatalf("only %d fixture files", len(texts))
	}
	pieces := []string{"link", "Link", " ", "  ", "\n", "x", "_", "9", "é", "below", " to ", "sign", "log",
		"in", "-", "expir", "valid", "o", "a", " for", "one", "time", "single", "use", "you", " asked",
		" requested", "button", "anmelden", "bouton", "connect", "läuft ", "ab", "botón", "entrar",
		"knop", "inloggen", "can", " be used once", "GÜLTIG", "有効", "一次", "ważn", "strings", "abcdefghij"}
	rng := rand.New(rand.NewPCG(8, 8))
	for n := 0; n < 20000; n++ {
		var sb strings.Builder
		for k := rng.IntN(12); k >= 0; k-- {
			sb.WriteString(pieces[rng.IntN(len(pieces))])
		}
		texts = append(texts, sb.String())
	}
	texts = append(texts,
		"link"+strings.Repeat(" ", 40)+"anmelden", "link"+strings.Repeat("é", 40)+"anmelden",
		"link"+strings.Repeat("é", 41)+"anmelden", "xexpires", "_valid for", "valid for",
		strings.Repeat("link link ", maxCueChecks)+"expires", strings.Repeat("link link ", maxCueChecks)+"nothing")
	for _, text := range texts {
		if got, want := OneTimeCue(text), oneTimeCue().MatchString(strings.ToLower(text)); got != want {
			t.Fatalf("OneTimeCue(%q) = %v, the expression says %v", clipForLog(text), got, want)
		}
	}
}

func clipForLog(s string) string {
	if len(s) > 300 {
		return s[:300] + "…"
	}
	return s
}
