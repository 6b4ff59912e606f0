package htmltext

import (
	"math/rand"
	"os"
	"strings"
	"testing"
)

// TestBig feeds pathological inputs: each must complete (in time linear in
// its size; a quadratic path would stall the test) and give a well-formed
// document. There are no timing assertions: a regression shows as a test
// that takes minutes instead of milliseconds.
//
// The sizes are an eighth of the real ones unless OTPKIT_LONG=1 is set, so that the race
// detector's pass stays short: a quadratic path stalls at either size.
func TestBig(t *testing.T) {
	const deep = 65000
	huge := scaled(5 << 20)
	tests := []struct {
		name  string
		in    string
		check func(t *testing.T, doc *Document)
	}{
		{"deep divs", strings.Repeat("<div>", deep) + "x" + strings.Repeat("</div>", deep) + "y",
			wantText("x\ny")},
		{"deep spans", strings.Repeat("<span>", deep) + "x" + strings.Repeat("</span>", deep), wantText("x")},
		{"deep unclosed bold", strings.Repeat("<b>", deep) + "x", wantText("x")},
		{"deep hidden", `<div style="display:none">` + strings.Repeat("<div>", deep) + "x" + strings.Repeat("</div>", deep) + "</div>y",
			wantText("y")},
		{"deep tables", strings.Repeat("<table><tr><td>", deep) + "x" + strings.Repeat("</td></tr></table>", deep), wantText("x")},
		{"deep links", strings.Repeat(`<a href="https://x.test/">a`, deep), func(t *testing.T, doc *Document) {
			if len(doc.Links) != deep {
				t.Errorf("%d links, want %d", len(doc.Links), deep)
			}
		}},
		{"deep emphasis", strings.Repeat(`<span style="font-size:30px;letter-spacing:2px">1`, deep), nil},
		{"deep lists", strings.Repeat("<ul><li>", deep) + "x", wantText("x")},
		{"many unclosed p", strings.Repeat("<p>a", scaled(200000)), nil},
		{"many unclosed li", "<ul>" + strings.Repeat("<li>a", scaled(200000)), nil},
		{"many unclosed cells", "<table><tr>" + strings.Repeat("<td>a", scaled(200000)), nil},
		{"many unclosed fonts", strings.Repeat("<font size=5>a", scaled(200000)), nil},
		{"many unclosed unknown", strings.Repeat("<x-a>a<o:p>", scaled(200000)), nil},
		{"many stray end tags", "a" + strings.Repeat("</div></td></p></x-y>", scaled(100000)) + "b", nil},
		{"many self-closing", strings.Repeat("<div/><a href=x/><td/>", scaled(100000)), nil},
		{"huge attribute", `<div title="` + strings.Repeat("x", huge) + `">a</div>`, wantText("a")},
		{"huge href", `<a href="https://x.test/` + strings.Repeat("a", huge) + `">a</a>`, func(t *testing.T, doc *Document) {
			if len(doc.Links) != 1 || len(doc.Links[0].Href) != huge+len("https://x.test/") {
				t.Errorf("huge href lost")
			}
		}},
		{"huge class", `<div class="` + strings.Repeat("pre ", huge/4) + `">a</div>`, wantText("a")},
		{"huge style", `<div style="` + strings.Repeat("color:red ", huge/10) + `">a</div>`, wantText("a")},
		{"huge style colons", `<div style="x` + strings.Repeat(" a:", huge/3) + `">a</div>`, wantText("a")},
		{"huge style semicolons", `<div style="` + strings.Repeat(";", huge) + `">a</div>`, wantText("a")},
		{"huge style value", `<div style="font-family:` + strings.Repeat("mono", huge/4) + `;padding:` + strings.Repeat("0", huge) + `">a</div>`, wantText("a")},
		{"huge font shorthand", `<div style="font:` + strings.Repeat("bold ", huge/5) + `">a</div>`, wantText("a")},
		{"huge border", `<a href=x style="padding:1px;border:` + strings.Repeat("1px ", huge/4) + `">a</a>`, nil},
		{"huge text", strings.Repeat("word ", huge/5), nil},
		{"huge whitespace", "a" + strings.Repeat(" \n\t\u00a0", huge/5) + "b", wantText("a b")},
		{"huge invisible", "a" + strings.Repeat("\u200b", huge/3) + "b", wantText("ab")},
		{"huge comment", "a<!--" + strings.Repeat("-", huge) + "b", wantText("a")},
		{"huge script", "a<script>" + strings.Repeat("<p>", huge/3) + "</script>b", wantText("ab")},
		{"many attributes", "<div " + strings.Repeat(`style="display:none" `, scaled(100000)) + ">a</div>", wantText("")},
		{"many entities", strings.Repeat("&amp;&#x200b;&nbsp;&#0;&#xD800;", scaled(200000)), nil},
		{"random bytes", randomBytes(1, scaled(1<<20), ""), nil},
		{"random tag soup", randomBytes(2, scaled(1<<20), "<<>//=\"' \n\tabdiptr&;#x0123456789:-"), nil},
		{"random styled soup", randomSoup(3, scaled(200000)), nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := ParseString(tt.in)
			checkDoc(t, doc)
			if tt.check != nil {
				tt.check(t, doc)
			}
		})
	}
}

// scaled returns n, or an eighth of it unless OTPKIT_LONG=1.
func scaled(n int) int {
	if os.Getenv("OTPKIT_LONG") == "1" {
		return n
	}
	return n / 8
}

func wantText(want string) func(*testing.T, *Document) {
	return func(t *testing.T, doc *Document) {
		t.Helper()
		if doc.Text != want {
			got := doc.Text
			if len(got) > 200 {
				got = got[:200] + "…"
			}
			t.Errorf("text %q, want %q", got, want)
		}
	}
}

// randomBytes returns n pseudo-random bytes, drawn from alphabet if it is
// not empty.
func randomBytes(seed int64, n int, alphabet string) string {
	r := rand.New(rand.NewSource(seed))
	b := make([]byte, n)
	for i := range b {
		if alphabet == "" {
			b[i] = byte(r.Intn(256))
		} else {
			b[i] = alphabet[r.Intn(len(alphabet))]
		}
	}
	return string(b)
}

// randomSoup returns n random tags, end tags and texts from the vocabulary
// emails use, with styles that hide and emphasize.
func randomSoup(seed int64, n int) string {
	r := rand.New(rand.NewSource(seed))
	tags := []string{"div", "p", "span", "b", "a", "td", "tr", "table", "li", "ul", "head", "body", "br", "img", "font", "h1", "pre", "style", "script", "svg", "o:p", "center"}
	attrs := []string{
		``, ` href="https://x.test/?a=1&amp;b=2"`, ` style="display:none"`, ` style="font-size:0"`,
		` style="font-size:28px;letter-spacing:4px;font-weight:bold"`, ` class="btn"`, ` bgcolor="#123" style="padding:4px"`,
		` style="visibility:hidden"`, ` style="visibility:visible;font-size:12px"`, ` alt="Sign in"`, ` hidden`, ` size=6`,
	}
	texts := []string{"code 123456", " ", "&nbsp;", "\u200b", "Sign in", "\n", "\xff", "é"}
	var b strings.Builder
	for range n {
		switch r.Intn(4) {
		case 0:
			b.WriteString("</" + tags[r.Intn(len(tags))] + ">")
		case 1:
			b.WriteString(texts[r.Intn(len(texts))])
		default:
			b.WriteString("<" + tags[r.Intn(len(tags))] + attrs[r.Intn(len(attrs))])
			if r.Intn(8) == 0 {
				b.WriteString("/")
			}
			b.WriteString(">")
		}
	}
	return b.String()
}
