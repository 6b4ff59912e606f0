package lexicon

import (
	"io/fs"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestTablesParse(t *testing.T) {
	names, err := fs.Glob(data, "data/*.txt")
	if err != nil || len(names) == 0 {
		t.Fatalf("no tables: %v", err)
	}
	for _, name := range names {
		b, _ := fs.ReadFile(data, name)
		phrases, err := Parse(name, string(b))
		if err != nil {
			t.Errorf("%v", err)
		}
		if len(phrases) == 0 {
			t.Errorf("%s: no phrases", name)
		}
		var seen Class
		for _, p := range phrases {
			seen |= p.Class
		}
		if seen&Code == 0 && name != "data/common.txt" {
			t.Errorf("%s: no [code] phrases", name)
		}
	}
	if Default().Len() < 100 {
		t.Errorf("Default().Len() = %d, want the phrases of every table", Default().Len())
	}
}

func TestParseErrors(t *testing.T) {
	for _, text := range []string{
		"verification code\n", // before any section
		"[cod]\ncode\n",       // unknown section
		"[code]\n\u0301\n",    // marks only
		"[code]\n*\n",         // empty
	} {
		if _, err := Parse("t.txt", text); err == nil {
			t.Errorf("Parse(%q) = nil error", text)
		}
	}
}

// found renders matches as "text:class" for compact comparisons.
func found(m *Matcher, text string) []string {
	var out []string
	for _, f := range Outermost(m.FindAll(text)) {
		out = append(out, text[f.Start:f.End]+":"+f.Class.String())
	}
	return out
}

func TestFindAll(t *testing.T) {
	m := Compile([]Phrase{
		{Text: "code", Class: Code},
		{Text: "verification code", Class: Code},
		{Text: "verification", Class: Auth},
		{Text: "promo code", Class: NotCode},
		{Text: "code", Class: NotLink}, // merged with the first "code"
		{Text: "verif", Class: Verify, Suffix: true},
		{Text: "code", Class: Code, Prefix: true},
		{Text: "验证码", Class: Code},
		{Text: "인증번호", Class: Code},
		{Text: "işlem", Class: NotCode},
		{Text: "codigo", Class: Code},
	})
	tests := []struct {
		text string
		want []string
	}{
		{"Your Verification Code is 123", []string{"Verification Code:code"}},
		{"use promo code SAVE10", []string{"promo code:not-code"}},
		{"the code", []string{"code:code|not-link"}},
		{"barcode", []string{"code:code"}},              // "*code" ends a longer word
		{"codes", nil},                                  // "code" may not start one
		{"Please verify now", []string{"verif:verify"}}, // "verif*" starts one
		{"unverified", nil},                             // but may not end one
		{"您的验证码是123456", []string{"验证码:code"}},          // no spaces in Han
		{"인증번호는 123456입니다", []string{"인증번호:code"}},      // Hangul particles
		{"İŞLEM numarası", []string{"İŞLEM:not-code"}},  // İ keeps its length
		{"encoded", nil},
	}
	for _, tt := range tests {
		if diff := cmp.Diff(tt.want, found(m, tt.text)); diff != "" {
			t.Errorf("FindAll(%q) mismatch (-want +got):\n%s", tt.text, diff)
		}
	}
}

func TestFold(t *testing.T) {
	for in, want := range map[string]string{
		"Verification CODE": "verification code",
		"İŞLEM":             "islem",
		"\xff":              "\xff",
		"CÓDIGO":            "codigo",
		"ΚΩΔΙΚΟΣ":           "κωδικοσ",
		"κωδικός":           "κωδικοσ",
		"cod\u0301igo":      "codigo",
		"didn’t":            "didn't",
		"Mã xác thực":       "ma xac thuc",
		"رَمْز":             "رمز",
		"KULLANIMLIK":       "kullanimlik",
		"ප්\u200dර":         "ප්ර",
		"oʻzbek":            "o'zbek",
		"kullanımlık":       "kullanimlik",
		"یک":                "يك",
	} {
		if got := Fold(in); got != want {
			t.Errorf("Fold(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestEveryTableMatches checks, for each table, that the default matcher finds its first
// [code] phrase in a sentence as a code word: no other table shadows it.
func TestEveryTableMatches(t *testing.T) {
	names, _ := fs.Glob(data, "data/*.txt")
	for _, name := range names {
		b, _ := fs.ReadFile(data, name)
		phrases, _ := Parse(name, string(b))
		for _, p := range phrases {
			if p.Class&Code == 0 || p.Prefix {
				continue
			}
			text := "→ " + p.Text + " ←"
			found := false
			for _, m := range Default().FindAll(text) {
				found = found || m.Class&Code != 0
			}
			if !found {
				t.Errorf("%s: [code] phrase %q is not found as a code word", name, p.Text)
			}
			break
		}
	}
}

func TestLongPhrase(t *testing.T) {
	long := strings.Repeat("ab", MaxPhrase)
	if _, err := Parse("t.txt", "[code]\n"+long+"\n"); err == nil {
		t.Error("Parse accepted a phrase over MaxPhrase")
	}
	if m := Compile([]Phrase{{Text: long, Class: Code}, {Text: "code", Class: Code}}); m.Len() != 1 {
		t.Errorf("Compile kept %d phrases, want the one under MaxPhrase", m.Len())
	}
}

func TestDefaultKnowsEveryLanguage(t *testing.T) {
	// One [code] phrase per table, as a person writes it in that language.
	for _, text := range []string{
		"Your verification code is",
		"మీ ధృవీకరణ కోడ్",             // te
		"तुमचा पडताळणी कोड",           // mr
		"നിങ്ങളുടെ സ്ഥിരീകരണ കോഡ്",    // ml
		"ਤੁਹਾਡਾ ਪੁਸ਼ਟੀਕਰਨ ਕੋਡ",        // pa
		"તમારો ચકાસણી કોડ",            // gu
		"ನಿಮ್ಮ ಪರಿಶೀಲನಾ ಕೋಡ್",         // kn
		"ລະຫັດຢືນຢັນຂອງທ່ານ",          // lo
		"دەلىللەش كودىڭىز",            // ug
		"د تایید کوډ",                 // ps
		"کۆدی پشتڕاستکردنەوەت",        // ku (Sorani)
		"Koda piştrastkirinê",         // ku (Kurmanji)
		"Lambar tabbatarwa",           // ha
		"Koodu OTP rẹ",                // yo
		"Ikhodi yakho yokuqinisekisa", // zu
		"Koodhka xaqiijinta",          // so
		"Ырастоо коду",                // ky
		"Рамзи тасдиқи шумо",          // tg
		"Код пацверджання",            // be
		"Verifikacioni kod",           // bs
	} {
		ms := Default().FindAll(text)
		if len(ms) == 0 || ms[0].Class&Code == 0 {
			t.Errorf("Default().FindAll(%q) = %v, want a code phrase", text, ms)
		}
	}
	if s := Class(0).String(); s != "none" {
		t.Errorf("Class(0).String() = %q", s)
	}
	if !strings.Contains((Code | NotLink).String(), "not-link") {
		t.Errorf("Class.String misses a name")
	}
}

// TestScriptChangeEndsWord: a Latin word glued to a word of another script stands alone, a
// Latin word glued to Latin letters does not.
func TestScriptChangeEndsWord(t *testing.T) {
	m := Compile([]Phrase{{Text: "otp", Class: Code}, {Text: "pin", Class: Code}})
	for text, want := range map[string]int{"您的OTP是482913": 1, "OTPは": 1, "OTP는": 1, "PIN码": 1, "Неверный OTPкод": 1, "OTPs": 0, "spinning": 0, "ÉOTP": 0} {
		if got := len(m.FindAll(text)); got != want {
			t.Errorf("FindAll(%q): %d matches, want %d", text, got, want)
		}
	}
}

// TestTrailingMarks: combining marks written after a phrase's last letter, which folding
// drops, belong to the match; a letter after them still continues the word.
func TestTrailingMarks(t *testing.T) {
	m := Compile([]Phrase{{Text: "koodu ìfìdímúlẹ̀", Class: Code}})
	for text, want := range map[string]int{
		"Koodu ìfìdímúlẹ̀ rẹ ni 482913": 1, // ẹ and a combining grave
		"Koodu ìfìdímúlẹ̀":              1,
		"Koodu ìfìdímúlẹ̀n":             0,
	} {
		ms := m.FindAll(text)
		if len(ms) != want {
			t.Errorf("FindAll(%q): %d matches, want %d", text, len(ms), want)
			continue
		}
		if want == 1 && !strings.HasSuffix(text[:ms[0].End], "\u0300") {
			t.Errorf("FindAll(%q): the match %q leaves its mark out", text, text[ms[0].Start:ms[0].End])
		}
	}
}

// TestOverlaps: every phrase is found, overlapping ones too; Outermost keeps those that cross
// and drops those inside a longer one.
func TestOverlaps(t *testing.T) {
	m := Compile([]Phrase{
		{Text: "to verify", Class: Action},
		{Text: "verify your email", Class: Verify},
		{Text: "code", Class: Code},
		{Text: "promo code", Class: NotCode},
	})
	text := "Click here to verify your email. Promo code SAVE10"
	if got, want := len(m.FindAll(text)), 4; got != want {
		t.Errorf("FindAll found %d phrases, want %d (every occurrence)", got, want)
	}
	want := []string{"to verify:action", "verify your email:verify", "Promo code:not-code"}
	if diff := cmp.Diff(want, found(m, text)); diff != "" {
		t.Errorf("Outermost mismatch (-want +got):\n%s", diff)
	}
}

// TestLanguages: a message gets the languages its words speak for, and the short words of
// other languages do not count in it.
func TestLanguages(t *testing.T) {
	m := Default()
	tests := []struct {
		text    string
		lang    string // one of the languages the text must get
		foreign string // a word that must not be a keyword
	}{
		{"Dein Bestätigungscode bei Acme lautet 482913.", "de", "bei"},
		{"Din kod är 482913 den gäller i 5 minuter.", "sv", "den"},
		{"Your Acme code 5716 expires soon, reply STOP to opt out, text HELP to 60777", "en", "to"},
		{"Votre code de vérification est la suivante : 482913", "fr", "la"},
	}
	for _, tt := range tests {
		langs := m.LangNames(m.Languages(tt.text, m.FindAll(tt.text)))
		if !slices.Contains(langs, tt.lang) {
			t.Errorf("Languages(%q) = %v, want %s among them", tt.text, langs, tt.lang)
		}
		for _, k := range m.Keywords(tt.text) {
			if strings.EqualFold(tt.text[k.Start:k.End], tt.foreign) {
				t.Errorf("Keywords(%q) holds %q (%s, %v), a word of another language", tt.text, tt.foreign, k.Class, m.LangNames(k.Langs))
			}
		}
	}
	// A name for a code reads as one in any language; a short text tells no language.
	for _, text := range []string{"Банка: Код 305722", "code 4821"} {
		if ks := m.Keywords(text); len(ks) == 0 || ks[0].Class&Code == 0 {
			t.Errorf("Keywords(%q) = %v, want a code word", text, ks)
		}
	}
}

// TestProlongedSoundMark: a katakana word ending in ー matches beside other Japanese text.
func TestProlongedSoundMark(t *testing.T) {
	m := Compile([]Phrase{{Text: "宅配ロッカー", Class: Other}})
	if got := len(m.FindAll("宅配ロッカー暗証番号：7391")); got != 1 {
		t.Errorf("found %d, want the locker word", got)
	}
}
