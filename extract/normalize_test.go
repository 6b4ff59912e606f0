package extract

import (
	"testing"
	"unicode"
)

func TestNormalize(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Your code is 123456", "Your code is 123456"},
		{"код: ４８２９１３", "код: 482913"},                     // full-width digits
		{"رمز التحقق ٤٨٢٩١٣", "رمز التحقق 482913"},         // Arabic-Indic
		{"कोड ५९१८२६ है", "कोड 591826 है"},                 // Devanagari
		{"รหัส ๖๔๑๐๕๗", "รหัส 641057"},                     // Thai
		{"ｃｏｄｅ：Ａ１", "code:A1"},                             // full-width letters and colon
		{"12\u200b34\u00ad56", "123456"},                   // zero-width and soft hyphen
		{"a\u00a0\u00a0b\u3000c", "a b c"},                 // no-break and ideographic spaces
		{"line1\r\nline2\rline3", "line1\nline2\nline3"},   // line ends
		{"  lead  and   trail  \n x", "lead and trail\nx"}, // spaces collapse, lines trim
		{"482–913", "482-913"},                             // en dash joins groups like a hyphen
	}
	for _, tt := range tests {
		got, moved := normalize(tt.in)
		if got != tt.want {
			t.Errorf("normalize(%q) = %q, want %q", tt.in, got, tt.want)
		}
		if moved != nil && (len(moved) != len(tt.in)+1 || moved[len(tt.in)] != len(got)) {
			t.Errorf("normalize(%q): offsets do not end at the end", tt.in)
		}
	}
}

func TestNormalizeOffsets(t *testing.T) {
	in := "Code:\u00a0\u00a0４８２９１３ now"
	got, moved := normalize(in)
	start := len("Code:\u00a0\u00a0")
	end := start + len("４８２９１３")
	if s := got[moved[start]:moved[end]]; s != "482913" {
		t.Errorf("offsets map %q to %q", in[start:end], s)
	}
}

// TestDigitRuns checks what digitValue relies on: every run of Unicode decimal digits starts
// at a zero and holds whole tens.
func TestDigitRuns(t *testing.T) {
	for _, r16 := range unicode.Nd.R16 {
		if r16.Stride != 1 || (r16.Hi-r16.Lo+1)%10 != 0 {
			t.Errorf("Nd range %U–%U is not whole tens", r16.Lo, r16.Hi)
		}
	}
	for _, r32 := range unicode.Nd.R32 {
		if r32.Stride != 1 || (r32.Hi-r32.Lo+1)%10 != 0 {
			t.Errorf("Nd range %U–%U is not whole tens", r32.Lo, r32.Hi)
		}
	}
	for r := rune(0); r <= unicode.MaxRune; r++ {
		if unicode.Is(unicode.Nd, r) && r >= 0x80 {
			if f := fold(r); f < '0' || f > '9' {
				t.Fatalf("fold(%U) = %q, want an ASCII digit", r, f)
			}
		}
	}
}
