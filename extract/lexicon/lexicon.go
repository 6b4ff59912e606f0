// Package lexicon holds the keyword tables otpkit ranks by: the words that, in each language,
// name a one-time code, ask the reader to type it, name a number that is not a code, or label
// a link that signs in, verifies, resets a password or does none of these.
//
// The tables are data, one file per language under data/, embedded in the binary. Adding a
// language or a phrase is a data change: see data/en.txt for the format, then run
// `go generate ./extract/lexicon` to compile the tables into compiled.bin, which [Default]
// reads, so that a fresh process does not compile them on its first call. If compiled.bin
// is older than the tables, Default compiles them itself (slower, still right) and the
// package's tests fail until it is regenerated.
package lexicon

import (
	"cmp"
	"embed"
	"fmt"
	"io/fs"
	"path"
	"slices"
	"strings"
	"sync"
)

// Class says what a phrase names. A phrase may belong to several classes.
type Class uint16

// The classes, one per section of a data file.
const (
	Code     Class = 1 << iota // [code]: names a one-time code ("verification code")
	Action                     // [action]: asks the reader to type what follows ("enter")
	NotCode                    // [not-code]: names a number that is not a code ("order number")
	Duration                   // [duration]: a unit after a number ("minutes")
	Auth                       // [auth]: appears in messages about signing in ("do not share")
	SignIn                     // [sign-in]: a link that signs in ("log in")
	Verify                     // [verify]: a link that verifies an address ("confirm email")
	Reset                      // [reset]: a link that resets a password
	NotLink                    // [not-link]: a link that never signs in ("unsubscribe")
	Here                       // [here]: a link text that only points ("click here")
	Currency                   // [currency]: marks an amount of money ("EUR", "€")
	Is                         // [is]: joins a named code to its value ("… code is 123456")
	Other                      // [other]: numbers for another purpose ("meeting ID", "gift card")
	Password                   // [password]: the bare word password, a code's name only right by one
)

var sections = []struct {
	name  string
	class Class
}{
	{"code", Code}, {"action", Action}, {"not-code", NotCode}, {"duration", Duration},
	{"auth", Auth}, {"sign-in", SignIn}, {"verify", Verify}, {"reset", Reset},
	{"not-link", NotLink}, {"here", Here}, {"currency", Currency}, {"is", Is}, {"other", Other},
	{"password", Password},
}

// String returns the section names of c joined by "|", for example "code|auth".
func (c Class) String() string {
	var names []string
	for _, s := range sections {
		if c&s.class != 0 {
			names = append(names, s.name)
		}
	}
	if len(names) == 0 {
		return "none"
	}
	return strings.Join(names, "|")
}

// Phrase is one entry of a table.
type Phrase struct {
	Text  string // folded (see Fold), without wildcards
	Class Class
	// Lang is the table's language, as its file is named ("de"); empty for the words every
	// language shares (common.txt).
	// Prefix is set when the phrase may end a longer word ("*code" matches "passcode");
	// Suffix when it may start one ("verif*" matches "verify").
	Prefix, Suffix bool
	Lang           string
}

//go:generate sh -c "cd internal/genfold && go run . ../../fold_table.go"
//go:generate go test -run ^TestCompiledTables$ . -update

//go:embed data/*.txt
var data embed.FS

// defaults are the matcher over every embedded table and the phrases it was compiled from.
type defaults struct {
	m *Matcher
	// phrases as Load returns them; when m comes from compiled.bin, they are read from
	// encoded, on demand.
	phrases []Phrase
	encoded []byte
}

var defaultTables = sync.OnceValue(loadDefaults)

// loadDefaults decodes compiled.bin if it was compiled from the tables as they are, and
// compiles them otherwise.
func loadDefaults() defaults {
	d := &decoder{b: compiled}
	sum, size := d.header()
	if s, n, err := sourceSum(data); err == nil && d.err == nil && s == sum && n == size {
		if m, rest, err := decode(compiled); err == nil {
			return defaults{m: m, encoded: rest}
		}
	}
	// compiled.bin is older than the tables (TestCompiledTables says so): compile them now.
	phrases, err := Load(data)
	if err != nil {
		// The tables are part of the binary and checked by the package tests.
		panic(err)
	}
	return defaults{m: Compile(phrases), phrases: phrases}
}

var defaultPhrases = sync.OnceValue(func() []Phrase {
	t := defaultTables()
	if t.phrases != nil {
		return t.phrases
	}
	return decodeRaw(t.encoded, t.m)
})

// Default returns the matcher over every embedded table. It is built once, on first use, and
// is safe for concurrent use.
func Default() *Matcher { return defaultTables().m }

// DefaultPhrases returns the phrases of every embedded table, for building other matchers
// from them.
func DefaultPhrases() []Phrase { return slices.Clone(defaultPhrases()) }

// commonTable is the table of words every language shares: currency signs and codes.
const commonTable = "common"

// Load reads every *.txt table found (at any depth) in fsys.
func Load(fsys fs.FS) ([]Phrase, error) {
	var all []Phrase
	err := fs.WalkDir(fsys, ".", func(name string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || path.Ext(name) != ".txt" {
			return err
		}
		b, err := fs.ReadFile(fsys, name)
		if err != nil {
			return err
		}
		phrases, err := Parse(name, string(b))
		lang := strings.TrimSuffix(path.Base(name), ".txt")
		if lang == commonTable {
			lang = ""
		}
		for i := range phrases {
			phrases[i].Lang = lang
		}
		all = append(all, phrases...)
		return err
	})
	return all, err
}

// Parse reads one table. name is used in error messages only.
func Parse(name, text string) ([]Phrase, error) {
	var (
		out   []Phrase
		class Class
	)
	for i := 0; text != ""; i++ {
		var line string
		line, text, _ = strings.Cut(text, "\n")
		line = strings.TrimSpace(line)
		if line == "" || line[0] == '#' {
			continue
		}
		if line[0] == '[' {
			class = sectionClass(strings.Trim(line, "[]"))
			if class == 0 || !strings.HasSuffix(line, "]") {
				return out, fmt.Errorf("lexicon: %s:%d: unknown section %s", name, i+1, line)
			}
			continue
		}
		if class == 0 {
			return out, fmt.Errorf("lexicon: %s:%d: phrase %q before any section", name, i+1, line)
		}
		p := Phrase{Class: class}
		p.Prefix = strings.HasPrefix(line, "*")
		p.Suffix = strings.HasSuffix(line, "*")
		p.Text = strings.TrimSpace(strings.Trim(line, "*"))
		if p.Text == "" {
			return out, fmt.Errorf("lexicon: %s:%d: empty phrase", name, i+1)
		}
		p.Text = Fold(p.Text)
		if p.Text == "" {
			return out, fmt.Errorf("lexicon: %s:%d: phrase of marks only", name, i+1)
		}
		if len(p.Text) > MaxPhrase {
			return out, fmt.Errorf("lexicon: %s:%d: phrase longer than %d bytes", name, i+1, MaxPhrase)
		}
		out = append(out, p)
	}
	return out, nil
}

func sectionClass(name string) Class {
	for _, s := range sections {
		if s.name == name {
			return s.class
		}
	}
	return 0
}

// merge folds phrases and joins those that differ only in language, so that each text,
// wildcard shape and class is compiled once, with the set of languages that use it.
func merge(phrases []Phrase, langs *langIndex) ([]Phrase, []LangSet) {
	type key struct {
		text           string
		prefix, suffix bool
		class          Class
	}
	index := make(map[key]int, len(phrases))
	var (
		out []Phrase
		ls  []LangSet
	)
	for _, p := range phrases {
		p.Text = Fold(p.Text)
		if p.Text == "" || len(p.Text) > MaxPhrase {
			continue
		}
		k := key{p.Text, p.Prefix, p.Suffix, p.Class}
		lang := langs.id(p.Lang)
		i, ok := index[k]
		if !ok {
			i = len(out)
			index[k] = i
			p.Lang = "" // the languages are in ls
			out = append(out, p)
			ls = append(ls, LangSet{})
		}
		ls[i] = ls[i].with(lang)
	}
	// In byte order of their text; those with the same text in the order they came, so that
	// the result depends on the input's order only.
	order := make([]int, len(out))
	for i := range order {
		order[i] = i
	}
	slices.SortFunc(order, func(i, j int) int {
		if c := strings.Compare(out[i].Text, out[j].Text); c != 0 {
			return c
		}
		return cmp.Compare(i, j)
	})
	sorted, sortedLangs := make([]Phrase, len(out)), make([]LangSet, len(out))
	for i, o := range order {
		sorted[i], sortedLangs[i] = out[o], ls[o]
	}
	return sorted, sortedLangs
}
