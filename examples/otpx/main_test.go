package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/otpkit/otpkit/extract"
)

// update is accepted so that `go test ./... -update` works across the module; otpx has no
// golden files of its own (its output is the extract fixtures' golden output).
var _ = flag.Bool("update", false, "rewrite golden files (none here)")

func otpx(t *testing.T, stdin string, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	var out, errb bytes.Buffer
	code = run(args, strings.NewReader(stdin), &out, &errb)
	return out.String(), errb.String(), code
}

func TestSingleMessage(t *testing.T) {
	out, _, code := otpx(t, "482913 is your Acme verification code")
	if code != 0 || out != `{"otp_type":"totp","code":"482913","confidence":0.77,"format":"text"}`+"\n" {
		t.Errorf("otpx = %d %q", code, out)
	}
}

func TestFixtureFile(t *testing.T) {
	// An HTML email from the fixtures, read from a file: the code a person would type.
	path := filepath.Join("..", "..", "testdata", "email", "en-bank-verify.html")
	want, err := os.ReadFile(strings.TrimSuffix(path, ".html") + ".want")
	if err != nil {
		t.Fatal(err)
	}
	var wantCode string
	for _, line := range strings.Split(string(want), "\n") {
		if v, ok := strings.CutPrefix(line, "code:"); ok {
			wantCode = strings.TrimSpace(v)
		}
	}
	out, _, code := otpx(t, "", path)
	var got struct{ OTPType, Code string }
	err = json.Unmarshal([]byte(out), &struct {
		OTPType *string `json:"otp_type"`
		Code    *string `json:"code"`
	}{&got.OTPType, &got.Code})
	if err != nil || code != 0 || wantCode == "" || got.OTPType != "totp" || got.Code != wantCode {
		t.Errorf("otpx %s = %d %s, want code %q", path, code, out, wantCode)
	}
}

func TestNotFound(t *testing.T) {
	out, _, code := otpx(t, "Your order #40215877 has shipped.")
	if code != 1 || !strings.Contains(out, `"error":"extract: no one-time code or sign-in link found"`) {
		t.Errorf("otpx = %d %q, want exit 1 with an error field", code, out)
	}
	if out, _, code := otpx(t, ""); code != 1 || !strings.Contains(out, "empty") {
		t.Errorf("otpx on empty input = %d %q, want exit 1 with an error field", code, out)
	}
}

func TestUsage(t *testing.T) {
	for _, args := range [][]string{{"-type", "sms"}, {"-source", "fax"}, {"-format", "pdf"}, {"-nope"}, {"a", "b"}, {"/does/not/exist"}} {
		if _, _, code := otpx(t, "code 123456", args...); code != 2 {
			t.Errorf("otpx %v exited %d, want 2", args, code)
		}
	}
}

func TestTooLarge(t *testing.T) {
	big := strings.Repeat("a", extract.DefaultMaxBytes+1)
	if _, stderr, code := otpx(t, big); code != 2 || !strings.Contains(stderr, "over the limit") {
		t.Errorf("otpx on %d bytes = %d %q, want exit 2 and the limit", len(big), code, stderr)
	}
}

func TestForcedTypeAndExplain(t *testing.T) {
	msg := "Your code is 112233, or sign in here: https://acme.example/login?token=Zx81Ka0Qm3Lp9Rt2&u=1"
	out, _, code := otpx(t, msg, "-type", "magic_link")
	want := `{"otp_type":"magic_link","link":"https://acme.example/login?token=Zx81Ka0Qm3Lp9Rt2&u=1","confidence":0.99,"format":"text"}` + "\n"
	if code != 0 || out != want {
		t.Errorf("otpx -type magic_link = %d %q, want %q (no \\u0026)", code, out, want)
	}
	out, _, _ = otpx(t, msg, "-explain", "-type", "totp")
	var res struct {
		Code       string
		Candidates []struct {
			Value   string
			Score   int
			Reasons []struct{ Rule string }
		}
	}
	if err := json.Unmarshal([]byte(out), &res); err != nil || res.Code != "112233" || len(res.Candidates) == 0 || len(res.Candidates[0].Reasons) == 0 {
		t.Errorf("otpx -explain = %s, want candidates with reasons", out)
	}
}

func TestJSONL(t *testing.T) {
	in := strings.Join([]string{
		`{"id":1,"content":"482913 is your Acme code","source":"sms"}`,
		`not json`,
		``,
		`{"id":"b","content":"Your order #40215877 has shipped."}`,
		`{"id":3,"content":"code 123456","type":"sms"}`,
		`{"id":4}`,
		`{"id":5,"content":"Your code is 112233, or sign in: https://acme.example/login?t=Zx81Ka0Qm3Lp9Rt2&u=1","type":"magic_link"}`,
	}, "\n")
	out, _, code := otpx(t, in, "-jsonl")
	if code != 0 {
		t.Fatalf("otpx -jsonl exited %d", code)
	}
	want := []string{
		`{"id":1,"otp_type":"totp","code":"482913","confidence":0.77,"format":"text"}`,
		`{"error":"bad line: invalid character 'o' in literal null (expecting 'u')"}`,
		`{"error":"bad line: empty"}`,
		`{"id":"b","format":"text","error":"extract: no one-time code or sign-in link found"}`,
		`{"id":3,"error":"extract: unknown type \"sms\""}`,
		`{"id":4,"error":"bad line: no \"content\""}`,
		`{"id":5,"otp_type":"magic_link","link":"https://acme.example/login?t=Zx81Ka0Qm3Lp9Rt2&u=1","confidence":0.99,"format":"text"}`,
	}
	if diff := cmp.Diff(want, strings.Split(strings.TrimSpace(out), "\n")); diff != "" {
		t.Errorf("otpx -jsonl mismatch (-want +got):\n%s", diff)
	}
}

func TestJSONLDefaults(t *testing.T) {
	in := `{"id":1,"content":"Your code is 112233, or sign in: https://acme.example/login?t=Zx81Ka0Qm3Lp9Rt2&u=1"}` + "\n" +
		`{"id":2,"content":"Your code is 112233, or sign in: https://acme.example/login?t=Zx81Ka0Qm3Lp9Rt2&u=1","type":"totp"}`
	out, _, code := otpx(t, in, "-jsonl", "-type", "magic_link")
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if code != 0 || len(lines) != 2 || !strings.Contains(lines[0], `"otp_type":"magic_link"`) || !strings.Contains(lines[1], `"code":"112233"`) {
		t.Errorf("otpx -jsonl -type magic_link = %d %q, want the flag as the default and the line's type over it", code, lines)
	}
}

func TestJSONLLongLine(t *testing.T) {
	var in bytes.Buffer
	in.WriteString(`{"id":1,"content":"`)
	in.WriteString(strings.Repeat("a", lineLimit(extract.DefaultMaxBytes)))
	in.WriteString("\"}\n{\"id\":2,\"content\":\"482913 is your code\"}\n")
	var out bytes.Buffer
	if err := runJSONL(&in, &out, extract.Options{}, false); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(out.String()), "\n")
	if len(lines) != 2 || !strings.Contains(lines[0], "line longer than") || !strings.Contains(lines[1], `"code":"482913"`) {
		t.Errorf("long line: got %q", lines)
	}
}

// TestEmailFile: a whole .eml is detected and read (ISO-2022-JP body, RFC 2047 subject), with
// the sender; -format email forces the same reading.
func TestEmailFile(t *testing.T) {
	path := filepath.Join("..", "..", "testdata", "eml", "ja-iso-2022-jp.eml")
	want := `{"otp_type":"totp","code":"573920","confidence":0.9,"format":"email","sender":{"domain":"hikari-shobo.jp","spf":"pass","dkim":"pass","dmarc":"pass"}}` + "\n"
	for _, args := range [][]string{{path}, {"-format", "email", path}} {
		out, _, code := otpx(t, "", args...)
		if code != 0 || out != want {
			t.Errorf("otpx %q = %d %s, want %s", args, code, out, want)
		}
	}
	// Forced on a bare body: read as the text it is, reported as an email.
	out, _, code := otpx(t, "Your Acme code is 482913.", "-format", "email")
	if code != 0 || out != `{"otp_type":"totp","code":"482913","confidence":0.85,"format":"email"}`+"\n" {
		t.Errorf("otpx -format email on a body = %d %s", code, out)
	}
}
