package extract

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/otpkit/otpkit/extract/lexicon"
	"github.com/otpkit/otpkit/htmltext"
	"github.com/otpkit/otpkit/magiclink"
)

// message is a message read into the form the rules work on.
type message struct {
	text         string          // normalized visible text, one line per block
	emphasis     []htmltext.Span // offsets in text
	links        []link
	urls         [][2]int        // where URLs are written in text: no code hides in them
	keywords     []lexicon.Match // every keyword in text as far as the codes reach, in order
	classes      lexicon.Class   // the classes of every keyword in text
	bidi         [][2]int        // where text is shown in another order than written
	origin       origin          // the WebOTP line binding a code to a site, if any
	preview      string          // an HTML email's hidden preview text, not part of text
	previewNamed []string        // the codes the preview names: see previewNamed
	// subjectEnd is where an email's subject ends: text[:subjectEnd] is its first line,
	// the body follows a blank line. 0 when the message has no subject.
	subjectEnd int
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
	// Plain-text URLs are found in the text before it is normalized, so that a link is the
	// exact bytes written: normalizing folds digits and dashes and drops invisible
	// characters, any of which changes a one-time token. Their offsets follow into the
	// normalized text.
	raw := content
	var at func(int) int
	if format == FormatHTML {
		doc := htmltext.ParseString(content)
		raw = doc.Text
		m.preview, _ = normalize(doc.Preview)
		text, moved := normalize(doc.Text)
		m.text = text
		at = offsetMap(moved)
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
				Link: magiclink.Link{URL: l.Href, Text: text[start:end], Button: l.Button,
					Context: around(text, start, end), SafeRedirect: l.SafeRedirect},
				start: start, end: end,
			})
		}
	} else {
		text, moved := normalize(content)
		m.text = text
		at = offsetMap(moved)
	}
	for i, f := range magiclink.FindInText(linkScope(raw, maxLinks-len(m.links))) {
		start, end := at(f.Start), at(f.End)
		if format == FormatHTML && !f.Invisible && !writtenIn(content, f.URL, i) {
			// The URL as shown is not written in the source: the parser dropped invisible
			// characters from it, or tags cut it. What opens is not what a person reads.
			f.Invisible = true
		}
		m.urls = append(m.urls, [2]int{start, end})
		before, after := sentence(m.text, start, end)
		m.links = append(m.links, link{
			Link:  magiclink.Link{URL: f.URL, Plain: true, Before: before, After: after, Invisible: f.Invisible},
			start: start, end: end,
		})
	}
	m.bidi = bidiRanges(m.text)
	if format == FormatText {
		m.origin, _ = findOrigin(m.text)
	}
	// A message says its link is one-time near the link, never megabytes away: the cue is
	// looked for in the text's head, so its cost stays bounded.
	// Only opaque trackers weigh the cue: most messages need not look for it.
	if slices.ContainsFunc(m.links, func(l link) bool { return magiclink.Opaque(l.URL) }) &&
		magiclink.OneTimeCue(clipHead(m.text, maxCueText)) {
		for i := range m.links {
			m.links[i].OneTime = true
		}
	}
	return m
}

// maxWrittenChecks bounds how many URLs of an HTML text are looked up in its source: the
// lookups are linear in the source, and real messages show a handful of URLs. The URLs past
// the bound are not answered.
const maxWrittenChecks = 100

// writtenIn reports whether url, the i-th URL shown in an HTML message's text, is written in
// source as it is shown (or with its ampersands as character references).
func writtenIn(source, url string, i int) bool {
	if i >= maxWrittenChecks {
		return false
	}
	return strings.Contains(source, url) ||
		strings.Contains(url, "&") && strings.Contains(source, strings.ReplaceAll(url, "&", "&amp;"))
}

// maxCueText bounds the text looked at for a one-time cue.
const maxCueText = 256 << 10

// clipHead returns at most the first n bytes of s, cut at a rune start.
func clipHead(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n]
}

// offsetMap returns the function that carries an offset of the text before normalize into
// the normalized text.
func offsetMap(moved []int) func(int) int {
	return func(off int) int {
		if moved == nil {
			return off
		}
		return moved[off]
	}
}

// maxSentence bounds how far a plain-text link's sentence reaches on each side.
const maxSentence = 300

// sentence returns the sentence of the URL at text[start:end]: the words before it from
// the sentence's start, and after it up to the sentence's end. A blank line ends a sentence
// as a full stop does; so does the end of the URL's line when the URL ends it. A URL alone on
// its line (nothing but marks before it) takes the sentence above as its words before.
func sentence(text string, start, end int) (before, after string) {
	lo := sentenceStart(text, start)
	before = strings.TrimSpace(text[lo:start])
	if !hasLetter(before) {
		ls, _ := lineAt(text, start)
		p := ls
		for p > 0 && (text[p-1] == '\n' || text[p-1] == ' ' || text[p-1] == '\t') {
			p--
		}
		if p > 0 && ls-p < maxSentence {
			before = strings.TrimSpace(text[sentenceStart(text, p-1):p])
		}
	}
	hi := end
	for hi < len(text) && hi-end < maxSentence {
		c := text[hi]
		if c == '\n' && (hi == end || hi+1 < len(text) && text[hi+1] == '\n') {
			break
		}
		if strings.HasPrefix(text[hi:], "http://") || strings.HasPrefix(text[hi:], "https://") {
			break // the next link's words are its own
		}
		if n := terminator(text, hi); n > 0 {
			hi += n
			break
		}
		hi++
	}
	for hi < len(text) && !utf8.RuneStart(text[hi]) {
		hi++
	}
	return clip(before, maxSentence), strings.TrimSpace(text[end:hi])
}

// sentenceStart returns where the sentence holding text[i-1] starts: after the previous
// sentence end, blank line or URL, at most maxSentence bytes back.
func sentenceStart(text string, i int) int {
	lo := max(0, i-maxSentence)
	for k := i - 1; k >= lo; k-- {
		if text[k] == '\n' && k > 0 && text[k-1] == '\n' {
			return k + 1
		}
		if n := terminator(text, k); n > 0 && k+n < i {
			return k + n
		}
		if k+3 <= len(text) && text[k:k+3] == "://" {
			// the words before a URL belong to it: a sentence starts after the URL's end
			e := k + 3
			for e < i && text[e] != ' ' && text[e] != '\n' {
				e++
			}
			if e < i {
				return e
			}
		}
	}
	for lo > 0 && lo < len(text) && !utf8.RuneStart(text[lo]) {
		lo++
	}
	return lo
}

// terminator returns the length of a sentence end at text[i] ("." or "!" or "?" before a
// space or line end; "。", "！", "？" anywhere), or 0.
func terminator(text string, i int) int {
	switch c := text[i]; c {
	case '.', '!', '?':
		if i+1 == len(text) || text[i+1] == ' ' || text[i+1] == '\n' {
			return 1
		}
	case 0xe3: // 。 is E3 80 82
		if strings.HasPrefix(text[i:], "。") {
			return len("。")
		}
	case 0xef: // ！ EF BC 81, ？ EF BC 9F
		if strings.HasPrefix(text[i:], "！") || strings.HasPrefix(text[i:], "？") {
			return 3
		}
	}
	return 0
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
