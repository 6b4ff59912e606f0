package htmltext

import (
	"bytes"
	"cmp"
	"hash/maphash"
	"io"
	"slices"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/PuerkitoBio/goquery"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

const (
	// maxDepth caps the stack of open elements. Elements opened deeper are
	// not pushed: their content takes the state of the deepest one.
	maxDepth = 512
	// maxSearch is how far down the stack an end tag, or a start tag that
	// closes another element implicitly, looks for the element it closes.
	maxSearch = 64
	// maxPooledBuf is the largest text buffer kept for reuse.
	maxPooledBuf = 256 << 10
	// maxPreview bounds Document.Preview: an inbox shows about a hundred
	// characters of it; preheaders are padded with invisible characters.
	maxPreview = 512
)

// Parse reads an HTML document from r and returns its visible text, links
// and emphasis. The document is read to the end; its encoding is taken to
// be UTF-8 (invalid bytes become U+FFFD). The error is non-nil only when
// reading r fails.
func Parse(r io.Reader) (*Document, error) {
	p := parserPool.Get().(*parser)
	defer p.release()
	p.z = html.NewTokenizer(r)
	p.run()
	if err := p.z.Err(); err != io.EOF {
		return nil, err
	}
	return p.document(), nil
}

// ParseString is Parse for an HTML document held in a string.
// It never fails.
func ParseString(s string) *Document {
	doc, _ := Parse(strings.NewReader(s)) // a strings.Reader never fails
	return doc
}

// FromSelection returns the visible text, links and emphasis of the nodes
// in sel, for callers that already hold a goquery document. It is a
// convenience, not the fast path: the nodes are rendered back to HTML and
// that HTML is parsed again. When the HTML is at hand, call Parse or
// ParseString on it instead. The text of each node starts on a new line.
func FromSelection(sel *goquery.Selection) *Document {
	if sel == nil {
		return ParseString("")
	}
	var buf bytes.Buffer
	for i, n := range sel.Nodes {
		if i > 0 {
			buf.WriteString("<br>")
		}
		_ = html.Render(&buf, n) // writing to a bytes.Buffer does not fail
	}
	doc, _ := Parse(&buf)
	return doc
}

// elem is an open element on the parser's stack.
type elem struct {
	a    atom.Atom
	hash uint32 // for names without an atom: a hash of the name
	// name is, for names without an atom, where the name is kept in
	// parser.names: end tags compare names exactly, the hash only filters.
	nameOff, nameEnd int32
	kind             kind
	flags            elemFlags
	style            Style // effective emphasis
	start            int   // len(text) when the element opened
	// link is the index in parser.links of the link the element is in, or -1.
	link int32
	// cellLink is, for a button-like table cell, the link inside it: -1 for
	// none yet, -2 for more than one.
	cellLink int32
}

type elemFlags uint16

const (
	fHidden     elemFlags = 1 << iota // dropped or hidden, with all its content
	fPre                              // inside preformatted text
	fLink                             // an <a href> whose Link is links[link]
	fEmph                             // declares emphasis: records a Span
	fButtonCell                       // a <td>/<th> that looks like a button
	fHiddenBox                        // a hidden block that still takes room: its breaks stay
	fZeroFont                         // font-size:0: own text invisible, descendants may reset it
	fInvisible                        // visibility:hidden: the same, with visibility:visible
	fOverride                         // a <bdo dir=rtl>: its text is shown right to left
	fPreview                          // hidden preview text (a preheader): read apart
)

// fMuted are the flags that make text invisible without hiding descendants.
const fMuted = fZeroFont | fInvisible

// parser holds the state of one pass over the tokens.
type parser struct {
	z     *html.Tokenizer
	b     builder
	stack []elem
	links []Link
	spans []Span

	// hrefs holds the href of every link, one after the other, and
	// hrefEnds where each ends: one string for all of them at the end
	// instead of one allocation per link.
	hrefs    []byte
	hrefEnds []int

	// names holds the names of the open elements that have no atom, in
	// stack order: popping an element truncates it.
	names   []byte
	tagName []byte // the name of the start tag being read (TagName reads it once)

	// preview is the hidden preview text, up to maxPreview bytes.
	preview builder

	headOpen bool // a <head> element is on the stack
	headDone bool // <head> was opened or can no longer be
	body     bool // a <body> element was pushed
}

var parserPool = sync.Pool{New: func() any { return new(parser) }}

// release resets p and returns it to the pool.
func (p *parser) release() {
	p.z = nil
	p.links, p.spans = nil, nil
	if cap(p.b.buf) > maxPooledBuf {
		p.b.buf = nil
	}
	if cap(p.hrefs) > maxPooledBuf || cap(p.hrefEnds) > maxPooledBuf/64 {
		p.hrefs, p.hrefEnds = nil, nil
	}
	p.hrefs, p.hrefEnds = p.hrefs[:0], p.hrefEnds[:0]
	p.b = builder{buf: p.b.buf[:0]}
	p.preview = builder{buf: p.preview.buf[:0]}
	p.stack = p.stack[:0]
	if cap(p.names) > maxPooledBuf {
		p.names = nil
	}
	p.names, p.tagName = p.names[:0], nil
	p.headOpen, p.headDone, p.body = false, false, false
	parserPool.Put(p)
}

// root is the state outside every element.
var root = elem{link: -1, cellLink: -1}

func (p *parser) top() *elem {
	if len(p.stack) == 0 {
		return &root
	}
	return &p.stack[len(p.stack)-1]
}

func (p *parser) run() {
	z := p.z
	for {
		switch z.Next() {
		case html.ErrorToken:
			for len(p.stack) > 0 {
				p.pop()
			}
			return
		case html.TextToken:
			p.text()
		case html.StartTagToken:
			p.startTag(false)
		case html.SelfClosingTagToken:
			p.startTag(true)
		case html.EndTagToken:
			p.endTag()
		}
		// Comments and doctypes show nothing.
	}
}

func (p *parser) text() {
	top := p.top()
	if p.headOpen && top.a == atom.Head {
		// Text right inside <head>: whitespace stays there, anything
		// else starts the body, as in a browser.
		t := p.z.Text()
		if len(bytes.Trim(t, " \t\n\f\r")) == 0 {
			return
		}
		p.closeHead()
		if top = p.top(); top.flags&(fHidden|fMuted) == 0 {
			p.b.write(t, top.flags&fPre != 0)
		}
		return
	}
	switch {
	case top.flags&(fHidden|fMuted) == 0:
		p.b.write(p.z.Text(), top.flags&fPre != 0)
	case top.flags&fPreview != 0 && len(p.preview.buf) < maxPreview:
		t := p.z.Text()
		if n := maxPreview - len(p.preview.buf); len(t) > n {
			for n > 0 && !utf8.RuneStart(t[n]) {
				n--
			}
			t = t[:n]
		}
		p.preview.write(t, false)
	}
}

// attrs are the attributes of a start tag that matter here. The slices
// point into the tokenizer's buffer: they are valid until the next token.
type attrs struct {
	style, class, id, role, href, alt, bgcolor, size, face, dir []byte
	safeRedirect                                                []byte // Gmail's data-saferedirecturl
	hasHref, hidden                                             bool
}

func (p *parser) readAttrs(more bool) attrs {
	var at attrs
	for more {
		var k, v []byte
		k, v, more = p.z.TagAttr()
		// The first of duplicate attributes wins, as in a browser.
		switch string(k) {
		case "style":
			if at.style == nil {
				at.style = v
			}
		case "class":
			if at.class == nil {
				at.class = v
			}
		case "id":
			if at.id == nil {
				at.id = v
			}
		case "role":
			if at.role == nil {
				at.role = v
			}
		case "href":
			if !at.hasHref {
				at.href, at.hasHref = v, true
			}
		case "alt":
			if at.alt == nil {
				at.alt = v
			}
		case "dir":
			if at.dir == nil {
				at.dir = v
			}
		case "bgcolor":
			if at.bgcolor == nil {
				at.bgcolor = v
			}
		case "size":
			if at.size == nil {
				at.size = v
			}
		case "face":
			if at.face == nil {
				at.face = v
			}
		case "hidden":
			at.hidden = true
		case "data-saferedirecturl":
			if at.safeRedirect == nil {
				at.safeRedirect = v
			}
		}
	}
	return at
}

var nameSeed = maphash.MakeSeed()

// nameHash is the hash by which elements without an atom are told apart.
func nameHash(name []byte) uint32 { return uint32(maphash.Bytes(nameSeed, name)) }

func (p *parser) startTag(selfClosing bool) {
	name, more := p.z.TagName()
	p.tagName = name
	a := atom.Lookup(name)
	var hash uint32
	if a == 0 {
		hash = nameHash(name)
	}
	k := kindOf(a)

	switch {
	case a == atom.Head:
		if !p.headDone && !p.body && len(p.b.buf) == 0 {
			p.headDone, p.headOpen = true, true
			p.push(elem{a: a, kind: kDrop, flags: fHidden, link: -1, cellLink: -1})
		}
		return
	case p.headOpen && (a == atom.Body || k&kHeadOnly == 0):
		p.closeHead()
	}
	if a == atom.Body {
		if p.body {
			return // a second <body> only adds attributes in a browser
		}
		p.body, p.headDone = true, true
	}
	p.closeImplied(a, k)

	at := p.readAttrs(more)
	parent := p.top()
	e := elem{
		a: a, hash: hash, kind: k,
		flags: parent.flags & (fHidden | fPre | fMuted | fPreview),
		start: len(p.b.buf), link: parent.link, cellLink: -1,
	}
	var st inlineStyle
	if len(at.style) > 0 {
		st = parseStyle(at.style)
	}
	// Hidden text before anything is shown is the preview an inbox lists.
	preview := len(p.b.buf) == 0
	switch {
	case k&kDrop != 0:
		e.flags = e.flags&^fPreview | fHidden
	case e.flags&fHidden != 0:
	case containsFold(at.class, "preheader") || containsFold(at.class, "preview-text"):
		e.flags |= fHidden | fPreview
	case at.hidden || st.displayNone:
		e.flags |= fHidden
		if preview {
			e.flags |= fPreview
		}
	case st.hidden:
		// Transparent or clipped to nothing: the text is hidden, but
		// the block is still there and separates what is around it.
		e.flags |= fHidden
		if preview {
			e.flags |= fPreview
		}
		if k&(kBlock|kRow) != 0 {
			e.flags |= fHiddenBox
		}
	}
	switch {
	case st.zeroFont:
		e.flags |= fZeroFont
	case st.absFont || a == atom.Font && len(bytes.TrimSpace(at.size)) > 0:
		e.flags &^= fZeroFont
	}
	switch st.visibility {
	case -1:
		e.flags |= fInvisible
	case +1:
		e.flags &^= fInvisible
	}
	hidden := e.flags&fHidden != 0

	if k&kVoid != 0 {
		if hidden {
			return
		}
		switch {
		case k&kBlock != 0: // <br>, <hr>
			p.b.lineBreak()
		case a == atom.Img && parent.link >= 0 && len(at.alt) > 0 && e.flags&fInvisible == 0:
			// Alt text stands for the image inside links: the label of
			// buttons made of images. A zero font size does not hide
			// images, so it does not hide their alt text either.
			p.b.spaceBreak()
			p.b.write(at.alt, false)
			p.b.spaceBreak()
		}
		return
	}

	if len(p.stack) >= maxDepth {
		// Too deep to track: the content inherits the state of the top.
		if !hidden {
			p.openBreaks(k)
		}
		return
	}
	if hidden {
		if e.flags&fHiddenBox != 0 {
			p.b.lineBreak()
		}
		p.push(e)
		if selfClosing {
			p.pop()
		}
		return
	}

	p.openBreaks(k)

	// Emphasis.
	set := tagStyle(a) | st.set
	clear := st.clear
	if a == atom.Font {
		set, clear = fontTag(at, set, clear)
	}
	e.style = parent.style&^clear | set
	if set != 0 {
		e.flags |= fEmph
	}
	if k&kPre != 0 {
		e.flags |= fPre
	}

	rtl := st.rtl || bytes.EqualFold(bytes.TrimSpace(at.dir), []byte("rtl"))
	if rtl && (a == atom.Bdo || st.override) {
		// Shown right to left whatever it holds (<bdo dir=rtl>, or the styles
		// direction:rtl and unicode-bidi:bidi-override): the text says so as Unicode
		// would, with a right-to-left override that the element's end closes.
		e.flags |= fOverride
		p.b.write([]byte("\u202e"), false)
	}

	switch {
	case a == atom.A && at.hasHref:
		p.openLink(&e, at, st)
	case k&kCell != 0:
		if (paintsAttr(at.bgcolor) || st.background) && (st.radius || st.padding) {
			e.flags |= fButtonCell
		}
	}

	p.push(e)
	if selfClosing {
		p.pop()
	}
}

// openBreaks writes the separators an element of kind k starts with.
func (p *parser) openBreaks(k kind) {
	switch {
	case k&(kBlock|kRow) != 0:
		p.b.lineBreak()
	case k&kCell != 0:
		// A cell follows the previous one on the same row, even when that
		// one ended with a block (<td><p>a</p></td><td>b</td>). But once
		// a row takes several lines (columns of lines side by side), its
		// next cells start on lines of their own: a tab would join lines
		// that are not beside each other.
		b := &p.b
		for i := len(p.stack) - 1; i >= 0 && i >= len(p.stack)-3; i-- {
			if e := &p.stack[i]; e.kind&kRow != 0 {
				rowStart := b.trimStart(e.start, len(b.buf))
				if len(b.buf) > rowStart {
					if b.lineStart > rowStart {
						b.brk = '\n'
					} else if b.brk == '\n' {
						b.brk = '\t'
					}
				}
				break
			}
		}
		b.cellBreak()
	}
}

// openLink starts the Link of an <a href> element e.
func (p *parser) openLink(e *elem, at attrs, st inlineStyle) {
	button := containsFold(at.class, "btn") || containsFold(at.class, "button") ||
		containsFold(at.id, "btn") || containsFold(at.id, "button") ||
		equalFold(bytes.TrimSpace(at.role), "button") ||
		st.background || st.padding && (st.border || st.radius || st.inlineBlock)
	e.link = int32(len(p.links))
	e.flags |= fLink
	p.hrefs = append(p.hrefs, bytes.Trim(at.href, " \t\n\f\r")...)
	p.hrefEnds = append(p.hrefEnds, len(p.hrefs))
	l := Link{Button: button, Start: e.start}
	if len(at.safeRedirect) > 0 {
		l.SafeRedirect = string(bytes.Trim(at.safeRedirect, " \t\n\f\r"))
	}
	p.links = append(p.links, l)
	// A bulletproof button: the nearest cell around the link, at most three
	// levels up, is painted and padded or rounded, and holds only this link.
	for i := len(p.stack) - 1; i >= 0 && i >= len(p.stack)-3; i-- {
		c := &p.stack[i]
		if c.kind&kCell == 0 {
			continue
		}
		if c.flags&fButtonCell != 0 {
			if c.cellLink == -1 {
				c.cellLink = e.link
			} else {
				c.cellLink = -2
			}
		}
		break
	}
}

// fontTag adds the emphasis of a <font> element's size and face.
func fontTag(at attrs, set, clear Style) (Style, Style) {
	if s := bytes.TrimSpace(at.size); len(s) > 0 {
		n, _, ok := parseNumber(s)
		if ok && (s[0] == '+' || s[0] == '-') {
			n += 3 // relative to the default size, 3
		}
		switch {
		case !ok:
		case n >= 5:
			set |= Large
		default:
			clear |= Large
		}
	}
	if len(at.face) > 0 {
		if monospaceFamily(at.face) {
			set |= Monospace
		} else {
			clear |= Monospace
		}
	}
	return set, clear
}

// paintsAttr reports whether a bgcolor attribute paints a background.
func paintsAttr(v []byte) bool {
	v = bytes.TrimSpace(v)
	return len(v) > 0 && !equalFold(v, "transparent") && !equalFold(v, "none")
}

func (p *parser) push(e elem) {
	if e.a == 0 {
		e.nameOff = int32(len(p.names))
		p.names = append(p.names, p.tagName...)
		e.nameEnd = int32(len(p.names))
	}
	p.stack = append(p.stack, e)
}

// named reports whether e is an element without an atom named name.
func (p *parser) named(e *elem, name []byte, hash uint32) bool {
	return e.a == 0 && e.hash == hash && string(p.names[e.nameOff:e.nameEnd]) == string(name)
}

// pop closes the top element: its line break, its link, its span.
func (p *parser) pop() {
	n := len(p.stack) - 1
	e := &p.stack[n]
	if e.flags&fHiddenBox != 0 {
		p.b.lineBreak()
	}
	if e.flags&fOverride != 0 {
		p.b.write([]byte("\u202c"), false)
	}
	if e.flags&fHidden == 0 {
		b := &p.b
		end := len(b.buf)
		if e.kind&kCell != 0 {
			b.cellStart = false
		}
		if e.kind&(kBlock|kRow) != 0 {
			b.lineBreak()
		}
		if e.flags&fLink != 0 {
			l := &p.links[e.link]
			l.Start, l.End = b.trimStart(l.Start, end), end
		}
		if e.flags&fEmph != 0 {
			if start := b.trimStart(e.start, end); start < end {
				p.addSpan(start, end, e.style)
			}
		}
		if e.flags&fButtonCell != 0 && e.cellLink >= 0 {
			l := &p.links[e.cellLink]
			if l.End == end && l.Start == b.trimStart(e.start, end) {
				l.Button = true
			}
		}
	}
	if e.a == atom.Head {
		p.headOpen = false
	}
	if e.a == 0 {
		p.names = p.names[:e.nameOff]
	}
	p.stack = p.stack[:n]
}

// popTo pops elements until the stack holds i of them.
func (p *parser) popTo(i int) {
	for len(p.stack) > i {
		p.pop()
	}
}

// addSpan records emphasis. Spans of nested elements that cover the same
// text merge: an inner element closes right before the outer one, so the
// only candidate is the last span recorded.
func (p *parser) addSpan(start, end int, s Style) {
	if n := len(p.spans); n > 0 && p.spans[n-1].Start == start && p.spans[n-1].End == end {
		p.spans[n-1].Style |= s
		return
	}
	p.spans = append(p.spans, Span{Start: start, End: end, Style: s})
}

// closeHead ends head mode: the <head> element and whatever is open in it.
func (p *parser) closeHead() {
	for i := len(p.stack) - 1; i >= 0; i-- {
		if p.stack[i].a == atom.Head {
			p.popTo(i)
			break
		}
	}
	p.headOpen = false
}

// closeImplied closes the elements that a start tag of a ends without an
// end tag, as a browser does: a new <li> ends the open one, a <div> ends an
// open <p>, a new row ends the open row, and so on.
func (p *parser) closeImplied(a atom.Atom, k kind) {
	switch a {
	case atom.Li:
		p.closeOpen(func(e *elem) bool { return e.a == atom.Li }, kListScope)
	case atom.Dt, atom.Dd:
		p.closeOpen(func(e *elem) bool { return e.a == atom.Dt || e.a == atom.Dd }, kListScope)
	case atom.Tr:
		p.closeOpen(func(e *elem) bool { return e.a == atom.Tr }, kTable)
	case atom.Td, atom.Th:
		p.closeOpen(func(e *elem) bool { return e.kind&kCell != 0 }, kTable|kRow)
	case atom.Tbody, atom.Thead, atom.Tfoot:
		p.closeOpen(func(e *elem) bool { return e.a == atom.Tbody || e.a == atom.Thead || e.a == atom.Tfoot }, kTable)
	case atom.A:
		p.closeOpen(func(e *elem) bool { return e.a == atom.A }, kScope)
	}
	if k&kClosesP != 0 {
		p.closeOpen(func(e *elem) bool { return e.a == atom.P }, kScope)
	}
	if isHeading(a) && len(p.stack) > 0 && isHeading(p.top().a) {
		p.pop()
	}
}

// closeOpen pops up to the nearest open element that match accepts, if
// there is one within maxSearch entries and below no element of a kind in
// stop.
func (p *parser) closeOpen(match func(*elem) bool, stop kind) {
	for i := len(p.stack) - 1; i >= 0 && i >= len(p.stack)-maxSearch; i-- {
		e := &p.stack[i]
		if match(e) {
			p.popTo(i)
			return
		}
		if e.kind&stop != 0 {
			return
		}
	}
}

func (p *parser) endTag() {
	name, _ := p.z.TagName()
	a := atom.Lookup(name)
	var hash uint32
	if a == 0 {
		hash = nameHash(name)
	}
	switch a {
	case atom.Html, atom.Body:
		// Content after </body> is still shown by browsers, in the body.
		return
	case atom.Br:
		// </br> is read as <br> by browsers.
		if p.top().flags&fHidden == 0 {
			p.b.lineBreak()
		}
		return
	}
	// An end tag closes the nearest open element of its name, but does not
	// reach out of a table cell (or, for table parts, out of a table).
	stop := kScope
	switch a {
	case atom.Td, atom.Th, atom.Tr, atom.Tbody, atom.Thead, atom.Tfoot, atom.Caption:
		stop = kTable
	case atom.Table:
		stop = 0
	}
	for i := len(p.stack) - 1; i >= 0 && i >= len(p.stack)-maxSearch; i-- {
		e := &p.stack[i]
		if a != 0 && e.a == a || a == 0 && p.named(e, name, hash) {
			p.popTo(i)
			return
		}
		if e.kind&stop != 0 {
			break
		}
	}
	if a == atom.P && p.top().flags&fHidden == 0 {
		// A </p> with no open <p> makes an empty paragraph: a line break.
		p.b.lineBreak()
	}
}

// document returns the result of the pass.
func (p *parser) document() *Document {
	doc := &Document{Text: string(p.b.buf), Preview: string(p.preview.buf), Links: p.links, Emphasis: p.spans}
	hrefs := string(p.hrefs)
	for i := range doc.Links {
		l := &doc.Links[i]
		l.Text = doc.Text[l.Start:l.End]
		start := 0
		if i > 0 {
			start = p.hrefEnds[i-1]
		}
		l.Href = hrefs[start:p.hrefEnds[i]]
	}
	slices.SortStableFunc(doc.Emphasis, func(x, y Span) int {
		if c := cmp.Compare(x.Start, y.Start); c != 0 {
			return c
		}
		return cmp.Compare(y.End, x.End)
	})
	return doc
}
