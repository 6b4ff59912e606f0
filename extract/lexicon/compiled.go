package lexicon

import (
	_ "embed" // compiled.bin
	"encoding/binary"
	"errors"
	"hash/crc32"
	"io"
	"io/fs"
	"path"
)

// Compiling every table takes tens of milliseconds, which a short-lived process (a CLI that
// answers one message, a serverless function) would pay on its first call. So the default
// matcher is compiled ahead, by go generate, into compiled.bin, and a process only decodes
// it (about a millisecond). compiled.bin records a checksum of the tables it was compiled
// from: when they have changed since (a phrase added without running go generate), Default
// compiles them at run time instead, slower but never stale, and TestCompiledTables fails
// until compiled.bin is regenerated.
//
//go:embed compiled.bin
var compiled string

// compiledMagic starts compiled.bin and names its format; a new format gets a new number.
const compiledMagic = "otpkit lexicon 1\n"

var errCorrupt = errors.New("lexicon: compiled.bin is corrupt")

// sourceSum is a checksum of every table Load would read in fsys (names and contents), and
// their total length. It detects an edit, not an attack: compiled.bin comes with the module.
func sourceSum(fsys fs.FS) (sum uint32, size int64, err error) {
	h := crc32.New(crc32.MakeTable(crc32.Castagnoli))
	buf := make([]byte, 32<<10)
	err = fs.WalkDir(fsys, ".", func(name string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || path.Ext(name) != ".txt" {
			return err
		}
		f, err := fsys.Open(name)
		if err != nil {
			return err
		}
		defer f.Close()
		io.WriteString(h, name+"\x00")
		n, err := io.CopyBuffer(struct{ io.Writer }{h}, struct{ io.Reader }{f}, buf)
		size += n
		return err
	})
	return h.Sum32(), size, err
}

// encode writes m, and the phrases it was compiled from, in the format decode reads:
//
//	magic
//	checksum (4 bytes, little-endian) and size (uvarint) of the tables, see sourceSum
//	languages: count, then each name as length and bytes
//	phrases, in m's order: count, then per phrase its text (length, bytes), class,
//	  a byte of flags (bit 0 prefix, bit 1 suffix, bits 2–3 and 4–5 the left and right
//	  bounds), and its languages (count, then each index)
//	states, breadth first: count, then per state its number of children, and for every
//	  state but the root the byte that enters it, its failure link, and its output plus one
//	the phrases as Load returned them: count, then per phrase the index of the merged
//	  phrase it became and its language's index plus one (0 for common.txt)
//
// Every number is a uvarint unless said otherwise. The rest of a Matcher follows from these.
func encode(m *Matcher, raw []Phrase, sum uint32, size int64) []byte {
	b := []byte(compiledMagic)
	b = binary.LittleEndian.AppendUint32(b, sum)
	b = binary.AppendUvarint(b, uint64(size))
	b = binary.AppendUvarint(b, uint64(len(m.langs.names)))
	for _, name := range m.langs.names {
		b = appendString(b, name)
	}
	b = binary.AppendUvarint(b, uint64(len(m.phrases)))
	for i, p := range m.phrases {
		b = appendString(b, p.Text)
		b = binary.AppendUvarint(b, uint64(p.Class))
		flags := byte(m.bounds[i].left)<<2 | byte(m.bounds[i].right)<<4
		if p.Prefix {
			flags |= 1
		}
		if p.Suffix {
			flags |= 2
		}
		b = append(b, flags)
		b = binary.AppendUvarint(b, uint64(m.langsOf[i].len()))
		for l := range m.langs.names {
			if m.langsOf[i].Has(l) {
				b = binary.AppendUvarint(b, uint64(l))
			}
		}
	}
	b = binary.AppendUvarint(b, uint64(len(m.states)))
	for s, st := range m.states {
		b = binary.AppendUvarint(b, uint64(st.hi-st.lo))
		if s > 0 {
			b = append(b, m.labels[s])
			b = binary.AppendUvarint(b, uint64(st.fail))
			b = binary.AppendUvarint(b, uint64(st.out+1))
		}
	}
	type key struct {
		text           string
		prefix, suffix bool
		class          Class
	}
	index := make(map[key]int, len(m.phrases))
	for i, p := range m.phrases {
		index[key{p.Text, p.Prefix, p.Suffix, p.Class}] = i
	}
	b = binary.AppendUvarint(b, uint64(len(raw)))
	for _, p := range raw {
		b = binary.AppendUvarint(b, uint64(index[key{Fold(p.Text), p.Prefix, p.Suffix, p.Class}]))
		lang := 0
		if p.Lang != "" {
			lang = m.langs.ids[p.Lang] + 1
		}
		b = binary.AppendUvarint(b, uint64(lang))
	}
	return b
}

func appendString(b []byte, s string) []byte {
	return append(binary.AppendUvarint(b, uint64(len(s))), s...)
}

// decoder reads what encode wrote. The first error sticks; reads after it return zeros.
type decoder struct {
	s   string
	err error
}

func (d *decoder) uvarint(max uint64) uint64 {
	var x uint64
	for shift := 0; d.err == nil; shift += 7 {
		if d.s == "" || shift > 63 {
			d.err = errCorrupt
			break
		}
		c := d.s[0]
		d.s = d.s[1:]
		x |= uint64(c&0x7f) << shift
		if c < 0x80 {
			if x > max {
				d.err = errCorrupt
			}
			break
		}
	}
	if d.err != nil {
		return 0
	}
	return x
}

func (d *decoder) bytes(n int) string {
	if d.err != nil || n > len(d.s) {
		d.err = errCorrupt
		return ""
	}
	out := d.s[:n]
	d.s = d.s[n:]
	return out
}

// header reads the magic and the checksum of the tables compiled.
func (d *decoder) header() (sum uint32, size int64) {
	if d.bytes(len(compiledMagic)) != compiledMagic {
		d.err = errCorrupt
	}
	if b := d.bytes(4); d.err == nil {
		sum = binary.LittleEndian.Uint32([]byte(b))
	}
	return sum, int64(d.uvarint(1 << 40))
}

// decode reads a matcher written by encode, and returns the rest of b: the phrases as Load
// returned them, for decodeRaw. The phrases' texts share b's storage. It checks what FindAll
// relies on (every index in range, children in byte order, failure links pointing back to
// shallower states, outputs as long as their state is deep), so that a corrupt b gives an
// error, never a matcher that panics or loops.
func decode(b string) (*Matcher, string, error) {
	d := &decoder{s: b}
	d.header()
	m := &Matcher{}
	m.langs.names = make([]string, d.uvarint(maxLangs))
	for i := range m.langs.names {
		m.langs.names[i] = d.bytes(int(d.uvarint(uint64(len(d.s)))))
	}
	n := d.uvarint(uint64(len(d.s)))
	m.phrases, m.langsOf, m.bounds = make([]Phrase, n), make([]LangSet, n), make([]bound, n)
	for i := range m.phrases {
		p := &m.phrases[i]
		p.Text = d.bytes(int(d.uvarint(MaxPhrase)))
		p.Class = Class(d.uvarint(1<<16 - 1))
		flags := d.bytes(1)
		if d.err != nil {
			break
		}
		p.Prefix, p.Suffix = flags[0]&1 != 0, flags[0]&2 != 0
		m.bounds[i] = bound{edgeKind(flags[0] >> 2 & 3), edgeKind(flags[0] >> 4 & 3)}
		for range d.uvarint(uint64(len(m.langs.names))) {
			m.langsOf[i] = m.langsOf[i].with(int(d.uvarint(uint64(len(m.langs.names) - 1))))
		}
	}
	n = d.uvarint(uint64(len(d.s)))
	if d.err != nil || n == 0 {
		return nil, "", errCorrupt
	}
	m.states = make([]state, n)
	m.labels = make([]byte, n)
	depth := make([]uint8, n)
	next := int32(1) // the first child of the state read next
	for s := range m.states {
		st := &m.states[s]
		st.lo = next
		st.hi = next + int32(d.uvarint(uint64(int(n)-int(next))))
		next = st.hi
		st.out, st.dict = -1, -1
		if s > 0 {
			if label := d.bytes(1); d.err == nil {
				m.labels[s] = label[0]
			}
			st.fail = int32(d.uvarint(uint64(s - 1)))
			st.out = int32(d.uvarint(uint64(len(m.phrases)))) - 1
			if d.err != nil {
				return nil, "", d.err
			}
			// Its parent, read before it, gave it its depth; the state it falls back to is
			// shallower and so read before it too.
			f := &m.states[st.fail]
			if depth[s] == 0 || depth[st.fail] >= depth[s] || st.out >= 0 && len(m.phrases[st.out].Text) != int(depth[s]) {
				return nil, "", errCorrupt
			}
			if f.out >= 0 {
				st.dict = st.fail
			} else {
				st.dict = f.dict
			}
		}
		if st.hi > st.lo && (st.lo <= int32(s) || depth[s] == MaxPhrase) {
			return nil, "", errCorrupt
		}
		for c := st.lo; c < st.hi; c++ {
			depth[c] = depth[s] + 1
		}
	}
	if d.err != nil || next != int32(n) {
		return nil, "", errCorrupt
	}
	for _, st := range m.states {
		for c := st.lo + 1; c < st.hi; c++ {
			if m.labels[c] <= m.labels[c-1] {
				return nil, "", errCorrupt // step stops at the first byte past the one it seeks
			}
		}
	}
	for c := m.states[0].lo; c < m.states[0].hi; c++ {
		m.root[m.labels[c]] = c
	}
	return m, d.s, nil
}

// decodeRaw reads the phrases as Load returned them from the end of compiled.bin, which
// decode left, in terms of m's merged phrases. decode checked the rest of the file, so that
// an error here is in this last part: Load reads the tables again.
func decodeRaw(b string, m *Matcher) []Phrase {
	d := &decoder{s: b}
	out := make([]Phrase, d.uvarint(uint64(len(b))))
	for i := range out {
		p, l := d.uvarint(uint64(len(m.phrases))), d.uvarint(uint64(len(m.langs.names)))
		if d.err != nil || p == uint64(len(m.phrases)) {
			d.err = errCorrupt
			break
		}
		out[i] = m.phrases[p]
		if l > 0 {
			out[i].Lang = m.langs.names[l-1]
		}
	}
	if d.err != nil || d.s != "" {
		phrases, err := Load(data)
		if err != nil {
			panic(err) // as in defaultTables
		}
		return phrases
	}
	return out
}
