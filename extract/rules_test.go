package extract

import (
	"bytes"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/otpkit/otpkit/extract/internal/ruleoff"
)

// answer is what a person is told for a message: the code, the link, or nothing.
func answer(res Result, err error) string {
	if err != nil {
		return "none"
	}
	return string(res.Type) + " " + res.Code + res.Link
}

// TestEveryRuleDecides switches each rule of evidence off in turn: every rule must change the
// answer for at least one fixture, or it is a rule nothing needs.
func TestEveryRuleDecides(t *testing.T) {
	if testing.Short() || underRace {
		t.Skip("runs every fixture once per rule: not with -short or -race (.ci/run runs it without)")
	}
	fs := loadFixtures(t)
	base := make([]string, len(fs))
	for i, f := range fs {
		base[i] = answer(Extract(f.content, f.opts))
	}
	for r := rule(0); r < numRules; r++ {
		changed := ""
		for i, f := range fs {
			opts := f.opts
			opts.off = ruleoff.Of("extract/" + rules[r].Name)
			if got := answer(Extract(f.content, opts)); got != base[i] {
				changed = fmt.Sprintf("%s: %s → %s", f.name, base[i], got)
				break
			}
		}
		if changed == "" {
			t.Errorf("rule %s: switched off, no fixture's answer changes", rules[r].Name)
		} else {
			t.Logf("rule %s decides %s", rules[r].Name, changed)
		}
	}
}

// TestRulesTable keeps the table whole: a name and a reading for every rule, names unique.
func TestRulesTable(t *testing.T) {
	seen := map[string]bool{}
	for r, x := range rules {
		if x.Name == "" || x.Reads == "" || x.Weight == 0 {
			t.Errorf("rule %d is incomplete: %+v", r, x)
		}
		if seen[x.Name] {
			t.Errorf("rule %s twice", x.Name)
		}
		seen[x.Name] = true
	}
}

// rulesMarkdown renders the rules as the README lists them.
func rulesMarkdown() []byte {
	var b bytes.Buffer
	b.WriteString("| rule | weight | what it reads |\n| --- | ---: | --- |\n")
	for _, r := range Rules() {
		fmt.Fprintf(&b, "| `%s` | %+d | %s |\n", r.Name, r.Weight, strings.ReplaceAll(r.Reads, "|", `\|`))
	}
	return b.Bytes()
}

// TestREADMERules checks that the README's list of rules is the table's; -update rewrites it.
func TestREADMERules(t *testing.T) {
	updateREADME(t, "rules", rulesMarkdown())
}

// updateREADME checks that the README's section between <!-- name:begin --> and
// <!-- name:end --> is want, and rewrites it with -update.
func updateREADME(t *testing.T, name string, want []byte) {
	begin, end := "<!-- "+name+":begin -->\n", "<!-- "+name+":end -->"
	readme, err := os.ReadFile("../README.md")
	if err != nil {
		t.Fatal(err)
	}
	i, j := bytes.Index(readme, []byte(begin)), bytes.Index(readme, []byte(end))
	if i < 0 || j < i {
		t.Fatalf("README.md has no %q … %q section", strings.TrimSpace(begin), end)
	}
	if bytes.Equal(readme[i+len(begin):j], want) {
		return
	}
	if !*update {
		t.Fatalf("README.md's %s section is out of date; run go test ./extract -update", name)
	}
	out := append(append(append([]byte{}, readme[:i+len(begin)]...), want...), readme[j:]...)
	if err := os.WriteFile("../README.md", out, 0o644); err != nil {
		t.Fatal(err)
	}
}
