package htmltext

import "bytes"

// inlineStyle is what a style attribute says about visibility, emphasis
// and button looks. Only inline styles are read: rules in <style> sheets
// are not applied.
type inlineStyle struct {
	// displayNone removes the element and everything inside. hidden hides
	// it and everything inside too, whatever the descendants declare, but
	// leaves its box in place (opacity:0, a zero box with overflow:hidden).
	displayNone, hidden bool
	// zeroFont is font-size:0, absFont an absolute non-zero font size.
	// Zero-size text is invisible, but descendants that set an absolute
	// size of their own show again: layouts put font-size:0 on wrappers to
	// remove the gaps between inline blocks, and reset it inside.
	zeroFont, absFont bool
	// visibility is +1 for visibility:visible, -1 for hidden or collapse:
	// like the font size, it is inherited and can be overridden.
	visibility int8
	set        Style // emphasis the element declares
	clear      Style // inherited emphasis the element resets (font-weight:normal…)

	background  bool // paints a background
	padding     bool // has a non-zero padding
	border      bool // draws a border
	radius      bool // has rounded corners
	inlineBlock bool // display:inline-block

	// rtl is direction:rtl, override unicode-bidi:bidi-override (or
	// isolate-override): together they show the text right to left.
	rtl, override bool
}

// parseStyle reads a style attribute. It is tolerant the way mail clients
// are: any case, spaces anywhere, !important, a missing final semicolon or
// one missing between two declarations.
func parseStyle(s []byte) inlineStyle {
	var st inlineStyle
	var zeroSize, overflowHidden, msoHide bool
	var nameBuf [32]byte
	d := declScanner{s: s, semi: -1}
	for {
		rawName, val, ok := d.next()
		if !ok {
			break
		}
		if len(rawName) > len(nameBuf) {
			continue
		}
		name := lowerInto(nameBuf[:0], rawName)
		switch string(name) {
		case "display": // the last declaration wins
			st.displayNone = firstWordIs(val, "none")
			st.inlineBlock = firstWordIs(val, "inline-block")
		case "direction":
			st.rtl = firstWordIs(val, "rtl")
		case "unicode-bidi":
			st.override = firstWordIs(val, "bidi-override") || firstWordIs(val, "isolate-override")
		case "visibility":
			switch {
			case firstWordIs(val, "hidden"), firstWordIs(val, "collapse"):
				st.visibility = -1
			case firstWordIs(val, "visible"):
				st.visibility = +1
			}
		case "mso-hide":
			msoHide = firstWordIs(val, "all")
		case "opacity":
			if n, _, ok := parseNumber(val); ok && n == 0 {
				st.hidden = true
			}
		case "font-size":
			st.fontSize(val)
		case "font-weight":
			st.fontWeight(val)
		case "font-family":
			st.fontFamily(val)
		case "font":
			st.font(val)
		case "letter-spacing":
			if n, _, ok := parseNumber(val); ok && n > 0 {
				st.set |= Spaced
			} else {
				st.clear |= Spaced
			}
		case "height", "max-height", "width", "max-width":
			if n, _, ok := parseNumber(val); ok && n == 0 {
				zeroSize = true
			}
		case "overflow", "overflow-x", "overflow-y":
			if firstWordIs(val, "hidden") || firstWordIs(val, "clip") {
				overflowHidden = true
			}
		case "background", "background-color", "background-image":
			if paints(val) {
				st.background = true
			}
		case "padding", "padding-top", "padding-right", "padding-bottom", "padding-left":
			if anyPositive(val) {
				st.padding = true
			}
		case "border", "border-top", "border-right", "border-bottom", "border-left", "border-width", "border-style":
			if drawsBorder(val) {
				st.border = true
			}
		case "border-radius":
			if anyPositive(val) {
				st.radius = true
			}
		}
	}
	if zeroSize && overflowHidden {
		st.hidden = true
	}
	if msoHide {
		st.displayNone = true // what Outlook makes of it
	}
	return st
}

// declScanner iterates over the declarations of a style attribute.
type declScanner struct {
	s    []byte
	pos  int // start of the rest of s
	semi int // index of the next ';' (len(s) if none), when not before pos
}

// next returns the next declaration's name and value, both trimmed, the
// value without !important. It runs in time linear in the attribute, even
// when declarations are not separated by semicolons.
func (d *declScanner) next() (name, val []byte, ok bool) {
	for d.pos < len(d.s) {
		rest := d.s[d.pos:]
		i := 0
		for i < len(rest) && rest[i] != ':' && rest[i] != ';' {
			i++
		}
		if i == len(rest) {
			d.pos = len(d.s)
			break
		}
		if rest[i] == ';' {
			d.pos += i + 1
			continue
		}
		name = bytes.TrimSpace(rest[:i])
		from := d.pos + i + 1 // the value starts here
		if d.semi < from {
			d.semi = len(d.s)
			if j := bytes.IndexByte(d.s[from:], ';'); j >= 0 {
				d.semi = from + j
			}
		}
		end, next := d.semi, d.semi+1
		if k := missingSemicolon(d.s[from:end]); k >= 0 {
			end, next = from+k, from+k
		}
		val = d.s[from:end]
		d.pos = min(next, len(d.s))
		if bang := bytes.IndexByte(val, '!'); bang >= 0 {
			val = val[:bang]
		}
		return name, bytes.TrimSpace(val), true
	}
	return nil, nil, false
}

// missingSemicolon returns where a second declaration starts inside a
// value that lacks the semicolon before it ("display:none font-size:0"),
// or -1. A declaration starts at a word of letters and hyphens that
// follows whitespace and is followed by a colon; "url(https://…" is not
// one.
func missingSemicolon(v []byte) int {
	from := 0
	for {
		c := bytes.IndexByte(v[from:], ':')
		if c < 0 {
			return -1
		}
		c += from
		w := c
		for w > from && isNameByte(v[w-1]) {
			w--
		}
		if w < c && w > 0 && isSpace(v[w-1]) {
			return w
		}
		from = c + 1
	}
}

func isNameByte(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || c == '-'
}

func isSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'
}

// lowerInto appends the ASCII lower case of s to dst.
func lowerInto(dst, s []byte) []byte {
	for _, c := range s {
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		dst = append(dst, c)
	}
	return dst
}

// equalFold reports whether s equals the lower-case ASCII word w, ignoring case.
func equalFold(s []byte, w string) bool {
	if len(s) != len(w) {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != w[i] {
			return false
		}
	}
	return true
}

// containsFold reports whether s contains the lower-case ASCII word w,
// ignoring case. w is short, so this is linear in s.
func containsFold(s []byte, w string) bool {
	for i := 0; i+len(w) <= len(s); i++ {
		if s[i]|0x20 == w[0] && equalFold(s[i:i+len(w)], w) {
			return true
		}
	}
	return false
}

// firstWord returns the first whitespace-separated word of v.
func firstWord(v []byte) []byte {
	for i, c := range v {
		if isSpace(c) || c == ',' || c == '/' {
			return v[:i]
		}
	}
	return v
}

func firstWordIs(v []byte, w string) bool { return equalFold(firstWord(v), w) }

// parseNumber reads the number at the start of v and the unit that follows
// it ("1.5em" → 1.5, "em"). ok is false when v does not start with a number.
func parseNumber(v []byte) (n float64, unit []byte, ok bool) {
	i := 0
	neg := false
	if i < len(v) && (v[i] == '-' || v[i] == '+') {
		neg = v[i] == '-'
		i++
	}
	digits := 0
	for ; i < len(v) && '0' <= v[i] && v[i] <= '9'; i++ {
		if digits < 15 {
			n = n*10 + float64(v[i]-'0')
		} else {
			n *= 10
		}
		digits++
	}
	if i < len(v) && v[i] == '.' {
		i++
		scale := 0.1
		for ; i < len(v) && '0' <= v[i] && v[i] <= '9'; i++ {
			n += float64(v[i]-'0') * scale
			scale /= 10
			digits++
		}
	}
	if digits == 0 {
		return 0, nil, false
	}
	j := i
	for j < len(v) && (isNameByte(v[j]) || v[j] == '%') {
		j++
	}
	if neg {
		n = -n
	}
	return n, v[i:j], true
}

// sizeClass is what a font size means for the Large emphasis.
type sizeClass uint8

const (
	sizeUnknown sizeClass = iota // unreadable: changes nothing
	sizeZero                     // 0: the text is hidden
	sizeSmall                    // below the Large threshold
	sizeSame                     // relative to the parent, at least as large
	sizeLarge                    // at or above the threshold
)

// classifySize reads a font-size value. relative reports whether the size
// depends on the parent's (em, %, larger…).
func classifySize(v []byte) (c sizeClass, relative bool) {
	w := firstWord(v)
	n, unit, ok := parseNumber(w)
	if !ok {
		switch {
		case equalFold(w, "x-large"), equalFold(w, "xx-large"), equalFold(w, "xxx-large"):
			return sizeLarge, false
		case equalFold(w, "larger"), equalFold(w, "inherit"), equalFold(w, "unset"):
			return sizeSame, true
		case equalFold(w, "smaller"):
			return sizeSmall, true
		case equalFold(w, "xx-small"), equalFold(w, "x-small"), equalFold(w, "small"),
			equalFold(w, "medium"), equalFold(w, "large"), equalFold(w, "initial"):
			return sizeSmall, false
		}
		return sizeUnknown, false
	}
	if n == 0 {
		return sizeZero, false
	}
	px := n // no unit: what mail clients take for pixels
	switch {
	case len(unit) == 0 || equalFold(unit, "px"):
	case equalFold(unit, "pt"):
		px = n * 4 / 3
	case equalFold(unit, "rem"):
		px = n * 16
	case equalFold(unit, "pc"):
		px = n * 16
	case equalFold(unit, "in"):
		px = n * 96
	case equalFold(unit, "cm"):
		px = n * 96 / 2.54
	case equalFold(unit, "mm"):
		px = n * 96 / 25.4
	case equalFold(unit, "em"), string(unit) == "%":
		if string(unit) == "%" {
			n /= 100
		}
		switch {
		case n < 0:
			return sizeUnknown, false
		case n >= 1.25:
			return sizeLarge, true
		case n >= 1:
			return sizeSame, true
		}
		return sizeSmall, true
	default:
		return sizeUnknown, false
	}
	switch {
	case px < 0:
		return sizeUnknown, false
	case px >= 20:
		return sizeLarge, false
	}
	return sizeSmall, false
}

func (st *inlineStyle) fontSize(v []byte) {
	c, relative := classifySize(v)
	switch c {
	case sizeZero:
		st.zeroFont = true
		return
	case sizeSmall:
		st.clear |= Large
	case sizeLarge:
		st.set |= Large
	}
	if c != sizeUnknown && !relative {
		st.absFont = true
	}
}

func (st *inlineStyle) fontWeight(v []byte) {
	w := firstWord(v)
	if n, unit, ok := parseNumber(w); ok && len(unit) == 0 {
		if n >= 600 {
			st.set |= Bold
		} else {
			st.clear |= Bold
		}
		return
	}
	switch {
	case equalFold(w, "bold"), equalFold(w, "bolder"):
		st.set |= Bold
	case equalFold(w, "normal"), equalFold(w, "lighter"):
		st.clear |= Bold
	}
}

func (st *inlineStyle) fontFamily(v []byte) {
	if monospaceFamily(v) {
		st.set |= Monospace
	} else {
		st.clear |= Monospace
	}
}

// font reads the font shorthand: [style] [variant] [weight] size[/line-height] family.
func (st *inlineStyle) font(v []byte) {
	bold := false
	sized := false
	for len(v) > 0 && !sized {
		w := firstWord(v)
		v = bytes.TrimLeft(v[len(w):], " \t\n\r\f")
		if len(w) == 0 { // a separator: skip it
			if len(v) > 0 && (v[0] == '/' || v[0] == ',') {
				v = v[1:]
			}
			continue
		}
		if n, unit, ok := parseNumber(w); ok && len(unit) == 0 && n >= 100 && len(w) == 3 {
			bold = n >= 600
			continue
		}
		if equalFold(w, "bold") || equalFold(w, "bolder") {
			bold = true
			continue
		}
		if c, _ := classifySize(w); c != sizeUnknown {
			st.fontSize(w)
			sized = true
		}
	}
	if bold {
		st.set |= Bold
	} else {
		st.clear |= Bold
	}
	if sized {
		st.fontFamily(v)
	}
}

// monospaceFamily reports whether a font-family list names a monospace
// font: monospace, Courier, Consolas, Menlo, Monaco, Lucida Console, or a
// family with the word "Mono" ("SF Mono", "Roboto Mono"…).
func monospaceFamily(v []byte) bool {
	for i := 0; i < len(v); i++ {
		rest := v[i:]
		switch v[i] | 0x20 {
		case 'm':
			if hasPrefixFold(rest, "menlo") || hasPrefixFold(rest, "monaco") {
				return true
			}
			if hasPrefixFold(rest, "mono") && (i == 0 || !isNameByte(v[i-1])) &&
				(len(rest) == 4 || !isNameByte(rest[4]) || hasPrefixFold(rest, "monospace")) {
				return true
			}
		case 'c':
			if hasPrefixFold(rest, "courier") || hasPrefixFold(rest, "consolas") {
				return true
			}
		case 'l':
			if hasPrefixFold(rest, "lucida console") {
				return true
			}
		}
	}
	return false
}

// hasPrefixFold reports whether s starts with the lower-case ASCII word w,
// ignoring case.
func hasPrefixFold(s []byte, w string) bool {
	return len(s) >= len(w) && equalFold(s[:len(w)], w)
}

// paints reports whether a background value shows something.
func paints(v []byte) bool {
	w := firstWord(v)
	switch {
	case len(w) == 0,
		equalFold(w, "none"), equalFold(w, "transparent"), equalFold(w, "initial"),
		equalFold(w, "inherit"), equalFold(w, "unset"):
		return false
	}
	return true
}

// anyPositive reports whether a list of lengths has one above zero.
func anyPositive(v []byte) bool {
	for len(v) > 0 {
		if n, _, ok := parseNumber(v); ok && n > 0 {
			return true
		}
		i := bytes.IndexAny(v, " \t\n\r\f,")
		if i < 0 {
			break
		}
		v = bytes.TrimLeft(v[i:], " \t\n\r\f,")
	}
	return false
}

// drawsBorder reports whether a border value draws a line: not none or
// hidden, and not a zero width alone.
func drawsBorder(v []byte) bool {
	positive, zero := false, false
	for len(v) > 0 {
		w := firstWord(v)
		if equalFold(w, "none") || equalFold(w, "hidden") {
			return false
		}
		if n, _, ok := parseNumber(w); ok {
			if n > 0 {
				positive = true
			} else {
				zero = true
			}
		}
		v = bytes.TrimLeft(v[len(w):], " \t\n\r\f,/")
	}
	return positive || !zero
}
