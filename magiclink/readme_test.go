package magiclink

import (
	"flag"
	"fmt"
	"os"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the rule table in ../README.md")

const (
	rulesStart = "<!-- magiclink rules -->\n"
	rulesEnd   = "<!-- /magiclink rules -->"
)

// rulesTable renders Rules() as the README's Markdown table.
func rulesTable() string {
	var b strings.Builder
	b.WriteString("| rule | weight | reads |\n| --- | ---: | --- |\n")
	for _, r := range Rules() {
		fmt.Fprintf(&b, "| `%s` | %+d | %s |\n", r.Name, r.Weight, strings.ReplaceAll(r.Reads, "|", "\\|"))
	}
	return b.String()
}

// TestREADMERules keeps the README's rule table what Rules() says.
func TestREADMERules(t *testing.T) {
	b, err := os.ReadFile("../README.md")
	if err != nil {
		t.Fatal(err)
	}
	s := string(b)
	i, j := strings.Index(s, rulesStart), strings.Index(s, rulesEnd)
	if i < 0 || j < i {
		t.Fatalf("README.md has no %q … %q block", rulesStart, rulesEnd)
	}
	want := s[:i+len(rulesStart)] + rulesTable() + s[j:]
	if want == s {
		return
	}
	if *update {
		if err := os.WriteFile("../README.md", []byte(want), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	t.Errorf("README.md's rule table is stale: run go test ./magiclink -update")
}
