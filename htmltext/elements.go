package htmltext

import "golang.org/x/net/html/atom"

// kind is what the text extraction needs to know about an element name.
type kind uint16

const (
	kVoid      kind = 1 << iota // never has content or an end tag
	kBlock                      // starts and ends a line
	kRow                        // <tr>: starts and ends a line
	kCell                       // <td>, <th>: separated from the previous cell by a tab
	kDrop                       // dropped with everything inside
	kPre                        // preformatted: source line breaks are kept
	kHeadOnly                   // may stand in <head> without ending it
	kClosesP                    // its start tag ends an open <p>
	kListScope                  // an open <li>, <dt> or <dd> is not looked for beyond it
	kScope                      // implied and explicit end tags do not reach past it
	kTable                      // <table>: row and cell tags do not reach past it
)

// kindOf returns the kind of the element named by a (0 for unknown names,
// which are plain inline elements).
func kindOf(a atom.Atom) kind {
	switch a {
	case atom.Br, atom.Hr:
		k := kVoid | kBlock
		if a == atom.Hr {
			k |= kClosesP
		}
		return k
	case atom.Img, atom.Input, atom.Wbr, atom.Col, atom.Area, atom.Embed,
		atom.Source, atom.Track, atom.Param, atom.Keygen, atom.Frame:
		return kVoid
	case atom.Meta, atom.Link, atom.Base, atom.Basefont, atom.Bgsound:
		return kVoid | kHeadOnly

	case atom.P, atom.Div, atom.Address:
		return kBlock | kClosesP
	case atom.Li, atom.Dt, atom.Dd:
		return kBlock | kClosesP
	case atom.Ul, atom.Ol, atom.Menu, atom.Dir, atom.Dl:
		return kBlock | kClosesP | kListScope
	case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6,
		atom.Blockquote, atom.Section, atom.Article, atom.Header, atom.Footer,
		atom.Nav, atom.Main, atom.Aside, atom.Center, atom.Figure, atom.Figcaption,
		atom.Form, atom.Fieldset, atom.Details, atom.Summary, atom.Hgroup, atom.Dialog, atom.Search:
		return kBlock | kClosesP | kListScope
	case atom.Legend:
		return kBlock | kListScope
	case atom.Pre, atom.Listing, atom.Xmp, atom.Plaintext:
		return kBlock | kClosesP | kListScope | kPre
	case atom.Table:
		return kBlock | kClosesP | kListScope | kScope | kTable
	case atom.Caption:
		return kBlock | kListScope | kScope
	case atom.Tr:
		return kRow | kListScope
	case atom.Td, atom.Th:
		return kCell | kListScope | kScope
	case atom.Tbody, atom.Thead, atom.Tfoot:
		return kListScope

	case atom.Script, atom.Style, atom.Template, atom.Noscript, atom.Noframes,
		atom.Title:
		return kDrop | kHeadOnly
	case atom.Svg, atom.Object, atom.Applet, atom.Iframe, atom.Select,
		atom.Textarea, atom.Noembed, atom.Datalist, atom.Audio, atom.Video, atom.Canvas:
		return kDrop | kListScope | kScope
	case atom.Html, atom.Marquee, atom.Button:
		return kListScope | kScope
	}
	return 0
}

// tagStyle returns the emphasis an element has by its name alone.
func tagStyle(a atom.Atom) Style {
	switch a {
	case atom.B, atom.Strong:
		return Bold
	case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
		return Heading
	case atom.Big:
		return Large
	case atom.Code, atom.Kbd, atom.Samp, atom.Tt, atom.Pre, atom.Xmp, atom.Listing, atom.Plaintext:
		return Monospace
	}
	return 0
}

// isHeading reports whether a is <h1> to <h6>.
func isHeading(a atom.Atom) bool {
	switch a {
	case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
		return true
	}
	return false
}
