package extract

import (
	"errors"
	"testing"
)

// TestBrokenRuns: a run of digits cut by something that is not a separator of codes (a bad
// byte, a stray symbol, a letter of another script) yields neither its head nor its tail;
// a break nobody sees (a combining mark, a zero-width character) leaves the whole code
// (issue 9, defect 1).
func TestBrokenRuns(t *testing.T) {
	const lead = "Your verification code is "
	none := map[string]string{
		"bad byte":         lead + "48\xff2913",
		"CESU-8 surrogate": lead + "4829\xed\xa0\x8013",
		"stray pipe":       lead + "48|2913",
		"replacement":      lead + "48\uFFFD2913",
		"other script":     lead + "48ж2913",
		"grouped, cut":     lead + "48 29|13",
		"cut at the start": lead + "7|482 913",
		"letter code, cut": lead + "00a00+00A0", // found by FuzzExtractHTML
	}
	for name, content := range none {
		res, err := Extract(content, Options{})
		if !errors.Is(err, ErrNotFound) {
			t.Errorf("%s: Extract(%q) = %q, %v; want no answer", name, content, res.Code, err)
		}
	}
	whole := map[string]string{
		"combining accents": lead + "4\u03018\u03012913",
		"zero-width space":  lead + "48\u200b2913",
		"keycap digits":     lead + "4\ufe0f\u20e38\ufe0f\u20e32\ufe0f\u20e39\ufe0f\u20e31\ufe0f\u20e33\ufe0f\u20e3",
		"separators stay":   lead + "482-913.",
		"brackets":          lead + "(482913)",
	}
	for name, content := range whole {
		res, err := Extract(content, Options{})
		if err != nil || res.Code != "482913" {
			t.Errorf("%s: Extract(%q) = %q, %v; want 482913", name, content, res.Code, err)
		}
	}
}

// TestBidiOverrides: a code under a right-to-left override, embedding or isolate is shown
// in another order than it is stored, so it is no answer, and its candidate says why
// (issue 9, defect 8).
func TestBidiOverrides(t *testing.T) {
	const lead = "Your verification code is "
	for name, content := range map[string]string{
		"override around":   lead + "\u202e654321\u202c",
		"override, no end":  lead + "\u202e654321",
		"override on line":  "\u202e" + lead + "654321",
		"isolate around":    lead + "\u2067123 456\u2069",
		"embedding around":  lead + "\u202b123 456\u202c",
		"html entity":       "<p>" + lead + "&#x202e;654321&#x202c;</p>",
		"html bdo":          "<p>" + lead + `<bdo dir="RTL">654321</bdo></p>`,
		"html css override": "<p>" + lead + `<span style="direction:rtl;unicode-bidi:bidi-override">654321</span></p>`,
	} {
		res, err := Extract(content, Options{})
		if !errors.Is(err, ErrNotFound) {
			t.Errorf("%s: Extract(%q) = %q, %v; want no answer", name, content, res.Code, err)
			continue
		}
		found := false
		for _, c := range res.Candidates {
			for _, r := range c.Reasons {
				found = found || r.Rule == "bidi-control"
			}
		}
		if !found {
			t.Errorf("%s: no candidate gives the reason bidi-control: %+v", name, res.Candidates)
		}
	}
	// An override that ends before the code, or marks that only set the direction of
	// right-to-left words, change nothing.
	for name, content := range map[string]string{
		"closed before":     "\u202eEdoc\u202c " + lead + "654321",
		"html, line before": "<p>" + lead + "&#x202e;</p><p>654321</p><p>Do not share it.</p>", // a paragraph ends it
		"marks":             "رمز التحقق الخاص بك هو: \u200f654321\u200f",
	} {
		if res, err := Extract(content, Options{}); err != nil || res.Code != "654321" {
			t.Errorf("%s: Extract(%q) = %q, %v; want 654321", name, content, res.Code, err)
		}
	}
}
