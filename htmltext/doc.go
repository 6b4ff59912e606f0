// Package htmltext turns an HTML document, typically the body of an email,
// into the text a person sees when they open it, plus the document's links
// and the spans of emphasized text (bold, large, letter-spaced, monospace:
// where one-time codes usually stand).
//
// It makes one pass over the tokens of golang.org/x/net/html's Tokenizer,
// without building a tree, keeping only a small stack of open elements.
// Time and memory are linear in the input, whatever it holds.
//
// # What is kept
//
// Block elements (p, div, li, h1, tr, table, …) and <br> become line
// breaks; table cells on one row are separated by a tab (when a cell of the
// row takes several lines, the cells after it start lines of their own, as
// columns of lines cannot be put side by side); runs of whitespace
// collapse to one space; character references are decoded; no-break and
// other Unicode spaces become spaces; zero-width and other invisible
// characters are dropped, but for bidirectional embeddings, overrides and
// isolates (see BidiControl), which change the order of what is shown. The result has no empty lines and no spaces at
// the start or end of a line.
//
// # What is dropped
//
// What a person does not see: <head> (even when </head> is missing),
// <title>, <script>, <style>, <template>, <noscript>, <svg>, <iframe>,
// <object>, form controls and the like, comments, and hidden elements with
// everything inside: an inline style with display:none, mso-hide:all,
// opacity:0, or a zero height or width with overflow:hidden; the hidden
// attribute; a class naming a "preheader" or "preview-text". Such hidden
// text is how emails put a summary in the inbox list, and it often repeats
// the code: it must not be found twice. The hidden text that comes before
// anything visible, and preheader elements, are kept apart as
// Document.Preview: what the inbox shows beside the subject.
//
// Text with font-size:0 or visibility:hidden is dropped too, but as in a
// browser a descendant that sets a font size of its own, or
// visibility:visible, shows again: layout templates put font-size:0 on
// wrapper cells to remove the gaps between columns and reset it inside.
//
// Only inline styles are read; rules in <style> sheets are not applied.
//
// # Links and emphasis
//
// Each visible <a href> becomes a Link with its href, its anchor text and
// that text's position in Document.Text, and whether it is styled as a
// button. Alt text of images counts as text inside links only, where it is
// the label of image buttons. Each element that declares emphasis yields a
// Span of Document.Text with its Style.
//
// # Use
//
// Parse the HTML, then read the text, the links and the spans:
//
//	doc := htmltext.ParseString(body)
//	fmt.Println(doc.Text)
//	for _, l := range doc.Links {
//		if l.Button {
//			fmt.Println("button:", l.Text, "→", l.Href)
//		}
//	}
//	for _, s := range doc.Emphasis {
//		if s.Style&(htmltext.Large|htmltext.Spaced) != 0 {
//			fmt.Println("stands out:", doc.Text[s.Start:s.End])
//		}
//	}
//
// Offsets are byte offsets into Document.Text, so a span's text is always
// doc.Text[s.Start:s.End], and a link's text is doc.Text[l.Start:l.End].
//
// Parse reads from an io.Reader; ParseString takes a string; FromSelection
// accepts a goquery selection for callers that already hold a parsed
// document (it renders the nodes back to HTML, so it is slower).
//
// The input is taken to be UTF-8: decode other charsets first (for
// example with golang.org/x/net/html/charset). Invalid bytes become U+FFFD,
// so the text is always valid UTF-8.
package htmltext
