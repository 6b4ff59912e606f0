package extract

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// fixture is one case of ../testdata: a message and what a person would type or open.
type fixture struct {
	name    string // group/name
	input   string // path of the message
	content string
	opts    Options
	code    string
	link    string
	none    string // why there is nothing, when nothing is expected
	tie     string // why two answers tie, when a tie is expected (ErrAmbiguous)
}

func loadFixtures(t testing.TB) []fixture {
	wants, err := filepath.Glob("../testdata/*/*.want")
	if err != nil || len(wants) == 0 {
		t.Fatalf("no fixtures: %v", err)
	}
	var out []fixture
	for _, w := range wants {
		f, err := readFixture(w)
		if err != nil {
			t.Fatalf("%s: %v", w, err)
		}
		out = append(out, f)
	}
	return out
}

func readFixture(wantPath string) (fixture, error) {
	base := strings.TrimSuffix(wantPath, ".want")
	f := fixture{name: filepath.Base(filepath.Dir(base)) + "/" + filepath.Base(base)}
	var inputs []string
	for _, ext := range []string{".txt", ".html", ".eml"} {
		if _, err := os.Stat(base + ext); err == nil {
			inputs = append(inputs, base+ext)
		}
	}
	if len(inputs) != 1 {
		return f, fmt.Errorf("want exactly one message beside it, found %q", inputs)
	}
	f.input = inputs[0]
	b, err := os.ReadFile(f.input)
	if err != nil {
		return f, err
	}
	f.content = string(b)
	w, err := os.ReadFile(wantPath)
	if err != nil {
		return f, err
	}
	answers := 0
	for i, line := range strings.Split(string(w), "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		key, val, ok := strings.Cut(line, ":")
		val = strings.TrimSpace(val)
		if !ok {
			return f, fmt.Errorf("line %d: want key: value, got %q", i+1, line)
		}
		switch strings.TrimSpace(key) {
		case "code":
			f.code, answers = val, answers+1
		case "link":
			f.link, answers = val, answers+1
		case "none":
			f.none, answers = val, answers+1
			if f.none == "" {
				return f, fmt.Errorf("line %d: say why there is nothing", i+1)
			}
		case "ambiguous":
			f.tie, answers = val, answers+1
			if f.tie == "" {
				return f, fmt.Errorf("line %d: say why the answers tie", i+1)
			}
		case "type":
			f.opts.Type, err = ParseType(val)
		case "source":
			f.opts.Source, err = ParseSource(val)
		case "format":
			f.opts.Format, err = ParseFormat(val)
		default:
			return f, fmt.Errorf("line %d: unknown key %q", i+1, key)
		}
		if err != nil {
			return f, fmt.Errorf("line %d: %v", i+1, err)
		}
	}
	if answers != 1 {
		return f, fmt.Errorf("want exactly one of code:, link:, none:, ambiguous:; got %d", answers)
	}
	return f, nil
}

// golden is what a golden file records: the explained output, as otpx -explain prints it.
type golden struct {
	Result
	Error string `json:"error,omitempty"`
}

func renderGolden(res Result, err error) []byte {
	g := golden{Result: res}
	if err != nil {
		g.Error = err.Error()
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(g); err != nil {
		panic(err)
	}
	return buf.Bytes()
}

// TestFixtures checks every message of ../testdata against its hand-written expectation,
// and its full explained output against the golden file (go test -update rewrites those).
func TestFixtures(t *testing.T) {
	for _, f := range loadFixtures(t) {
		t.Run(f.name, func(t *testing.T) {
			res, err := Extract(f.content, f.opts)
			got := renderGolden(res, err)
			switch {
			case f.code != "" && (err != nil || res.Type != TOTP || res.Code != f.code):
				t.Errorf("%s: want code %q, got %s", f.input, f.code, summary(res, err))
			case f.link != "" && (err != nil || res.Type != MagicLink || res.Link != f.link):
				t.Errorf("%s: want link %q, got %s", f.input, f.link, summary(res, err))
			case f.none != "" && (!errors.Is(err, ErrNotFound) || errors.Is(err, ErrAmbiguous)):
				// A tie is not "nothing": say ambiguous: when two answers really tie.
				t.Errorf("%s: want nothing (%s), got %s", f.input, f.none, summary(res, err))
			case f.tie != "" && !errors.Is(err, ErrAmbiguous):
				t.Errorf("%s: want a tie (%s), got %s", f.input, f.tie, summary(res, err))
			}
			if t.Failed() {
				t.Logf("explanation:\n%s", got)
			}
			goldenPath := strings.TrimSuffix(f.input, filepath.Ext(f.input)) + ".golden"
			if *update && !t.Failed() { // a failing fixture's golden keeps what was right
				if err := os.WriteFile(goldenPath, got, 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(goldenPath)
			if err != nil {
				t.Fatalf("%v (run go test ./... -update to write it)", err)
			}
			if diff := cmp.Diff(string(want), string(got)); diff != "" {
				t.Errorf("%s: explained output differs from %s (-want +got):\n%s", f.input, goldenPath, diff)
			}
		})
	}
}

func summary(res Result, err error) string {
	if err != nil {
		return fmt.Sprintf("error %q", err)
	}
	if res.Type == TOTP {
		return fmt.Sprintf("code %q", res.Code)
	}
	return fmt.Sprintf("%s %q", res.Type, res.Link)
}

// TestFixtureCounts keeps the collection as broad as it is: many SMS languages, real HTML
// layouts and whole emails, sign-in links, and messages with nothing to find. The minimums
// sit a little under the corpus, so that losing a group shows.
func TestFixtureCounts(t *testing.T) {
	fs := loadFixtures(t)
	groups := map[string]int{}
	langs := map[string]bool{}
	for _, f := range fs {
		group, name, _ := strings.Cut(f.name, "/")
		groups[group]++
		lang, _, _ := strings.Cut(name, "-")
		langs[lang] = true
	}
	for group, min := range map[string]int{"sms": 400, "email": 150, "eml": 30, "magiclink": 120, "negative": 260} {
		if groups[group] < min {
			t.Errorf("%d fixtures in testdata/%s, want at least %d", groups[group], group, min)
		}
	}
	if len(langs) < 60 {
		t.Errorf("fixtures in %d languages, want at least 60", len(langs))
	}
}

// corpusReport renders the fixtures by group and answer, and by language, as the README
// shows them.
func corpusReport(fs []fixture) []byte {
	type counts struct{ code, link, none int }
	byGroup := map[string]*counts{}
	byLang := map[string]*counts{}
	add := func(m map[string]*counts, k string, f fixture) {
		if m[k] == nil {
			m[k] = &counts{}
		}
		switch {
		case f.code != "":
			m[k].code++
		case f.link != "":
			m[k].link++
		default:
			m[k].none++
		}
	}
	for _, f := range fs {
		group, name, _ := strings.Cut(f.name, "/")
		lang, _, _ := strings.Cut(name, "-")
		add(byGroup, group, f)
		add(byLang, lang, f)
	}
	var b bytes.Buffer
	fmt.Fprintf(&b, "%d fixtures in %d languages, every one passing.\n\n", len(fs), len(byLang))
	b.WriteString("| group | a code | a sign-in link | nothing (negatives) |\n| --- | ---: | ---: | ---: |\n")
	for _, g := range sortedKeys(byGroup) {
		c := byGroup[g]
		fmt.Fprintf(&b, "| `%s` | %d | %d | %d |\n", g, c.code, c.link, c.none)
	}
	b.WriteString("\nBy language (code / link / nothing): ")
	for i, l := range sortedKeys(byLang) {
		c := byLang[l]
		if i > 0 {
			b.WriteString(" · ")
		}
		fmt.Fprintf(&b, "%s %d/%d/%d", l, c.code, c.link, c.none)
	}
	b.WriteString("\n")
	return b.Bytes()
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// TestREADMECorpus checks the README's corpus report against the fixtures; -update rewrites
// it.
func TestREADMECorpus(t *testing.T) {
	updateREADME(t, "corpus", corpusReport(loadFixtures(t)))
}

// TestKnownMisses keeps the blind-round messages otpkit still gets wrong
// (testdata/known-misses/<group>/), each with its hand-written expectation, so the next
// change can aim at them. Each must still miss: one that passes is moved into its group.
func TestKnownMisses(t *testing.T) {
	wants, _ := filepath.Glob("../testdata/known-misses/*/*.want")
	for _, w := range wants {
		f, err := readFixture(w)
		if err != nil {
			t.Fatalf("%s: %v", w, err)
		}
		res, err := Extract(f.content, f.opts)
		passes := f.code != "" && err == nil && res.Code == f.code ||
			f.link != "" && err == nil && res.Link == f.link ||
			f.none != "" && errors.Is(err, ErrNotFound) && !errors.Is(err, ErrAmbiguous)
		if passes {
			t.Errorf("%s now passes: move it to testdata/%s and write its golden", f.input, filepath.Base(filepath.Dir(f.input)))
		}
	}
	t.Logf("%d known misses", len(wants))
}
