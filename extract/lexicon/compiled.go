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
// matcher is compiled ahead, by go generate, into compiled.bin, which a process reads in
// place (see tables.go): loading it is a checksum of the tables and a few header fields,
// ≈0.4 ms in a fresh process. compiled.bin records the checksum of the tables it was
// compiled from: when they have changed since (a phrase added without running go generate),
// Default compiles them at run time instead, slower but never stale, and TestCompiledTables
// fails until compiled.bin is regenerated.
//
//go:embed compiled.bin
var compiled []byte

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
//	checksum (4 bytes, little-endian) and size of the tables, see sourceSum
//	languages: count, then each name as length and bytes
//	sets of languages: count, then each as 16 bytes (two little-endian words)
//	phrase records (see tables.go): count, then the records
//	texts: length, then the bytes
//	states: count, then the state records (one more than the count), then the labels
//	the phrases as Load returned them: count, then per phrase the index of the merged
//	  phrase it became and its language's index plus one (0 for common.txt)
//
// Every count and length is a uvarint.
func encode(m *Matcher, raw []Phrase, sum uint32, size int64) []byte {
	b := []byte(compiledMagic)
	b = binary.LittleEndian.AppendUint32(b, sum)
	b = binary.AppendUvarint(b, uint64(size))
	b = binary.AppendUvarint(b, uint64(len(m.langs.names)))
	for _, name := range m.langs.names {
		b = binary.AppendUvarint(b, uint64(len(name)))
		b = append(b, name...)
	}
	b = binary.AppendUvarint(b, uint64(len(m.sets)))
	for _, s := range m.sets {
		b = binary.LittleEndian.AppendUint64(b, s[0])
		b = binary.LittleEndian.AppendUint64(b, s[1])
	}
	b = binary.AppendUvarint(b, uint64(m.phraseCount()))
	b = append(b, m.phrases...)
	b = binary.AppendUvarint(b, uint64(len(m.texts)))
	b = append(b, m.texts...)
	b = binary.AppendUvarint(b, uint64(len(m.labels)))
	b = append(b, m.states...)
	b = append(b, m.labels...)

	type key struct {
		text           string
		prefix, suffix bool
		class          Class
	}
	index := make(map[key]int, m.phraseCount())
	for p := range m.phraseCount() {
		f := m.flags(p)
		index[key{string(m.textOf(p)), f&flagPrefix != 0, f&flagSuffix != 0, m.classOf(p)}] = int(p)
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

// decoder reads what encode wrote. The first error sticks; reads after it return zeros.
type decoder struct {
	b   []byte
	err error
}

// uvarint reads a number of at most max.
func (d *decoder) uvarint(max uint64) uint64 {
	x, n := binary.Uvarint(d.b)
	if d.err == nil && (n <= 0 || x > max) {
		d.err = errCorrupt
	}
	if d.err != nil {
		return 0
	}
	d.b = d.b[n:]
	return x
}

// bytes reads n bytes, without a copy.
func (d *decoder) bytes(n uint64) []byte {
	if d.err == nil && n > uint64(len(d.b)) {
		d.err = errCorrupt
	}
	if d.err != nil {
		return nil
	}
	out := d.b[:n:n]
	d.b = d.b[n:]
	return out
}

// header reads the magic and the checksum of the tables compiled.
func (d *decoder) header() (sum uint32, size int64) {
	if string(d.bytes(uint64(len(compiledMagic)))) != compiledMagic {
		d.err = errCorrupt
	}
	if b := d.bytes(4); d.err == nil {
		sum = binary.LittleEndian.Uint32(b)
	}
	return sum, int64(d.uvarint(1 << 40))
}

// decode reads a matcher written by encode, and returns the rest of b: the phrases as Load
// returned them, for decodeRaw. The matcher's tables are b's bytes, not copies, and decode
// reads no more of them than it must: a process pays for the pages of compiled.bin its texts
// lead to, not for the whole automaton. So decode checks the file's shape (its sections fit
// it; the root's children are in it) but not each record: compiled.bin is part of the module,
// used only when its checksum says it was compiled from the tables in the binary, and
// TestCompiledTables checks it is exactly what Compile makes of them.
func decode(b []byte) (*Matcher, []byte, error) {
	d := &decoder{b: b}
	d.header()
	m := &Matcher{}
	m.langs.names = make([]string, d.uvarint(maxLangs))
	for i := range m.langs.names {
		m.langs.names[i] = string(d.bytes(d.uvarint(uint64(len(d.b)))))
	}
	m.sets = make([]LangSet, d.uvarint(uint64(len(d.b)/16)))
	for i := range m.sets {
		if s := d.bytes(16); d.err == nil {
			m.sets[i] = LangSet{binary.LittleEndian.Uint64(s), binary.LittleEndian.Uint64(s[8:])}
		}
	}
	m.phrases = d.bytes(d.uvarint(uint64(len(d.b)/phraseSize)) * phraseSize)
	m.texts = d.bytes(d.uvarint(uint64(len(d.b))))
	n := d.uvarint(uint64(len(d.b) / (stateSize + 1)))
	m.states = d.bytes((n + 1) * stateSize)
	m.labels = d.bytes(n)
	if d.err != nil || n == 0 || u32(m.states, int32(n)*stateSize) != int32(n) {
		return nil, nil, errCorrupt
	}
	lo, hi := m.children(0)
	if lo != 1 || hi < lo || hi > int32(n) {
		return nil, nil, errCorrupt
	}
	for c := lo; c < hi; c++ {
		m.root[m.labels[c]] = c
	}
	return m, d.b, nil
}

// decodeRaw reads the phrases as Load returned them from the end of compiled.bin, which
// decode left, in terms of m's merged phrases. An error here sends DefaultPhrases back to
// reading the tables.
func decodeRaw(b []byte, m *Matcher) []Phrase {
	d := &decoder{b: b}
	out := make([]Phrase, d.uvarint(uint64(len(b))))
	texts := string(m.texts) // one copy for all the phrases' texts
	for i := range out {
		p, l := d.uvarint(uint64(m.phraseCount())), d.uvarint(uint64(len(m.langs.names)))
		if d.err != nil || p == uint64(m.phraseCount()) {
			d.err = errCorrupt
			break
		}
		r := m.phrases[p*phraseSize:]
		off := u32(r, 0)
		if int(off)+int(r[10]) > len(texts) {
			d.err = errCorrupt
			break
		}
		f := r[11]
		out[i] = Phrase{Text: texts[off : off+int32(r[10])], Class: m.classOf(int32(p)), Prefix: f&flagPrefix != 0, Suffix: f&flagSuffix != 0}
		if l > 0 {
			out[i].Lang = m.langs.names[l-1]
		}
	}
	if d.err != nil || len(d.b) != 0 {
		phrases, err := Load(data)
		if err != nil {
			panic(err) // as in loadDefaults
		}
		return phrases
	}
	return out
}
