package htmltext

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

var update = flag.Bool("update", false, "rewrite golden files")

// TestGolden parses each testdata/*.html and compares a readable dump of
// the result with testdata/*.golden. Run with -update to rewrite the
// golden files, then read the diff: each must be what a person sees.
func TestGolden(t *testing.T) {
	inputs, err := filepath.Glob(filepath.Join("testdata", "*.html"))
	if err != nil {
		t.Fatal(err)
	}
	if len(inputs) == 0 {
		t.Fatal("no testdata/*.html")
	}
	for _, in := range inputs {
		name := strings.TrimSuffix(filepath.Base(in), ".html")
		t.Run(name, func(t *testing.T) {
			src, err := os.ReadFile(in)
			if err != nil {
				t.Fatal(err)
			}
			doc := ParseString(string(src))
			checkDoc(t, doc)
			got := dump(doc)

			golden := strings.TrimSuffix(in, ".html") + ".golden"
			if *update {
				if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test -update to create it)", err)
			}
			if diff := cmp.Diff(string(want), got); diff != "" {
				t.Errorf("%s differs from %s (-want +got):\n%s", in, golden, diff)
			}
		})
	}
}

// dump renders a Document for reading: the text (a tab between cells
// shown as " ⇥ "), then each link and span with its offsets and the text
// it covers.
func dump(doc *Document) string {
	var b strings.Builder
	b.WriteString("== text (tabs shown as \" ⇥ \")\n")
	b.WriteString(strings.ReplaceAll(doc.Text, "\t", " ⇥ "))
	b.WriteString("\n\n== links\n")
	for _, l := range doc.Links {
		fmt.Fprintf(&b, "[%d:%d]", l.Start, l.End)
		if l.Button {
			b.WriteString(" button")
		}
		fmt.Fprintf(&b, " %s\n    %s\n", strconv.Quote(l.Text), l.Href)
	}
	b.WriteString("\n== emphasis\n")
	for _, s := range doc.Emphasis {
		fmt.Fprintf(&b, "[%d:%d] %s %s\n", s.Start, s.End, s.Style, strconv.Quote(doc.Text[s.Start:s.End]))
	}
	return b.String()
}
