package lexicon

import (
	"flag"
	"math/rand/v2"
	"os"
	"reflect"
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
	want := string(encode(Compile(phrases), phrases, sum, size))
	if want == compiled {
		return
	}
	if *update {
		if err := os.WriteFile("compiled.bin", []byte(want), 0o644); err != nil {
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
	if string(encode(Compile(phrases), phrases, sum, size)) != compiled {
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
	d := &decoder{s: compiled}
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

// TestDecodeCorrupt: a truncated or altered compiled.bin is refused or gives a matcher that
// works, never a panic.
func TestDecodeCorrupt(t *testing.T) {
	if _, _, err := decode(""); err == nil {
		t.Error("decode accepted an empty file")
	}
	r := rand.New(rand.NewPCG(1, 2))
	tries := 300
	if testing.Short() {
		tries = 30
	}
	for i := range tries {
		b := []byte(compiled)
		if i%2 == 0 {
			b = b[:r.IntN(len(b))]
		} else {
			for range 1 + r.IntN(4) {
				b[r.IntN(len(b))] ^= byte(1 + r.IntN(255))
			}
		}
		m, rest, err := decode(string(b))
		if err != nil {
			continue
		}
		m.Keywords(benchText)
		m.FindAll("\u0130\xff code код 验证码 " + string(b[:min(len(b), 300)]))
		decodeRaw(rest, m)
	}
}
