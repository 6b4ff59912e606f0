package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/otpkit/otpkit/extract/lexicon"
	"github.com/otpkit/otpkit/htmltext"
	"github.com/otpkit/otpkit/magiclink"
)

// message is a message read into the form the rules work on.
type message struct {
	text     string          // normalized visible text, one line per block
	emphasis []htmltext.Span // offsets in text
	links    []link
	urls     [][2]int        // where URLs are written in text: no code hides in them
	keywords []lexicon.Match // every keyword in text as far as the codes reach, in order
	classes  lexicon.Class   // the classes of every keyword in text
	bidi     [][2]int        // where text is shown in another order than written
	origin   origin          // the WebOTP line binding a code to a site, if any
}

// link is a link of the message with where its text stands.
type link struct {
	magiclink.Link
	start, end int // offsets of its text (or its URL, for a plain-text URL) in message.text
}

// detect returns the format content is written in.
func detect(content string, opts Options) Format {
	if opts.Format != FormatAuto {
		return opts.Format
	}
	if opts.Source == SMS {
		return FormatText
	}
	if looksLikeHTML(content) {
		return FormatHTML
	}
	return FormatText
}

// read turns content into a message, with at most maxLinks links. Its keywords are found
// once the codes are: see findKeywords.
func read(content string, format Format, maxLinks int) *message {
	m := &message{}
	if format == FormatHTML {
		doc := htmltext.ParseString(content)
		text, moved := normalize(doc.Text)
		m.text = text
		at := func(off int) int {
			if moved == nil {
				return off
			}
			return moved[off]
		}
		m.emphasis = make([]htmltext.Span, 0, len(doc.Emphasis))
		for _, sp := range doc.Emphasis {
			m.emphasis = append(m.emphasis, htmltext.Span{Start: at(sp.Start), End: at(sp.End), Style: sp.Style})
		}
		for _, l := range doc.Links {
			if !magiclink.IsHTTP(l.Href) {
				continue
			}
			if len(m.links) == maxLinks {
				break
			}
			start, end := at(l.Start), at(l.End)
			m.links = append(m.links, link{
				Link:  magiclink.Link{URL: l.Href, Text: text[start:end], Button: l.Button, Context: around(text, start, end)},
				start: start, end: end,
			})
		}
	} else {
		m.text = normalizeText(content)
	}
	for _, f := range magiclink.FindInText(linkScope(m.text, maxLinks-len(m.links))) {
		m.urls = append(m.urls, [2]int{f.Start, f.End})
		m.links = append(m.links, link{
			Link:  magiclink.Link{URL: f.URL, Text: leadIn(m.text, f.Start)},
			start: f.Start, end: f.End,
		})
	}
	m.bidi = bidiRanges(m.text)
	if format == FormatText {
		m.origin, _ = findOrigin(m.text)
	}
	return m
}

// maxLineSpan bounds how far lineAt looks for a line's ends. Real lines are far shorter; a
// pathological one-line megabyte is read in windows, so that work per candidate stays
// constant and the whole stays linear.
const maxLineSpan = 2048

// lineAt returns the bounds of the line holding offset i.
func lineAt(text string, i int) (start, end int) {
	lo := max(0, i-maxLineSpan)
	for lo > 0 && !utf8.RuneStart(text[lo]) {
		lo++ // a window never starts inside a character
	}
	start = lo
	if k := strings.LastIndexByte(text[lo:i], '\n'); k >= 0 {
		start = lo + k + 1
	}
	hi := min(len(text), i+maxLineSpan)
	for hi < len(text) && !utf8.RuneStart(text[hi]) {
		hi--
	}
	end = hi
	if k := strings.IndexByte(text[i:hi], '\n'); k >= 0 {
		end = i + k
	}
	return start, end
}

// prevLine returns the bounds of the line before the one starting at lineStart, or -1, -1.
func prevLine(text string, lineStart int) (start, end int) {
	if lineStart == 0 {
		return -1, -1
	}
	return lineAt(text, lineStart-1)
}

// around returns the words around text[start:end]: its line and the line before.
func around(text string, start, end int) string {
	ls, le := lineAt(text, start)
	if end > le {
		_, le = lineAt(text, end)
	}
	if ps, _ := prevLine(text, ls); ps >= 0 {
		ls = ps
	}
	return clip(text[ls:le], 300)
}

// leadIn returns the words that lead to a URL written in plain text: what stands before it
// on its line, or the line before when the URL stands alone.
func leadIn(text string, start int) string {
	ls, _ := lineAt(text, start)
	lead := strings.TrimSpace(text[ls:start])
	if !hasLetter(lead) { // nothing, or only "<" or "→"
		if ps, pe := prevLine(text, ls); ps >= 0 {
			lead = strings.TrimSpace(text[ps:pe])
		}
	}
	return clip(lead, 200)
}

// clip shortens s to at most n bytes, at a rune boundary, keeping its end.
func clip(s string, n int) string {
	if len(s) <= n {
		return s
	}
	s = s[len(s)-n:]
	for i := 0; i < len(s) && i < 4; i++ {
		if s[i] < 0x80 || s[i] >= 0xC0 {
			return s[i:]
		}
	}
	return s
}

func hasLetter(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) {
			return true
		}
	}
	return false
}
