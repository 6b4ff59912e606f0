package htmltext

import (
	"errors"
	"io"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/PuerkitoBio/goquery"
	"github.com/google/go-cmp/cmp"
)

// checkDoc fails t unless doc keeps the promises of Document: valid UTF-8,
// normalized lines, links and spans whose offsets match their text.
func checkDoc(t *testing.T, doc *Document) {
	t.Helper()
	text := doc.Text
	if !utf8.ValidString(text) {
		t.Errorf("text is not valid UTF-8: %q", text)
	}
	if text != strings.TrimSpace(text) {
		t.Errorf("text starts or ends with whitespace: %q", text)
	}
	for _, bad := range []string{"\n\n", "  ", "\t\t", " \t", "\t ", " \n", "\n ", "\n\t", "\t\n", "\r", "\u200b", "\u00a0", "\u00ad", "\ufeff"} {
		if i := strings.Index(text, bad); i >= 0 {
			t.Errorf("text holds %q at %d: %q", bad, i, text[max(0, i-20):min(len(text), i+20)])
		}
	}
	for i, l := range doc.Links {
		if l.Start < 0 || l.Start > l.End || l.End > len(text) {
			t.Errorf("link %d: bad offsets %d:%d (len %d)", i, l.Start, l.End, len(text))
			continue
		}
		if l.Text != text[l.Start:l.End] {
			t.Errorf("link %d: Text %q != Text[%d:%d] %q", i, l.Text, l.Start, l.End, text[l.Start:l.End])
		}
		if l.Text != strings.TrimSpace(l.Text) {
			t.Errorf("link %d: text not trimmed: %q", i, l.Text)
		}
	}
	for i, s := range doc.Emphasis {
		if s.Start < 0 || s.Start >= s.End || s.End > len(text) {
			t.Errorf("span %d: bad offsets %d:%d (len %d)", i, s.Start, s.End, len(text))
			continue
		}
		if covered := text[s.Start:s.End]; covered != strings.TrimSpace(covered) {
			t.Errorf("span %d: starts or ends with whitespace: %q", i, covered)
		}
		if i > 0 && doc.Emphasis[i-1].Start > s.Start {
			t.Errorf("spans not sorted by Start: %v before %v", doc.Emphasis[i-1], s)
		}
		if s.Style == 0 {
			t.Errorf("span %d has no style", i)
		}
	}
}

func TestText(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"empty", "", ""},
		{"plain", "hello", "hello"},
		{"whitespace collapses", " a \n\t b \r\n c ", "a b c"},
		{"inline elements join", "a<span>b</span><em>c</em><i> d</i>", "abc d"},

		// Entities, spaces, invisible characters, bytes.
		{"entities", "&amp; &lt;b&gt; &eacute;&#233;&#xE9; &copy; &euro;&quot;", "& <b> ééé © €\""},
		{"bare ampersand", "Q&A &unknown; a&b", "Q&A &unknown; a&b"},
		{"nbsp", "a&nbsp;&nbsp;b &nbsp;c&nbsp;", "a b c"},
		{"nbsp only paragraph", "<p>a</p><p>&nbsp;</p><p>b</p>", "a\nb"},
		{"unicode spaces", "a\u2003b\u2009c\u3000d\u202fe\u0085f", "a b c d e f"},
		{"zero width", "1&#8203;2&zwnj;3&zwj;4&#x2060;5&#xFEFF;6&shy;7&#847;8&#x180E;9", "123456789"},
		{"bidi marks go, overrides and isolates stay", "a\u200eb\u202ec\u2066d", "ab\u202ec\u2066d"}, // they reorder what is shown
		{"controls", "a\x00b\x01c\x7fd\u0080e", "abcde"},
		{"invalid utf-8", "a\xffb\xc3", "a\ufffdb\ufffd"},
		{"zero width between spaces", "a &zwnj; b", "a b"},

		// Blocks, line breaks, cells.
		{"paragraphs", "<p>a</p><p>b</p>", "a\nb"},
		{"div in text", "a<div>b</div>c", "a\nb\nc"},
		{"br", "a<br>b<br/>c<br><br><br>d", "a\nb\nc\nd"},
		{"end br", "a</br>b", "a\nb"},
		{"hr", "a<hr>b", "a\nb"},
		{"no empty lines", "<div><div><p></p><p> </p></div></div>x<br> <br>y", "x\ny"},
		{"list", "<ul><li>one</li><li>two</li></ul><ol><li>three</ol>", "one\ntwo\nthree"},
		{"definition list", "<dl><dt>term<dd>meaning</dl>", "term\nmeaning"},
		{"headings", "<h1>a</h1>b<h2>c</h2><h6>d</h6>", "a\nb\nc\nd"},
		{"table", "<table><tr><td>a</td><td>b</td></tr><tr><td>c</td><td>d</td></tr></table>", "a\tb\nc\td"},
		{"th", "<table><tr><th>Name</th><th>Value</th></tr><tr><td>Code</td><td>1234</td></tr></table>", "Name\tValue\nCode\t1234"},
		{"cells without end tags", "<table><tr><td>a<td>b<tr><td>c<td>d</table>", "a\tb\nc\td"},
		{"empty first cell", "<table><tr><td></td><td>x</td><td>y</td></tr></table>", "x\ty"},
		{"empty middle cell", "<table><tr><td>x</td><td> </td><td>y</td></tr></table>", "x\ty"},
		{"blocks in cells", "<table><tr><td><p>Code:</p></td><td><div><p>1234</p></div></td></tr></table>", "Code:\t1234"},
		{"br at cell start", "<table><tr><td><br>a</td><td><br>b</td></tr></table>", "a\tb"},
		{"multi-line cells", "<table><tr><td>a<br>b</td><td>c</td><td>d</td></tr></table>", "a\nb\nc\nd"},
		{"nested table", "<table><tr><td>a</td><td><table><tr><td>b</td><td>c</td></tr></table></td></tr><tr><td>d</td></tr></table>", "a\tb\tc\nd"},
		{"text around table", "x<table><tr><td>a</td></tr></table>y", "x\na\ny"},
		{"pre keeps lines", "<pre>line 1\n   line  2\n\nline 3</pre>after", "line 1\nline 2\nline 3\nafter"},
		{"newline outside pre", "a\nb", "a b"},

		// Dropped elements.
		{"head", "<html><head><title>T</title><style>p{}</style></head><body><p>hi</p></body></html>", "hi"},
		{"head without end tag", "<html><head><title>T</title><meta charset=utf-8><style>p{color:red}</style><body><p>hi</p>", "hi"},
		{"head ended by content tag", "<head><title>T</title><div>x</div>", "x"},
		{"head ended by text", "<head><meta charset=utf-8>hello <b>you</b>", "hello you"},
		{"head whitespace", "<head>\n  <meta charset=utf-8>\n</head>\n<body>x</body>", "x"},
		{"late head ignored", "<body><p>a</p><head><title>t</title></head><p>b</p>", "a\nb"},
		{"title in body", "<body>a<title>t</title>b", "ab"},
		{"script", "a<script>var x = '<p>no</p>';</script>b", "ab"},
		{"style", "a<style>.x{display:none}</style>b", "ab"},
		{"template", "a<template><p>no</p></template>b", "ab"},
		{"noscript", "a<noscript>enable js</noscript>b", "ab"},
		{"svg", "a<svg><text>no</text><title>t</title></svg>b", "ab"},
		{"self-closing svg", "a<svg/>b", "ab"},
		{"object", "a<object><param name=x>no</object>b", "ab"},
		{"iframe", "a<iframe>no</iframe>b", "ab"},
		{"select", "a<select><option>no</option></select>b", "ab"},
		{"textarea", "a<textarea>no</textarea>b", "ab"},
		{"comment", "a<!-- no -->b<!--[if mso]>no<![endif]-->c", "abc"},
		{"downlevel-revealed conditional", "<![if !vml]>a<![endif]>", "a"},
		{"doctype", "<!DOCTYPE html>a", "a"},
		{"img alt outside link", "a<img alt=\"logo\">b", "ab"},

		// Hidden elements.
		{"display none", "<p>a</p><p style=\"display:none\">x</p><p>b</p>", "a\nb"},
		{"display none inline", "a<span style=\"display:none\">x</span>b", "ab"},
		{"display none tolerant", "a<span style=\"COLOR: red ; DISPLAY : NONE !important\">x</span>b", "ab"},
		{"display none no semicolon", "a<span style=\"display:none\">x</span><span style=\"color:red;display:none\">y</span>b", "ab"},
		{"missing semicolon between", "a<span style=\"color:red display:none\">x</span>b", "ab"},
		{"visibility hidden", "a<span style=\"visibility:hidden\">x</span>b", "ab"},
		{"visibility collapse", "a<span style=\"visibility: collapse\">x</span>b", "ab"},
		{"visibility reset", "a<div style=\"visibility:hidden\">x<span style=\"visibility:visible\">y</span></div>b", "a\ny\nb"},
		{"mso-hide", "a<span style=\"mso-hide:all\">x</span>b", "ab"},
		{"mso-hide upper", "a<span style=\"MSO-HIDE: ALL\">x</span>b", "ab"},
		{"opacity 0", "a<span style=\"opacity:0\">x</span>b", "ab"},
		{"opacity 0 block", "a<div style=\"opacity:0\">x</div>b", "a\nb"},
		{"opacity 0.0", "a<span style=\"opacity: 0.0\">x</span>b", "ab"},
		{"opacity 0.5 shows", "a<span style=\"opacity:0.5\">x</span>b", "axb"},
		{"font-size 0", "a<span style=\"font-size:0\">x</span>b", "ab"},
		{"font-size 0px", "a<span style=\"font-size:0px\">x</span>b", "ab"},
		{"font-size 0pt", "a<span style=\"font-size:0pt\">x</span>b", "ab"},
		{"font-size 0em", "a<span style=\"font-size:0em\">x</span>b", "ab"},
		{"font-size 0%", "a<span style=\"font-size:0%\">x</span>b", "ab"},
		{"font shorthand 0", "a<span style=\"font:0/0 a\">x</span>b", "ab"},
		{"font-size 0 reset by child", "<td style=\"font-size:0px\">x<div style=\"font-size:14px\">shown</div>y</td>", "shown"},
		{"font-size 0 not reset by em", "a<div style=\"font-size:0\"><span style=\"font-size:1.5em\">x</span></div>b", "a\nb"},
		{"font-size 0 reset by font tag", "<div style=\"font-size:0\"><font size=3>x</font></div>", "x"},
		{"max-height 0 overflow hidden", "a<div style=\"max-height:0;overflow:hidden\">x</div>b", "a\nb"},
		{"max-height 0px overflow hidden", "a<div style=\"max-height:0px; overflow:hidden;\">x</div>b", "a\nb"},
		{"height 0 overflow hidden", "a<div style=\"overflow:hidden;height:0\">x</div>b", "a\nb"},
		{"max-width 0 overflow hidden", "a<div style=\"max-width:0;overflow:hidden\">x</div>b", "a\nb"},
		{"max-height 0 alone shows", "a<div style=\"max-height:0\">x</div>b", "a\nx\nb"},
		{"overflow hidden alone shows", "a<div style=\"overflow:hidden\">x</div>b", "a\nx\nb"},
		{"height 10px overflow hidden shows", "a<div style=\"height:10px;overflow:hidden\">x</div>b", "a\nx\nb"},
		{"hidden attribute", "a<div hidden>x</div>b", "ab"},
		{"hidden attribute with value", "a<span hidden=\"hidden\">x</span>b", "ab"},
		{"preheader class", "a<div class=\"preheader\">x</div>b", "ab"},
		{"preheader class case", "a<div class=\"mj-column Email-Preheader\">x</div>b", "ab"},
		{"preview-text class", "a<span class=\"preview-text\">x</span>b", "ab"},
		{"nested inside hidden", "a<div style=\"display:none\"><p style=\"display:block\">x</p><table><tr><td>y</td></tr></table></div>b", "ab"},
		{"hidden unclosed p", "<p style=\"display:none\">x<p>shown", "shown"},
		{"hidden void", "a<br style=\"display:none\">b", "ab"},

		// Malformed HTML.
		{"unclosed tags", "<div><p>a<p>b<div>c", "a\nb\nc"},
		{"unclosed inline", "<b>bold <i>both", "bold both"},
		{"stray end tags", "a</div>b</span>c</td>d", "abcd"},
		{"stray end p", "a</p>b", "a\nb"},
		{"self-closing div", "a<div/>b", "a\nb"},
		{"self-closing span", "a<span/>b", "ab"},
		{"self-closing script", "a<script/>b", "ab"},
		{"end tag does not leave cell", "<div style=\"display:none\"><table><tr><td>x</div>y</td></tr></table>z</div>w", "w"},
		{"upper case tags", "<P>a</P><DIV>b</DIV><TABLE><TR><TD>c<TD>d</TABLE>", "a\nb\nc\td"},
		{"unquoted attributes", "<p style=display:none>x</p><p class=x>y</p>", "y"},
		{"lone angle brackets", "a < b > c <3", "a < b > c <3"},
		{"unterminated tag", "a<div", "a"},
		{"unterminated comment", "a<!-- b", "a"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := ParseString(tt.in)
			if doc.Text != tt.want {
				t.Errorf("ParseString(%q).Text\n got %q\nwant %q", tt.in, doc.Text, tt.want)
			}
			checkDoc(t, doc)
		})
	}
}

func TestBlockElements(t *testing.T) {
	for _, name := range []string{
		"p", "div", "li", "dt", "dd", "h1", "h2", "h3", "h4", "h5", "h6", "table", "ul", "ol",
		"blockquote", "section", "article", "header", "footer", "nav", "main", "aside", "center",
		"pre", "address", "figure", "figcaption", "form", "fieldset", "details", "summary", "tr",
	} {
		in := "x<" + name + ">y</" + name + ">z"
		if got := ParseString(in).Text; got != "x\ny\nz" {
			t.Errorf("%s: got %q, want %q", in, got, "x\ny\nz")
		}
	}
	for _, name := range []string{"span", "a", "b", "i", "em", "strong", "font", "u", "small", "code", "label", "o:p", "custom-element"} {
		in := "x<" + name + ">y</" + name + ">z"
		if got := ParseString(in).Text; got != "xyz" {
			t.Errorf("%s: got %q, want %q", in, got, "xyz")
		}
	}
}

func TestLinks(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []Link
	}{
		{"none", "<p>no links</p>", nil},
		{"simple", `Go <a href="https://x.test/">here</a>.`,
			[]Link{{Href: "https://x.test/", Text: "here", Start: 3, End: 7}}},
		{"href entities and trimming", "<a href=\"\n  https://x.test/v?a=1&amp;b=2&#x26;c=3&lt; \t\">go</a>",
			[]Link{{Href: "https://x.test/v?a=1&b=2&c=3<", Text: "go", Start: 0, End: 2}}},
		{"href otherwise as written", `<a href="HTTPS://X.test/%7Euser?q=a b&copy=1">x</a>`,
			[]Link{{Href: "HTTPS://X.test/%7Euser?q=a b&copy=1", Text: "x", Start: 0, End: 1}}},
		{"anchor text normalized", "<p>Click</p><a href=x>\n  Sign&nbsp;in\n  <b>now</b> </a>",
			[]Link{{Href: "x", Text: "Sign in now", Start: 6, End: 17}}},
		{"img alt in link", `<a href="https://x.test/v"><img src="b.png" alt="Verify email"></a>`,
			[]Link{{Href: "https://x.test/v", Text: "Verify email", Start: 0, End: 12}}},
		{"img alt among text", `<a href=x>Click <img alt="here"> now</a>`,
			[]Link{{Href: "x", Text: "Click here now", Start: 0, End: 14}}},
		{"img alt beside text", `<a href=x>Open<img alt="arrow"></a>`,
			[]Link{{Href: "x", Text: "Open arrow", Start: 0, End: 10}}},
		{"no text", `a <a href="https://x.test/p"><img src=p.gif></a> b`,
			[]Link{{Href: "https://x.test/p", Start: 1, End: 1}}},
		{"empty href", `<a href="">x</a>`, []Link{{Href: "", Text: "x", Start: 0, End: 1}}},
		{"no href", `<a name="top">x</a><a id=y>y</a>`, nil},
		{"hidden link", `<div style="display:none"><a href=x>x</a></div><a href=y style="display:none">y</a>`, nil},
		{"link in head", `<head><a href=x>x</a>`, []Link{{Href: "x", Text: "x", Start: 0, End: 1}}},
		{"unclosed link closed by next", `<a href=1>one<a href=2>two</a>`,
			[]Link{{Href: "1", Text: "one", Start: 0, End: 3}, {Href: "2", Text: "two", Start: 3, End: 6}}},
		{"link across block", `<a href=x><p>Sign in</p><p>now</p></a>`,
			[]Link{{Href: "x", Text: "Sign in\nnow", Start: 0, End: 11}}},
		{"document order", `<p><a href=1>a</a></p><table><tr><td><a href=2>b</a></td><td><a href=3>c</a></td></tr></table>`,
			[]Link{{Href: "1", Text: "a", Start: 0, End: 1}, {Href: "2", Text: "b", Start: 2, End: 3}, {Href: "3", Text: "c", Start: 4, End: 5}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := ParseString(tt.in)
			checkDoc(t, doc)
			if diff := cmp.Diff(tt.want, doc.Links); diff != "" {
				t.Errorf("ParseString(%q).Links (-want +got):\n%s\ntext: %q", tt.in, diff, doc.Text)
			}
		})
	}
}

func TestButtons(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want bool
	}{
		{"plain link", `<a href=x>Sign in</a>`, false},
		{"class btn", `<a href=x class="btn btn-primary">Sign in</a>`, true},
		{"class button any case", `<a href=x class="mcnButton">Sign in</a>`, true},
		{"id button", `<a href=x id="cta-button">Sign in</a>`, true},
		{"role button", `<a href=x role="Button">Sign in</a>`, true},
		{"background-color", `<a href=x style="background-color:#1a73e8;color:#fff">Sign in</a>`, true},
		{"background", `<a href=x style="background: #1a73e8 url(b.png) no-repeat">Sign in</a>`, true},
		{"background none", `<a href=x style="background:none">Sign in</a>`, false},
		{"background transparent", `<a href=x style="background-color: transparent">Sign in</a>`, false},
		{"padding and border", `<a href=x style="padding:12px 24px;border:1px solid #333">Sign in</a>`, true},
		{"padding and border-radius", `<a href=x style="padding:12px;border-radius:4px">Sign in</a>`, true},
		{"padding and inline-block", `<a href=x style="display:inline-block;padding:10px 20px">Sign in</a>`, true},
		{"padding alone", `<a href=x style="padding:12px">Sign in</a>`, false},
		{"zero padding and border", `<a href=x style="padding:0;border:1px solid">Sign in</a>`, false},
		{"padding and no border", `<a href=x style="padding:4px;border:0;border:none">Sign in</a>`, false},
		{"cell bgcolor and radius", `<table><tr><td bgcolor="#1a73e8" style="border-radius:6px"><a href=x style="color:#fff">Sign in</a></td></tr></table>`, true},
		{"cell background and padding", `<table><tr><td style="background-color:#1a73e8;padding:12px 24px"><a href=x>Sign in</a></td></tr></table>`, true},
		{"cell with image button", `<table><tr><td bgcolor=red style="padding:4px"><a href=x><img alt="Sign in"></a></td></tr></table>`, true},
		{"cell three levels up", `<table><tr><th bgcolor="#000" style="border-radius:3px"><div><span><a href=x>Sign in</a></span></div></th></tr></table>`, true},
		{"cell four levels up", `<table><tr><td bgcolor="#000" style="border-radius:3px"><div><p><span><a href=x>Sign in</a></span></p></div></td></tr></table>`, false},
		{"cell bgcolor alone", `<table><tr><td bgcolor="#1a73e8"><a href=x>Sign in</a></td></tr></table>`, false},
		{"cell radius alone", `<table><tr><td style="border-radius:6px;padding:8px"><a href=x>Sign in</a></td></tr></table>`, false},
		{"cell with more text", `<table><tr><td bgcolor="#1a73e8" style="border-radius:6px">Click <a href=x>here</a></td></tr></table>`, false},
		{"cell with two links", `<table><tr><td bgcolor="#1a73e8" style="padding:6px"><a href=x>Sign in</a><a href=y>Help</a></td></tr></table>`, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := ParseString(tt.in)
			checkDoc(t, doc)
			if len(doc.Links) == 0 {
				t.Fatalf("no link in %q", tt.in)
			}
			if got := doc.Links[0].Button; got != tt.want {
				t.Errorf("ParseString(%q).Links[0].Button = %v, want %v", tt.in, got, tt.want)
			}
		})
	}
}

// spanText is a span as a test writes it: the text it covers and its style.
type spanText struct {
	Text  string
	Style Style
}

func spanTexts(doc *Document) []spanText {
	var out []spanText
	for _, s := range doc.Emphasis {
		out = append(out, spanText{doc.Text[s.Start:s.End], s.Style})
	}
	return out
}

func TestEmphasis(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []spanText
	}{
		{"none", "<p>plain <i>italic</i> <u>under</u></p>", nil},
		{"b", "a <b>x</b> c", []spanText{{"x", Bold}}},
		{"strong", "a <strong>x</strong> c", []spanText{{"x", Bold}}},
		{"font-weight bold", `<span style="font-weight:bold">x</span>`, []spanText{{"x", Bold}}},
		{"font-weight bolder", `<span style="font-weight: BOLDER">x</span>`, []spanText{{"x", Bold}}},
		{"font-weight 700", `<span style="font-weight:700">x</span>`, []spanText{{"x", Bold}}},
		{"font-weight 600", `<span style="font-weight:600">x</span>`, []spanText{{"x", Bold}}},
		{"font-weight 500", `<span style="font-weight:500">x</span>`, nil},
		{"font shorthand bold", `<span style="font: bold 14px Arial">x</span>`, []spanText{{"x", Bold}}},
		{"h1", "<h1>Title</h1>", []spanText{{"Title", Heading}}},
		{"h6", "<h6>Title</h6>", []spanText{{"Title", Heading}}},
		{"font-size 20px", `<span style="font-size:20px">x</span>`, []spanText{{"x", Large}}},
		{"font-size 19px", `<span style="font-size:19px">x</span>`, nil},
		{"font-size 15pt", `<span style="font-size:15.0pt">x</span>`, []spanText{{"x", Large}}},
		{"font-size 14pt", `<span style="font-size:14pt">x</span>`, nil},
		{"font-size 1.25em", `<span style="font-size:1.25em">x</span>`, []spanText{{"x", Large}}},
		{"font-size 1.25rem", `<span style="font-size:1.25rem">x</span>`, []spanText{{"x", Large}}},
		{"font-size 150%", `<span style="font-size:150%">x</span>`, []spanText{{"x", Large}}},
		{"font-size 1.1em", `<span style="font-size:1.1em">x</span>`, nil},
		{"font-size x-large", `<span style="font-size:x-large">x</span>`, []spanText{{"x", Large}}},
		{"font-size xx-large", `<span style="font-size:xx-large">x</span>`, []spanText{{"x", Large}}},
		{"font-size large", `<span style="font-size:large">x</span>`, nil},
		{"font-size no unit", `<span style="font-size:32">x</span>`, []spanText{{"x", Large}}},
		{"font shorthand size", `<span style="font:italic 28px/1.2 Georgia">x</span>`, []spanText{{"x", Large}}},
		{"big", "<big>x</big>", []spanText{{"x", Large}}},
		{"font size 5", "<font size=5>x</font>", []spanText{{"x", Large}}},
		{"font size +2", `<font size="+2">x</font>`, []spanText{{"x", Large}}},
		{"font size 4", "<font size=4>x</font>", nil},
		{"letter-spacing px", `<span style="letter-spacing:4px">123456</span>`, []spanText{{"123456", Spaced}}},
		{"letter-spacing em", `<span style="letter-spacing: .3em">123456</span>`, []spanText{{"123456", Spaced}}},
		{"letter-spacing 0", `<span style="letter-spacing:0">123456</span>`, nil},
		{"letter-spacing normal", `<span style="letter-spacing:normal">123456</span>`, nil},
		{"letter-spacing negative", `<span style="letter-spacing:-1px">123456</span>`, nil},
		{"code", "<code>x</code>", []spanText{{"x", Monospace}}},
		{"kbd", "<kbd>x</kbd>", []spanText{{"x", Monospace}}},
		{"samp", "<samp>x</samp>", []spanText{{"x", Monospace}}},
		{"tt", "<tt>x</tt>", []spanText{{"x", Monospace}}},
		{"pre", "<pre>x</pre>", []spanText{{"x", Monospace}}},
		{"font-family monospace", `<span style="font-family:monospace">x</span>`, []spanText{{"x", Monospace}}},
		{"font-family courier", `<span style="font-family:'Courier New',Courier">x</span>`, []spanText{{"x", Monospace}}},
		{"font-family consolas", `<span style="font-family:Consolas">x</span>`, []spanText{{"x", Monospace}}},
		{"font-family menlo", `<span style="font-family:Menlo, sans-serif">x</span>`, []spanText{{"x", Monospace}}},
		{"font-family monaco", `<span style="font-family:MONACO">x</span>`, []spanText{{"x", Monospace}}},
		{"font-family sf mono", `<span style="font-family:&quot;SF Mono&quot;, sans-serif">x</span>`, []spanText{{"x", Monospace}}},
		{"font-family arial", `<span style="font-family:Arial, Monotype Corsiva">x</span>`, nil},
		{"font face", `<font face="Courier New">x</font>`, []spanText{{"x", Monospace}}},
		{"styles combine", `<span style="font-size:32px;font-weight:700;letter-spacing:6px;font-family:monospace">482913</span>`,
			[]spanText{{"482913", Bold | Large | Spaced | Monospace}}},
		{"same text merges", `<td style="font-size:28px"><b><span style="letter-spacing:3px">482913</span></b></td>`,
			[]spanText{{"482913", Bold | Large | Spaced}}},
		{"inner inherits", `<div style="font-size:30px">Code: <span style="letter-spacing:3px">123</span></div>`,
			[]spanText{{"Code: 123", Large}, {"123", Large | Spaced}}},
		{"reset", `<div style="font-weight:bold">Hi <span style="font-weight:normal;letter-spacing:2px">123</span></div>`,
			[]spanText{{"Hi 123", Bold}, {"123", Spaced}}},
		{"whitespace trimmed", "x<b> code </b>y<b>\n<br>z</b>", []spanText{{"code", Bold}, {"z", Bold}}},
		{"sorted by start", "<b>a <i>b</i> <strong>c</strong></b> <b>d</b>",
			[]spanText{{"a b c", Bold}, {"c", Bold}, {"d", Bold}}},
		{"empty element", "a<b> </b><b></b>b", nil},
		{"hidden emphasis", `a<b style="display:none">x</b>`, nil},
		{"in table cell", `<table><tr><td>Code</td><td><strong>1234</strong></td></tr></table>`, []spanText{{"1234", Bold}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := ParseString(tt.in)
			checkDoc(t, doc)
			if diff := cmp.Diff(tt.want, spanTexts(doc)); diff != "" {
				t.Errorf("ParseString(%q) spans (-want +got):\n%s\ntext: %q", tt.in, diff, doc.Text)
			}
		})
	}
}

func TestSpanOffsets(t *testing.T) {
	in := `<p>Your code is</p><p style="font-size:30px">&nbsp;<b> 48&nbsp;29&nbsp;13 </b></p><p>Café <strong>façade</strong> ✓</p>`
	doc := ParseString(in)
	checkDoc(t, doc)
	want := "Your code is\n48 29 13\nCafé façade ✓"
	if doc.Text != want {
		t.Fatalf("text %q, want %q", doc.Text, want)
	}
	wantSpans := []Span{
		{Start: 13, End: 21, Style: Bold | Large},
		{Start: 28, End: 35, Style: Bold},
	}
	if diff := cmp.Diff(wantSpans, doc.Emphasis); diff != "" {
		t.Errorf("spans (-want +got):\n%s", diff)
	}
}

func TestStyleString(t *testing.T) {
	tests := []struct {
		s    Style
		want string
	}{
		{0, "none"},
		{Bold, "bold"},
		{Bold | Large, "bold|large"},
		{Heading | Spaced | Monospace, "heading|spaced|monospace"},
		{Bold | Heading | Large | Spaced | Monospace, "bold|heading|large|spaced|monospace"},
		{Style(0x80) | Bold, "bold|0x80"},
	}
	for _, tt := range tests {
		if got := tt.s.String(); got != tt.want {
			t.Errorf("Style(%#x).String() = %q, want %q", uint8(tt.s), got, tt.want)
		}
	}
}

func TestParseStyle(t *testing.T) {
	tests := []struct {
		in   string
		want inlineStyle
	}{
		{"", inlineStyle{}},
		{"display:none", inlineStyle{displayNone: true}},
		{"  Display :  None  ! important ;", inlineStyle{displayNone: true}},
		{"color:red display:none", inlineStyle{displayNone: true}},
		{"opacity:0", inlineStyle{hidden: true}},
		{"display:none;display:block", inlineStyle{}},
		{"display:block;display:none!important", inlineStyle{displayNone: true}},
		{"mso-hide:all;display:block", inlineStyle{displayNone: true}},
		{"background:url(https://x.test/a:b.png) no-repeat;padding:4px", inlineStyle{background: true, padding: true}},
		{"background:#fff url(https://x.test/a.png);display:inline-block", inlineStyle{background: true, inlineBlock: true}},
		{"border:1px solid #ccc;border-radius:0", inlineStyle{border: true}},
		{"border-left: solid #BFBFBF 1.0pt", inlineStyle{border: true}},
		{"border:0 none", inlineStyle{}},
		{"font-size:24px;font-weight:700;letter-spacing:4px", inlineStyle{set: Bold | Large | Spaced, absFont: true}},
		{"font-size:12px;font-weight:normal;letter-spacing:0;font-family:Arial", inlineStyle{clear: Bold | Large | Spaced | Monospace, absFont: true}},
		{"font-size:0", inlineStyle{zeroFont: true}},
		{"visibility:hidden", inlineStyle{visibility: -1}},
		{"max-height:0;overflow:hidden", inlineStyle{hidden: true}},
		{"mso-bidi-font-weight:bold;mso-hide:none", inlineStyle{}},
		{";;:;a:;:b", inlineStyle{}},
	}
	for _, tt := range tests {
		got := parseStyle([]byte(tt.in))
		if diff := cmp.Diff(tt.want, got, cmp.AllowUnexported(inlineStyle{})); diff != "" {
			t.Errorf("parseStyle(%q) (-want +got):\n%s", tt.in, diff)
		}
	}
}

func TestParse(t *testing.T) {
	const in = `<p>Your code: <b>123456</b></p><a href="https://x.test">x</a>`
	doc, err := Parse(strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(ParseString(in), doc); diff != "" {
		t.Errorf("Parse and ParseString differ (-ParseString +Parse):\n%s", diff)
	}
}

type failingReader struct{ n int }

var errRead = errors.New("read failed")

func (r *failingReader) Read(p []byte) (int, error) {
	if r.n == 0 {
		return 0, errRead
	}
	r.n--
	return copy(p, "<p>some text"), nil
}

func TestParseReadError(t *testing.T) {
	doc, err := Parse(&failingReader{n: 2})
	if !errors.Is(err, errRead) {
		t.Errorf("Parse error = %v, want %v", err, errRead)
	}
	if doc != nil {
		t.Errorf("Parse returned a document with an error: %+v", doc)
	}
	// A reader that ends cleanly is no error, even in the middle of a tag.
	if _, err := Parse(io.MultiReader(strings.NewReader("<p>a</p><di"))); err != nil {
		t.Errorf("Parse of truncated input: %v", err)
	}
}

func TestFromSelection(t *testing.T) {
	const in = `<html><head><title>t</title></head><body>
		<table><tr><td class="code" style="font-size:32px;letter-spacing:6px">739 204</td></tr></table>
		<p>Or <a href="https://x.test/?a=1&amp;b=2">sign in</a>.</p></body></html>`
	gq, err := goquery.NewDocumentFromReader(strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}

	doc := FromSelection(gq.Selection)
	checkDoc(t, doc)
	if diff := cmp.Diff(ParseString(in), doc); diff != "" {
		t.Errorf("FromSelection(document) differs from ParseString (-want +got):\n%s", diff)
	}

	code := FromSelection(gq.Find("td.code"))
	want := &Document{Text: "739 204", Emphasis: []Span{{Start: 0, End: 7, Style: Large | Spaced}}}
	if diff := cmp.Diff(want, code); diff != "" {
		t.Errorf("FromSelection(td.code) (-want +got):\n%s", diff)
	}

	two := FromSelection(gq.Find("td, a"))
	if two.Text != "739 204\nsign in" {
		t.Errorf("FromSelection(td, a).Text = %q", two.Text)
	}

	if doc := FromSelection(nil); doc.Text != "" || doc.Links != nil {
		t.Errorf("FromSelection(nil) = %+v", doc)
	}
}

func TestClassifySize(t *testing.T) {
	tests := []struct {
		in       string
		want     sizeClass
		relative bool
	}{
		{"20px", sizeLarge, false},
		{"19.5px", sizeSmall, false},
		{"16PX", sizeSmall, false},
		{"32", sizeLarge, false},
		{"15pt", sizeLarge, false},
		{"14pt", sizeSmall, false},
		{"1.25rem", sizeLarge, false},
		{"1rem", sizeSmall, false},
		{"2pc", sizeLarge, false},
		{"0.25in", sizeLarge, false},
		{"1cm", sizeLarge, false},
		{"4mm", sizeSmall, false},
		{"1.25em", sizeLarge, true},
		{"1em", sizeSame, true},
		{"0.8em", sizeSmall, true},
		{"125%", sizeLarge, true},
		{"100%", sizeSame, true},
		{"larger", sizeSame, true},
		{"smaller", sizeSmall, true},
		{"xxx-large", sizeLarge, false},
		{"medium", sizeSmall, false},
		{"0", sizeZero, false},
		{"0.0em", sizeZero, false},
		{"-2px", sizeUnknown, false},
		{"-2em", sizeUnknown, false},
		{"5vw", sizeUnknown, false},
		{"calc(1em + 4px)", sizeUnknown, false},
		{"", sizeUnknown, false},
	}
	for _, tt := range tests {
		got, relative := classifySize([]byte(tt.in))
		if got != tt.want || relative != tt.relative {
			t.Errorf("classifySize(%q) = %v, %v; want %v, %v", tt.in, got, relative, tt.want, tt.relative)
		}
	}
}

func TestInvisible(t *testing.T) {
	for _, r := range []rune{0x80, 0x9f, 0xad, 0x34f, 0x61c, 0x115f, 0x180e, 0x200b, 0x200d, 0x200f, 0x202a, 0x2060, 0x2064, 0x206f, 0x3164, 0xfeff, 0xffa0, 0xfff9, 0xe0001, 0xe007f} {
		if !Invisible(r) {
			t.Errorf("Invisible(%U) = false", r)
		}
	}
	for _, r := range []rune{'a', 0x85, 0xa0, 0xe9, 0x2000, 0x2028, 0x202f, 0x2070, 0x3000, 0x4e2d, 0xfffd, 0x1f600} {
		if Invisible(r) {
			t.Errorf("Invisible(%U) = true", r)
		}
	}
}

func TestPreview(t *testing.T) {
	tests := []struct{ name, html, want string }{
		{"hidden div first", `<body><div style="display:none">Your code is 482913</div><p>Hello</p></body>`, "Your code is 482913"},
		{"preheader class anywhere", `<p>Hello</p><span class="preheader">Code 4821</span>`, "Code 4821"},
		{"clipped first", `<div style="max-height:0;overflow:hidden">Sign in with 7731</div><p>Hi</p>`, "Sign in with 7731"},
		{"padding characters dropped", "<div style=\"display:none\">Code 123456&zwnj;&nbsp;&zwnj;&nbsp;&#847;</div>Hi", "Code 123456"},
		{"hidden after visible text is not a preview", `<p>Hello</p><div style="display:none">Code 482913</div>`, ""},
		{"head and title are not a preview", `<html><head><title>Code 1</title><style>p{}</style></head><body><p>Hi</p></body></html>`, ""},
		{"script inside a preview stays out", `<div style="display:none">Code 99<script>var x=1</script></div>Hi`, "Code 99"},
		{"none", `<p>Hello</p>`, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := ParseString(tt.html)
			if doc.Preview != tt.want {
				t.Errorf("Preview = %q, want %q", doc.Preview, tt.want)
			}
			if strings.Contains(doc.Text, "482913") && tt.want != "" {
				t.Errorf("preview text leaked into Text: %q", doc.Text)
			}
		})
	}
}

func TestPreviewBounded(t *testing.T) {
	doc := ParseString(`<div class="preheader">` + strings.Repeat("code 4821 ", 10000) + `</div><p>Hi</p>`)
	if n := len(doc.Preview); n == 0 || n > 2*maxPreview {
		t.Errorf("len(Preview) = %d, want 1..%d", n, 2*maxPreview)
	}
	if doc.Text != "Hi" {
		t.Errorf("Text = %q, want %q", doc.Text, "Hi")
	}
}
