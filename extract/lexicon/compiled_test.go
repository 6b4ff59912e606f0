package lexicon

import (
	"bytes"
	"flag"
	"os"
	"reflect"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
)

var update = flag.Bool("update", false, "rewrite compiled.bin from data/*.txt")

// TestCompiledTables fails when compiled.bin was not compiled from data/*.txt as they are;
// -update (which go generate passes) rewrites it.
func TestCompiledTables(t *testing.T) {
	phrases, err := Load(data)
	if err != nil {
		t.Fatal(err)
	}
	sum, size, err := sourceSum(data)
	if err != nil {
		t.Fatal(err)
	}
	want := encode(Compile(phrases), phrases, sum, size)
	if bytes.Equal(want, compiled) {
		return
	}
	if *update {
		if err := os.WriteFile("compiled.bin", want, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	t.Errorf("compiled.bin was not compiled from data/*.txt as they are: run `go generate ./extract/lexicon`" +
		" (or `go test ./... -update`) and commit compiled.bin; until then Default compiles the tables at run time")
}

// TestDefaultFromCompiled: when compiled.bin is fresh, Default decodes it, and what it
// decodes is what compiling the tables gives.
func TestDefaultFromCompiled(t *testing.T) {
	phrases, err := Load(data)
	if err != nil {
		t.Fatal(err)
	}
	sum, size, _ := sourceSum(data)
	if !bytes.Equal(encode(Compile(phrases), phrases, sum, size), compiled) {
		t.Skip("compiled.bin is stale: see TestCompiledTables")
	}
	if defaultTables().phrases != nil {
		t.Fatal("Default compiled the tables though compiled.bin is fresh")
	}
	want, got := Compile(phrases), Default()
	want.langs.ids = nil // used while compiling only
	if !reflect.DeepEqual(want, got) {
		t.Error("the matcher decoded from compiled.bin differs from the tables compiled")
	}
	if !reflect.DeepEqual(phrases, DefaultPhrases()) {
		t.Error("DefaultPhrases decoded from compiled.bin differ from Load's")
	}
}

// TestStaleCompiledTables: tables edited after compiled.bin was written do not match its
// checksum.
func TestStaleCompiledTables(t *testing.T) {
	d := &decoder{b: compiled}
	sum, size := d.header()
	if d.err != nil {
		t.Fatal(d.err)
	}
	fsys := fstest.MapFS{}
	names, _ := data.ReadDir("data")
	for _, e := range names {
		b, _ := data.ReadFile("data/" + e.Name())
		fsys["data/"+e.Name()] = &fstest.MapFile{Data: b}
	}
	if s, n, _ := sourceSum(fsys); s != sum || n != size {
		t.Skip("compiled.bin is stale: see TestCompiledTables")
	}
	en := fsys["data/en.txt"]
	en.Data = append(en.Data, "[code]\nnew phrase\n"...)
	if s, n, _ := sourceSum(fsys); s == sum && n == size {
		t.Error("an added phrase leaves the checksum as it was")
	}
}

// TestDecodeCorrupt: a compiled.bin cut short, or with a header, a count or a length wrong, is
// refused (decode does not check every record: see its comment).
func TestDecodeCorrupt(t *testing.T) {
	for n := 0; n < len(compiled); n += 1 + n/4 {
		if _, _, err := decode(compiled[:n]); err == nil {
			t.Errorf("decode accepted compiled.bin cut to %d bytes", n)
		}
	}
	// The magic, then the first bytes after it: checksum, size and the first counts.
	for i := 0; i < len(compiledMagic)+8; i++ {
		b := slices.Clone(compiled)
		b[i] ^= 0x80
		if _, _, err := decode(b); err == nil && i < len(compiledMagic) {
			t.Errorf("decode accepted compiled.bin with byte %d changed", i)
		}
	}
}

// FuzzEncodeDecode: any set of phrases, compiled, encoded and decoded, finds in any text
// exactly what the compiled matcher finds.
func FuzzEncodeDecode(f *testing.F) {
	f.Add("verification code\n*code\nverif*\n验证码\nİşlem", "Your Verification CODE is 123; İŞLEM 验证码 barcode")
	f.Add("a\nab\nabc\nb\nbc\nc", "abcabc cab")
	f.Add("\xff\xfe\n\u0301x", "\xff\xfe x\u0301x")
	f.Fuzz(func(t *testing.T, lines, text string) {
		var phrases []Phrase
		for i, line := range strings.Split(lines, "\n") {
			phrases = append(phrases, Phrase{
				Text: strings.Trim(line, "*"), Class: Class(1) << (i % 14),
				Prefix: strings.HasPrefix(line, "*"), Suffix: strings.HasSuffix(line, "*"),
				Lang: []string{"", "de", "en"}[i%3],
			})
		}
		m := Compile(phrases)
		d, _, err := decode(encode(m, nil, 0, 0))
		if err != nil {
			t.Fatalf("decode: %v", err)
		}
		if want, got := m.FindAll(text), d.FindAll(text); !reflect.DeepEqual(want, got) {
			t.Errorf("FindAll(%q): compiled %v, decoded %v", text, want, got)
		}
	})
}
