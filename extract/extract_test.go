package extract

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestExtractCodes(t *testing.T) {
	tests := []struct {
		name, content, want string
		opts                Options
	}{
		{"code after keyword", "Your Acme verification code is 483920. It expires in 10 minutes.", "483920", Options{}},
		{"code first", "483920 is your Acme login code", "483920", Options{}},
		{"label on the line above", "Your sign-in code:\n\n  7741  \n\nDo not share it.", "7741", Options{}},
		{"html emphasis", `<p>Use this code to sign in:</p><p style="font-size:28px;letter-spacing:6px"><b>482913</b></p><p>© 2026 Acme, 12 Main St, Springfield 62704</p>`, "482913", Options{}},
		{"grouped", "Your code: 482 913", "482913", Options{}},
		{"prefix", "G-483920 is your Acme verification code.", "483920", Options{}},
		{"amount and card are not codes", "OTP 558120 for INR 2,499.00 at SHOP on card XX1234. Valid 10 mins.", "558120", Options{}},
		{"forced totp over a link", "Your code is 112233 or open https://acme.example/login?token=abcdef123456789012", "112233", Options{Type: TOTP}},
		{"full-width digits", "【ミドリ】認証コード：３８１９０２", "381902", Options{}},
		{"clause comma is no decimal point", "您的验证码为：583920，5分钟内有效，请勿泄露。", "583920", Options{}},
		{"half-width clause comma", "验证码:583920,5分钟内有效", "583920", Options{}},
		{"opt-out short code", "Your Uber code: 4830. Never share this code. Reply STOP ALL to 89203 to unsubscribe.", "4830", Options{}},
		{"French colon", "Votre code de vérification est : 482913", "482913", Options{}},
		{"ID before the code word", "Your Orchard ID code is: 730519. Don't share it.", "730519", Options{}},
		{"initial is no sentence end", "Ihre TAN für 250,00 EUR an M. Schulz lautet 418275.", "418275", Options{}},
	}
	for _, tt := range tests {
		res, err := Extract(tt.content, tt.opts)
		if err != nil || res.Type != TOTP || res.Code != tt.want {
			t.Errorf("%s: Extract = %+v, %v; want code %q", tt.name, res, err, tt.want)
		}
	}
}

func TestExtractLinks(t *testing.T) {
	const link = "https://acme.example/auth/magic?token=Zx81Ka0Qm3Lp9Rt2&email=a%40b.example"
	html := `<table><tr><td bgcolor="#1a73e8" style="border-radius:6px"><a href="` +
		strings.ReplaceAll(link, "&", "&amp;") + `" style="padding:12px 24px;color:#fff">Sign in to Acme</a></td></tr></table>
		<p><a href="https://acme.example/unsubscribe?u=1234567890abcdef">Unsubscribe</a> · <a href="https://acme.example/privacy">Privacy</a></p>`
	res, err := Extract(html, Options{})
	if err != nil || res.Type != MagicLink || res.Link != link {
		t.Errorf("Extract(button) = %+v, %v; want link %q", res, err, link)
	}
	// A forced magic_link wins over a code, and the link comes back byte for byte.
	text := "Your code is 112233, or tap to sign in: " + link + "."
	res, err = Extract(text, Options{Type: MagicLink})
	if err != nil || res.Link != link {
		t.Errorf("Extract(forced link) = %+v, %v; want %q", res, err, link)
	}
	for _, c := range res.Candidates {
		if c.Type != MagicLink {
			t.Errorf("forced magic_link still weighed code %q", c.Value)
		}
	}
}

func TestExtractNothing(t *testing.T) {
	for name, content := range map[string]string{
		"order":                   "Order #40215877 shipped on 2026-11-21. Total $129.99. Questions? Call +1 800 555 0199.",
		"promo":                   "SAVE20 for 20% off until 31/12. Reply STOP to 45678.",
		"no digits":               "Someone signed in to your account from a new device. If this was not you, reset your password.",
		"forced link, none there": "Your code is 483920",
	} {
		opts := Options{}
		if name == "forced link, none there" {
			opts.Type = MagicLink
		}
		res, err := Extract(content, opts)
		if !errors.Is(err, ErrNotFound) {
			t.Errorf("%s: Extract = %+v, %v; want ErrNotFound", name, res, err)
		}
		if res.Type != "" || res.Code != "" || res.Link != "" {
			t.Errorf("%s: no answer expected, got %+v", name, res)
		}
	}
}

func TestExtractAmbiguous(t *testing.T) {
	_, err := Extract("Your verification code is 123456. Your verification code is 654321.", Options{})
	if !errors.Is(err, ErrAmbiguous) || !errors.Is(err, ErrNotFound) {
		t.Errorf("two equal codes: err = %v, want ErrAmbiguous (and ErrNotFound)", err)
	}
}

func TestExtractBadInput(t *testing.T) {
	var optErr *OptionError
	if _, err := Text("  ", Options{}); !errors.Is(err, ErrEmpty) {
		t.Errorf("Text(blank): err = %v, want ErrEmpty", err)
	}
	// "auto" is the flag's spelling of FormatAuto: HTML is still read as HTML.
	if res, _ := Extract("<p>Your code:</p><p><b>482913</b></p>", Options{Format: "auto"}); res.Format != FormatHTML {
		t.Errorf("Format auto read as %q", res.Format)
	}
	for _, opts := range []Options{{Type: "sms"}, {Source: "fax"}, {Format: "pdf"}, {MaxBytes: -1}} {
		if _, err := Extract("code 123456", opts); !errors.As(err, &optErr) {
			t.Errorf("Extract with %+v: err = %v, want *OptionError", opts, err)
		}
	}
	for _, content := range []string{"", "  \n\t "} {
		if _, err := Extract(content, Options{}); !errors.Is(err, ErrEmpty) {
			t.Errorf("Extract(%q): err = %v, want ErrEmpty", content, err)
		}
	}
	_, err := Extract(strings.Repeat("a", 101), Options{MaxBytes: 100})
	var sizeErr *SizeError
	if !errors.Is(err, ErrTooLarge) || !errors.As(err, &sizeErr) || sizeErr.Size != 101 || sizeErr.Limit != 100 {
		t.Errorf("Extract(too large): err = %v, want a *SizeError matching ErrTooLarge", err)
	}
	// Invalid UTF-8 and binary: a clean outcome, and valid UTF-8 in everything returned.
	for _, content := range []string{"code \xff\xfe 483920 \x00\x01", "<b>code</b> \xc3 <a href=\"https://x.example/login?t=\xff\">Sign in</a> 4839\xe2\x82", strings.Repeat("пароль ", 600) + "\xd0"} {
		res, err := Extract(content, Options{})
		if err != nil && !errors.Is(err, ErrNotFound) {
			t.Errorf("Extract(binary): err = %v", err)
		}
		strs := []string{res.Code, res.Link}
		for _, c := range res.Candidates {
			strs = append(strs, c.Value, c.Context)
			for _, r := range c.Reasons {
				strs = append(strs, r.Detail)
			}
		}
		for _, s := range strs {
			if !utf8.ValidString(s) {
				t.Errorf("Extract(%.20q) returned invalid UTF-8 %q", content, s)
			}
		}
	}
}

func TestParseOptions(t *testing.T) {
	if typ, err := ParseType("magic_link"); err != nil || typ != MagicLink {
		t.Errorf("ParseType(magic_link) = %q, %v", typ, err)
	}
	if _, err := ParseType("TOTP"); err == nil {
		t.Error("ParseType(TOTP) accepted a value the API does not use")
	}
	if f, err := ParseFormat("auto"); err != nil || f != FormatAuto {
		t.Errorf("ParseFormat(auto) = %q, %v", f, err)
	}
	if s, err := ParseSource("sms"); err != nil || s != SMS {
		t.Errorf("ParseSource(sms) = %q, %v", s, err)
	}
}

func TestResultJSON(t *testing.T) {
	res, err := Extract("Your code is 483920. Your order 4411 ships today.", Options{})
	if err != nil {
		t.Fatal(err)
	}
	candidates := res.Candidates
	if len(candidates) < 2 {
		t.Fatalf("want the code and the order number weighed, got %+v", candidates)
	}
	res.Candidates, res.Confidence = nil, 0
	b, _ := json.Marshal(res)
	if string(b) != `{"otp_type":"totp","code":"483920","format":"text"}` {
		t.Errorf("JSON = %s, want the API's names", b)
	}
	for _, c := range candidates {
		sum := 0
		for _, r := range c.Reasons {
			sum += r.Weight
		}
		if sum != c.Score {
			t.Errorf("candidate %q: reasons add up to %d, score is %d", c.Value, sum, c.Score)
		}
	}
}

func TestDeterministic(t *testing.T) {
	for _, f := range loadFixtures(t) {
		a, errA := Extract(f.content, f.opts)
		b, errB := Extract(f.content, f.opts)
		if string(renderGolden(a, errA)) != string(renderGolden(b, errB)) {
			t.Errorf("%s: two runs differ", f.name)
		}
	}
}

// TestConcurrent runs Extract from many goroutines at once and checks each answer against
// the one computed alone: the lexicon is built once and shared, everything else is per call.
// Run under -race, as CI does.
func TestConcurrent(t *testing.T) {
	fs := loadFixtures(t)
	if len(fs) > 90 {
		fs = fs[:90]
	}
	want := make([]string, len(fs))
	for i, f := range fs {
		want[i] = string(renderGolden(Extract(f.content, f.opts)))
	}
	errs := make(chan string, len(fs))
	done := make(chan bool)
	for g := 0; g < 6; g++ {
		go func(g int) {
			for i := g % 3; i < len(fs); i += 3 {
				if got := string(renderGolden(Extract(fs[i].content, fs[i].opts))); got != want[i] {
					errs <- fs[i].name
				}
			}
			done <- true
		}(g)
	}
	for g := 0; g < 6; g++ {
		<-done
	}
	close(errs)
	for name := range errs {
		t.Errorf("%s: a concurrent run answered differently", name)
	}
}

func TestDetect(t *testing.T) {
	for content, want := range map[string]Format{
		`<a href="https://x.example/login">Sign in</a>`:   FormatHTML,
		"<!DOCTYPE html><html><body>code 1</body></html>": FormatHTML,
		"<p>Your code is 1234</p>":                        FormatHTML,
		"Line one<br/>line two":                           FormatHTML,
		"I <3 codes, a < b and b > c: 123456":             FormatText,
		"Your code is <123456>":                           FormatText,
		"Use 1234 at https://x.example/?a=<b>":            FormatHTML, // a tag is a tag
		"Code 1234 <#> FA+9qCX9VSu":                       FormatText,
	} {
		if got := detect(content, Options{}); got != want {
			t.Errorf("detect(%q) = %q, want %q", content, got, want)
		}
	}
	if got := detect("<p>1234</p>", Options{Source: SMS}); got != FormatText {
		t.Errorf("an SMS is never HTML, got %q", got)
	}
}
