package extract

import (
	"bytes"
	"strings"

	"golang.org/x/net/html"
	htmlatom "golang.org/x/net/html/atom"
)

// headText is how much text (not counting whitespace, comments and tags) detection reads
// before deciding that content is not HTML: the first tag of an HTML document stands
// before any long text, however much whitespace, how many comments or how long a <style>
// come first.
const headText = 4 << 10

// looksLikeHTML reports whether content is an HTML document or fragment, by its structure:
// a doctype, or well-formed tags read by the HTML tokenizer itself. One tag of the elements
// that only HTML writes (<html>, <p>, <br>, <a>, …) is enough; any other element, custom
// ones (<x-card>) and namespaced ones (<o:p>) included, counts from the second tag on, so
// that "Hi <first-name>," or "<https://…>" in a plain message do not make it HTML. The cost
// is one tokenizer pass over the head of the input.
func looksLikeHTML(content string) bool {
	z := html.NewTokenizer(strings.NewReader(skipPreamble(content)))
	// A token longer than this (text, a comment, a <style>) after the preamble ends the look:
	// the tokenizer would hold all of it.
	z.SetMaxBuf(64 << 10)
	text, tags := 0, 0
	for {
		switch z.Next() {
		case html.ErrorToken:
			return false
		case html.DoctypeToken:
			return true
		case html.TextToken:
			text += len(bytes.TrimSpace(z.Raw()))
			if text > headText {
				return false
			}
		case html.StartTagToken, html.EndTagToken, html.SelfClosingTagToken:
			name, _ := z.TagName()
			a := htmlatom.Lookup(name)
			switch {
			case strongTag(a):
				return true
			case a != 0 || elementName(name):
				tags++
				if tags >= 2 {
					return true
				}
			}
		}
	}
}

// strongTag reports the elements whose one tag makes a document HTML: those a plain
// message does not write between angle brackets.
func strongTag(a htmlatom.Atom) bool {
	switch a {
	case htmlatom.Html, htmlatom.Head, htmlatom.Body, htmlatom.Style, htmlatom.Script, htmlatom.Meta, htmlatom.Title, htmlatom.Div, htmlatom.P, htmlatom.Br, htmlatom.Table, htmlatom.Td, htmlatom.Tr,
		htmlatom.Span, htmlatom.A, htmlatom.Img, htmlatom.Font, htmlatom.B, htmlatom.Strong, htmlatom.Center,
		htmlatom.H1, htmlatom.H2, htmlatom.H3, htmlatom.H4, htmlatom.H5, htmlatom.H6:
		return true
	}
	return false
}

// elementName reports whether name is written as a custom (x-card) or namespaced (o:p)
// element name: letters and digits in parts joined by dashes or colons.
func elementName(name []byte) bool {
	if len(name) == 0 || name[0] < 'a' || name[0] > 'z' {
		return false
	}
	joined := false
	for i, c := range name {
		switch {
		case 'a' <= c && c <= 'z', '0' <= c && c <= '9':
		case (c == '-' || c == ':') && i+1 < len(name) && name[i+1] != '-' && name[i+1] != ':':
			joined = true
		default:
			return false
		}
	}
	return joined
}

// skipPreamble returns content past its leading whitespace and comments (MSO conditional
// blocks among them), however long: what an HTML document may start with before its first
// tag.
func skipPreamble(content string) string {
	for {
		content = strings.TrimLeft(content, " \t\r\n\f")
		if !strings.HasPrefix(content, "<!--") {
			return content
		}
		end := strings.Index(content[4:], "-->")
		if end < 0 {
			return ""
		}
		content = content[4+end+3:]
	}
}
