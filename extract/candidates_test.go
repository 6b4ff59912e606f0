package extract

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestFindCodes(t *testing.T) {
	tests := []struct {
		text string
		want []string // values, in order
	}{
		{"Your code is 483920.", []string{"483920"}},
		{"Code 482 913 or 482-913", []string{"482913", "482913"}},
		{"12 34 56", []string{"123456"}},
		{"1234 5678", []string{"12345678"}},
		{"code 482 913 5 min", []string{"482913"}},                // a small number after the groups
		{"call 555 123 4567", []string{"4567"}},                   // a phone number is no code in groups
		{"4\t8\t2\t9\t1\t3", []string{"482913"}},                  // one digit per cell
		{"G-483920 is your code", []string{"483920"}},             // prefix dropped
		{"Code K7PX2Q and Q7F-4KD", []string{"K7PX2Q", "Q7F4KD"}}, // the dash is not typed
		{"call 0800 123 456", []string{"0800"}},                   // unequal groups: no join
		{"on 2026-11-22 at 14:05", []string{"2026"}},              // scored as a date later
		{"123", nil},       // too short
		{"123456789", nil}, // too long
		{"https://x.example/v/483920 mail a483920@x.example", nil}, // in a URL, in an address
		{"id=483920 path/to_483920", nil},
		{"abc123 lower-case tokens", nil},
		{"HELLO WORLD", nil}, // letters only
	}
	for _, tt := range tests {
		m := &message{text: tt.text}
		for _, u := range urlsOf(tt.text) {
			m.urls = append(m.urls, u)
		}
		var got []string
		for _, c := range findCodes(m.text, m.urls, 0) {
			got = append(got, c.value)
		}
		if diff := cmp.Diff(tt.want, got); diff != "" {
			t.Errorf("findCodes(%q) mismatch (-want +got):\n%s", tt.text, diff)
		}
	}
}

func urlsOf(text string) [][2]int {
	return read(text, FormatText, DefaultMaxCandidates).urls
}

func TestIsDate(t *testing.T) {
	for text, want := range map[string]bool{
		"2026-11-22": true, "22.11.2026": true, "11/22/2026": true, "22/11": true,
		"1234-5678": false, "482-913": false, "3000-01-01": false,
	} {
		as := atoms(text)
		cl := cluster{atoms: as}
		for i := 1; i < len(as); i++ {
			cl.seps += text[as[i-1].end:as[i].start]
		}
		if got := isDate(text, cl); got != want {
			t.Errorf("isDate(%q) = %v, want %v", text, got, want)
		}
	}
}

func TestDialString(t *testing.T) {
	for word, want := range map[string]bool{
		"*712*50231*12.5#": true, "712*50231*12.5#": true, "*141#": true, "*141*1#": true,
		"482913": false, "code:*4821": false, "#482913": false, "4*": false,
	} {
		if got := dialString(word); got != want {
			t.Errorf("dialString(%q) = %v, want %v", word, got, want)
		}
	}
	if cs := findCodes("Dial *712*50231*12.5# then enter your PIN", nil, 0); len(cs) != 0 {
		t.Errorf("findCodes in a dial string = %v, want none", cs[0].value)
	}
}

// TestGluedEnding: digits with a case ending glued after them are a code in a language that
// glues endings to numbers, and no code elsewhere, where such letters make a unit.
func TestGluedEnding(t *testing.T) {
	for content, want := range map[string]string{
		"Doğrulama kodunuz 482913tür. Kimseyle paylaşmayın.":     "482913",
		"Kinnituskood: 530917ga saad sisse logida.":              "530917",
		"Your verification code is 482913th in the queue.":       "",
		"Ihr Bestätigungscode lautet 4821mg, nicht weitergeben.": "",
	} {
		res, err := Extract(content, Options{Source: SMS})
		if res.Code != want {
			t.Errorf("%q: code %q (%v), want %q", content, res.Code, err, want)
		}
	}
}
