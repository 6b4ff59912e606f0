package htmltext

import (
	"unicode"
	"unicode/utf8"
)

// builder accumulates the normalized text. Whitespace is never written
// when it is seen: it becomes a pending separator (a space, a cell tab or a
// line break) that is written only in front of the next visible character.
// So the text never starts or ends with whitespace, never holds two
// separators in a row, and an offset taken at any moment (len(buf)) is
// exact: at most one separator can follow it before the next visible
// character, which is what trimStart skips.
type builder struct {
	buf   []byte
	space bool // a space is pending
	brk   byte // a pending '\n' or '\t' (which wins over space), or 0

	lineStart int // offset of the start of the last line

	// cellStart is set when a table cell opens and cleared by the first
	// visible character: block boundaries at the very start of a cell
	// (<td><p>…) must not turn the tab between cells into a line break.
	cellStart bool
}

// lineBreak asks for a line break before the next visible character.
func (b *builder) lineBreak() {
	if b.cellStart {
		return
	}
	b.brk = '\n'
}

// cellBreak asks for a tab before the next visible character, unless a
// line break is already pending (a new row) or nothing is on the line yet.
func (b *builder) cellBreak() {
	if b.brk != '\n' {
		b.brk = '\t'
	}
	b.cellStart = true
}

// spaceBreak asks for a space before the next visible character.
func (b *builder) spaceBreak() { b.space = true }

// sep writes the pending separator, if any: called right before a visible
// character is written.
func (b *builder) sep() {
	if n := len(b.buf); n > 0 && b.buf[n-1] != '\n' {
		switch {
		case b.brk != 0:
			b.buf = append(b.buf, b.brk)
			if b.brk == '\n' {
				b.lineStart = len(b.buf)
			}
		case b.space:
			b.buf = append(b.buf, ' ')
		}
	}
	b.brk, b.space, b.cellStart = 0, false, false
}

// write appends text, collapsing whitespace and dropping invisible
// characters. In pre, source line breaks are line breaks.
func (b *builder) write(s []byte, pre bool) {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c > ' ' && c != 0x7f {
				// A run of printable ASCII, the common case, in one append.
				j := i + 1
				for j < len(s) && s[j] > ' ' && s[j] < 0x7f {
					j++
				}
				b.sep()
				b.buf = append(b.buf, s[i:j]...)
				i = j
				continue
			}
			switch c {
			case '\n':
				if pre {
					b.lineBreak()
				} else {
					b.space = true
				}
			case ' ', '\t', '\r', '\f', '\v':
				b.space = true
			}
			// Other C0 controls, NUL and DEL are invisible: dropped.
			i++
			continue
		}
		r, size := utf8.DecodeRune(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			b.sep()
			b.buf = utf8.AppendRune(b.buf, utf8.RuneError)
		case BidiControl(r):
			// Kept: it changes the order in which what follows is shown.
			b.sep()
			b.buf = append(b.buf, s[i:i+size]...)
		case Invisible(r):
		case unicode.IsSpace(r):
			b.space = true
		default:
			b.sep()
			b.buf = append(b.buf, s[i:i+size]...)
		}
		i += size
	}
}

// trimStart returns the first offset at or after start, and at most end,
// that is not a separator: where the visible text of an element that
// opened at start begins.
func (b *builder) trimStart(start, end int) int {
	for start < end {
		switch b.buf[start] {
		case ' ', '\t', '\n':
			start++
		default:
			return start
		}
	}
	return start
}

// BidiControl reports whether r opens or closes a bidirectional embedding, override or
// isolate (U+202A–U+202E, U+2066–U+2069). Like the other invisible characters it takes no
// room, but it changes the order in which the text after it is shown: "\u202e654321" reads
// 123456. Document.Text keeps these characters, so that a reader can tell text shown in
// another order than it is stored.
func BidiControl(r rune) bool { return 0x202a <= r && r <= 0x202e || 0x2066 <= r && r <= 0x2069 }

// Invisible reports whether r is a character that takes no room and shows
// nothing: zero-width characters, joiners, soft hyphens, bidirectional
// controls, fillers, tags and C1 controls. Text is searched for codes and
// words; these would only split them.
func Invisible(r rune) bool {
	switch {
	case r < 0xa0:
		return r >= 0x80 && r != 0x85 // C1 controls; U+0085 (NEL) is a space
	case r < 0x2000:
		switch r {
		case 0xad, 0x34f, 0x61c, 0x115f, 0x1160, 0x17b4, 0x17b5, 0x180b, 0x180c, 0x180d, 0x180e, 0x180f:
			return true
		}
		return false
	case r <= 0x206f:
		return r >= 0x200b && r <= 0x200f || r >= 0x202a && r <= 0x202e || r >= 0x2060
	case r == 0x3164, r == 0xfeff, r == 0xffa0:
		return true
	case r >= 0xfff9 && r <= 0xfffb:
		return true
	case r >= 0xe0000 && r <= 0xe007f:
		return true
	}
	return false
}
