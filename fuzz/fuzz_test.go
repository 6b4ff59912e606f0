package fuzz

import (
	"errors"
	"flag"
	"html"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/otpkit/otpkit/extract"
	"github.com/otpkit/otpkit/htmltext"
	"github.com/otpkit/otpkit/magiclink"
)

// update is accepted so that `go test ./... -update` works across the module; the fuzz
// targets have no golden files.
var _ = flag.Bool("update", false, "rewrite golden files (none here)")

// seed adds every fixture message to f.
func seed(f *testing.F, add func(content string)) {
	var paths []string
	for _, pattern := range []string{"../testdata/*/*.txt", "../testdata/*/*.html", "../testdata/*/*.eml", "../htmltext/testdata/*.html"} {
		m, _ := filepath.Glob(pattern)
		paths = append(paths, m...)
	}
	if len(paths) == 0 {
		f.Fatal("no fixtures to seed from")
	}
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		add(string(b))
	}
}

var types = []extract.Type{extract.Auto, extract.TOTP, extract.MagicLink}

func FuzzExtract(f *testing.F) {
	seed(f, func(s string) { f.Add(s, uint8(0)) })
	f.Add("<#> 123 456 is your code", uint8(1))
	f.Add("\xff\xfe<a href=https://x.example/login?t=1>Sign in</a>", uint8(2))
	f.Fuzz(func(t *testing.T, content string, typ uint8) {
		opts := extract.Options{Type: types[int(typ)%len(types)]}
		res, err := extract.Extract(content, opts)
		again, errAgain := extract.Extract(content, opts)
		if !reflect.DeepEqual(res, again) || errors.Is(err, extract.ErrNotFound) != errors.Is(errAgain, extract.ErrNotFound) {
			t.Fatalf("two runs differ: %+v %v / %+v %v", res, err, again, errAgain)
		}
		if err != nil {
			if res.Type != "" || res.Code != "" || res.Link != "" {
				t.Fatalf("error %v with an answer %+v", err, res)
			}
			return
		}
		switch res.Type {
		case extract.TOTP:
			text, err := extract.Text(content, opts)
			if err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(stripSeparators(text), stripSeparators(res.Code)) {
				t.Fatalf("code %q is not in the text %q", res.Code, text)
			}
			if opts.Type == extract.MagicLink {
				t.Fatalf("forced magic_link answered a code")
			}
		case extract.MagicLink:
			if !linkInInput(content, res.Link) && !(res.Format == extract.FormatEmail && linkInMail(content, res.Link)) {
				t.Fatalf("link %q is not in the input", res.Link)
			}
			if !magiclink.IsHTTP(res.Link) {
				t.Fatalf("link %q is not http(s)", res.Link)
			}
			if opts.Type == extract.TOTP {
				t.Fatalf("forced totp answered a link")
			}
		default:
			t.Fatalf("no error and no answer: %+v", res)
		}
	})
}

// linkInInput reports whether link is written in content: in its text as a reader sees it,
// or as the href of one of its links, decoded the way a browser decodes attributes ("&amp0"
// stays, "&ac;" is ∾).
func linkInInput(content, link string) bool {
	if strings.Contains(content, link) || strings.Contains(html.UnescapeString(content), link) {
		return true
	}
	if text, err := extract.Text(content, extract.Options{}); err == nil && strings.Contains(text, link) {
		return true
	}
	for _, l := range htmltext.ParseString(content).Links {
		if l.Href == link {
			return true
		}
	}
	return false
}

// stripSeparators removes what joins the groups of a written code: "482 913", "G-483920".
func stripSeparators(s string) string {
	return strings.NewReplacer(" ", "", "-", "", "\t", "", "\n", "").Replace(s)
}

func FuzzHTMLText(f *testing.F) {
	seed(f, func(s string) { f.Add(s) })
	for _, s := range []string{
		`<div style="display:none">x<p>y</div>z<a href=" https://a.example/?a=1&amp;b=2 ">go</a>`,
		"", "<", "<a href=x><img alt=y></a>", "<td bgcolor=red style=padding:1px><a href=x>y",
		"<head>x", "<p style='font-size:0'>a<b style='font-size:9px'>b", "\xff\xfe<b>\u200b</b>",
		"<table><tr><td>a<br>b<td>c", "<pre>a\n\nb</pre>", "<div style='display:none'><a href=x>y</a>",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		doc := htmltext.ParseString(s)
		if !utf8.ValidString(doc.Text) {
			t.Fatalf("text is not valid UTF-8: %q", doc.Text)
		}
		for _, l := range doc.Links {
			if l.Start < 0 || l.Start > l.End || l.End > len(doc.Text) {
				t.Fatalf("link %+v out of range of %d bytes", l, len(doc.Text))
			}
			if l.Start < l.End && doc.Text[l.Start:l.End] != l.Text {
				t.Fatalf("link text %q, but its offsets cover %q", l.Text, doc.Text[l.Start:l.End])
			}
		}
		for _, sp := range doc.Emphasis {
			if sp.Start < 0 || sp.Start >= sp.End || sp.End > len(doc.Text) {
				t.Fatalf("span %+v out of range of %d bytes", sp, len(doc.Text))
			}
		}
		if again := htmltext.ParseString(s); !reflect.DeepEqual(doc, again) {
			t.Fatalf("two runs differ")
		}
	})
}

func FuzzMagicLink(f *testing.F) {
	seed(f, func(s string) { f.Add(s, "Sign in") })
	f.Add("go to https://x.example/a_(b)?c=d&e=f. then", "click here")
	f.Fuzz(func(t *testing.T, text, anchor string) {
		for _, found := range magiclink.FindInText(text) {
			if text[found.Start:found.End] != found.URL || !magiclink.IsHTTP(found.URL) {
				t.Fatalf("found %+v does not stand in the text as an http(s) URL", found)
			}
			v := magiclink.Classify(magiclink.Link{URL: found.URL, Text: anchor, Context: text[max(0, found.Start-300):found.Start]})
			sum := 0
			for _, s := range v.Signals {
				sum += s.Weight
			}
			if sum != v.Score {
				t.Fatalf("signals add up to %d, score is %d", sum, v.Score)
			}
		}
		if v := magiclink.Classify(magiclink.Link{URL: text, Text: anchor}); !magiclink.IsHTTP(text) && v.Score >= magiclink.Threshold {
			t.Fatalf("non-http %q scored %d", text, v.Score)
		}
	})
}
