package lexicon

import (
	"encoding/binary"
	"unicode/utf8"
)

// A Matcher keeps its phrases and its automaton in flat little-endian tables of fixed-size
// records, the same whether Compile built them a moment ago or they are slices of
// compiled.bin: a process that loads the default matcher reads only the records its texts
// lead to, instead of decoding a hundred thousand states into fresh memory first (each new
// page of memory costs a fault, and those dominated a fresh process's first call).
const (
	// A phrase: where its folded text starts in texts (4 bytes), the index of its set of
	// languages in sets (4), its class (2), its text's length (1) and its flags (1).
	phraseSize = 12
	// A state of the automaton: its first child (4 bytes; its last is the one before the next
	// state's first), its failure link (4), the nearest state on the failure chain with an
	// output, or 0 (4), and the first phrase ending at it plus one, or 0 (4). The states are
	// numbered breadth first, so that a state's children are consecutive; the byte that
	// enters each is in labels.
	stateSize = 16
)

// Phrase flags.
const (
	flagPrefix   = 1 << 0 // Phrase.Prefix
	flagSuffix   = 1 << 1 // Phrase.Suffix
	boundShift   = 2      // bits 2–3 the left bound, 4–5 the right one
	flagSameNext = 1 << 6 // the next phrase has the same text
)

func u32(b []byte, i int32) int32 { return int32(binary.LittleEndian.Uint32(b[i : i+4])) }

func put32(b []byte, i, v int32) { binary.LittleEndian.PutUint32(b[i:i+4], uint32(v)) }

// The record of phrase p, and its fields.
type phraseRecord [phraseSize]byte

func (m *Matcher) phrase(p int32) *phraseRecord {
	return (*phraseRecord)(m.phrases[p*phraseSize:])
}
func (r *phraseRecord) textLen() int { return int(r[10]) }
func (r *phraseRecord) flags() byte  { return r[11] }
func (r *phraseRecord) class() Class { return Class(binary.LittleEndian.Uint16(r[8:10])) }
func (r *phraseRecord) set() int32   { return int32(binary.LittleEndian.Uint32(r[4:8])) }
func (r *phraseRecord) bound() bound {
	f := r[11] >> boundShift
	return bound{edgeKind(f & 3), edgeKind(f >> 2 & 3)}
}

// The fields of phrase p.
func (m *Matcher) textOf(p int32) []byte {
	r := m.phrase(p)
	off := int32(binary.LittleEndian.Uint32(r[0:4]))
	return m.texts[off : off+int32(r.textLen())]
}
func (m *Matcher) langsOf(p int32) LangSet { return m.sets[m.phrase(p).set()] }
func (m *Matcher) flags(p int32) byte      { return m.phrase(p).flags() }
func (m *Matcher) classOf(p int32) Class   { return m.phrase(p).class() }
func (m *Matcher) boundOf(p int32) bound   { return m.phrase(p).bound() }

// The records of state s.
func (m *Matcher) state(s int32) *[stateSize]byte {
	return (*[stateSize]byte)(m.states[s*stateSize:])
}
func (m *Matcher) children(s int32) (lo, hi int32) {
	return u32(m.states, s*stateSize), u32(m.states, (s+1)*stateSize)
}
func (m *Matcher) fail(s int32) int32 { return field(m.state(s), 4) }
func (m *Matcher) dict(s int32) int32 { return field(m.state(s), 8) }
func (m *Matcher) out(s int32) int32  { return field(m.state(s), 12) - 1 }

// field reads the field of a state record at byte i.
func field(r *[stateSize]byte, i int) int32 {
	return int32(binary.LittleEndian.Uint32(r[i : i+4]))
}

// phraseCount is how many phrases m holds.
func (m *Matcher) phraseCount() int32 { return int32(len(m.phrases) / phraseSize) }

// packPhrases writes the phrase records of phrases, which merge sorted by text, with their
// languages ls: each distinct text once in texts, each distinct set of languages once in sets.
func (m *Matcher) packPhrases(phrases []Phrase, ls []LangSet) {
	m.phrases = make([]byte, len(phrases)*phraseSize)
	setIndex := map[LangSet]int32{}
	off := int32(0)
	for i, p := range phrases {
		if i == 0 || p.Text != phrases[i-1].Text {
			off = int32(len(m.texts))
			m.texts = append(m.texts, p.Text...)
		}
		set, ok := setIndex[ls[i]]
		if !ok {
			set = int32(len(m.sets))
			setIndex[ls[i]] = set
			m.sets = append(m.sets, ls[i])
		}
		first, _ := utf8.DecodeRuneInString(p.Text)
		last, _ := utf8.DecodeLastRuneInString(p.Text)
		var flags byte
		if p.Prefix {
			flags |= flagPrefix
		} else {
			flags |= byte(edgeOf(first)) << boundShift
		}
		if p.Suffix {
			flags |= flagSuffix
		} else {
			flags |= byte(edgeOf(last)) << (boundShift + 2)
		}
		if i+1 < len(phrases) && phrases[i+1].Text == p.Text {
			flags |= flagSameNext
		}
		r := m.phrases[i*phraseSize : (i+1)*phraseSize]
		put32(r, 0, off)
		put32(r, 4, set)
		binary.LittleEndian.PutUint16(r[8:], uint16(p.Class))
		r[10] = byte(len(p.Text)) // at most MaxPhrase: merge dropped longer ones
		r[11] = flags
	}
}
