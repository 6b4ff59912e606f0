package extract

// nextAtom returns the first atom of text at or after offset i.
func nextAtom(text string, i int) (atom, bool) {
	for i < len(text) && !isAlnum(text[i]) {
		i++
	}
	if i == len(text) {
		return atom{}, false
	}
	a := atom{start: i}
	for ; i < len(text) && isAlnum(text[i]); i++ {
		switch c := text[i]; {
		case '0' <= c && c <= '9':
			a.digits++
		case 'a' <= c && c <= 'z':
			a.letters++
			a.lower = true
		default:
			a.letters++
			a.upper = true
		}
	}
	a.end = i
	return a, true
}

// atomStream reads the atoms of a text as they are asked for, keeping only those from the
// last released index on: findCodes looks a few atoms ahead and never back, so its memory
// stays constant however many atoms the text holds.
type atomStream struct {
	text string
	base int    // the index of buf[0]
	buf  []atom // the atoms read and not released
	pos  int    // where reading goes on: the end of the last atom read
	done bool   // the text has no more atoms
}

// has reports whether the text has an atom of index i, reading up to it.
func (s *atomStream) has(i int) bool {
	for i-s.base >= len(s.buf) {
		if s.done {
			return false
		}
		a, ok := nextAtom(s.text, s.pos)
		if !ok {
			s.done = true
			return false
		}
		s.buf = append(s.buf, a)
		s.pos = a.end
	}
	return true
}

// at returns atom i, which has reported.
func (s *atomStream) at(i int) atom { return s.buf[i-s.base] }

// from returns the atoms read from index i on, with i+1 among them when the text has it.
func (s *atomStream) from(i int) []atom {
	s.has(i + maxParts - 1)
	return s.buf[i-s.base:]
}

// release forgets the atoms before index i.
func (s *atomStream) release(i int) {
	k := i - s.base
	if k < 64 || k > len(s.buf) {
		return
	}
	n := copy(s.buf, s.buf[k:])
	s.buf = s.buf[:n]
	s.base = i
}
