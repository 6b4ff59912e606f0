package httpapi_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/otpkit/otpkit/examples/inbox/httpapi"
)

// TestSignTwilio checks the scheme against the example of Twilio's webhook-security
// documentation (auth token 12345), whose signature openssl reproduces.
func TestSignTwilio(t *testing.T) {
	form := url.Values{"CallSid": {"CA1234567890ABCDE"}, "Caller": {"+14158675309"}, "Digits": {"1234"},
		"From": {"+14158675309"}, "To": {"+18005551212"}}
	if got := httpapi.SignTwilio("12345", "https://mycompany.com/myapp.php?foo=1&bar=2", form); got != "RSOYDt4T1cUTdK1PDd93/VVr8B8=" {
		t.Errorf("SignTwilio = %s, want RSOYDt4T1cUTdK1PDd93/VVr8B8=", got)
	}
}

const twilioToken = "tw_auth_5c1d0e"

// sms posts an inbound message as Twilio does, signed for the URL the server is reached at.
func sms(t *testing.T, s *testServer, form url.Values, sig string) (int, string) {
	t.Helper()
	if sig == "" {
		sig = httpapi.SignTwilio(twilioToken, s.URL+"/sms/twilio", form)
	}
	return s.do(t, "POST", "/sms/twilio", map[string]string{"Content-Type": "application/x-www-form-urlencoded",
		"X-Twilio-Signature": sig}, form.Encode())
}

// TestTwilioWebhook: a signed message is stored under the receiving number, with source
// sms, for the first key's organization; the answer is empty TwiML.
func TestTwilioWebhook(t *testing.T) {
	s := start(t, httpapi.Config{Keys: httpapi.ParseKeys("acme:" + keyAcme), TwilioToken: twilioToken})
	form := url.Values{"From": {"+14155550100"}, "To": {"+14155550123"}, "Body": {"Larkspur: 908172 is your login code. Don't share it."},
		"MessageSid": {"SM0a1b2c"}, "AccountSid": {"AC9f8e7d"}, "NumMedia": {"0"}}
	status, body := sms(t, s, form, "")
	if status != http.StatusOK || !strings.Contains(body, "<Response></Response>") {
		t.Fatalf("got %d %s, want 200 and empty TwiML", status, body)
	}
	got := s.poll(t, keyAcme, "totp_identifier="+url.QueryEscape("+14155550123"))
	if len(got) != 1 || got[0]["code"] != "908172" || got[0]["source"] != "sms" || got[0]["organization_id"] != "acme" {
		t.Errorf("poll = %v, want the code 908172 from sms for acme", got)
	}
}

func TestTwilioSignatureRefused(t *testing.T) {
	s := start(t, httpapi.Config{TwilioToken: twilioToken})
	form := url.Values{"From": {"+14155550100"}, "To": {"+14155550123"}, "Body": {"Your code is 908172"}}
	other := url.Values{"From": {"+14155550100"}, "To": {"+14155550199"}, "Body": {"Your code is 908172"}}
	for name, sig := range map[string]string{
		"missing":    " ",
		"other form": httpapi.SignTwilio(twilioToken, s.URL+"/sms/twilio", other),
		"other url":  httpapi.SignTwilio(twilioToken, "https://inbox.acme.com/sms/twilio", form),
		"other key":  httpapi.SignTwilio("tw_other", s.URL+"/sms/twilio", form),
	} {
		if status, _ := sms(t, s, form, sig); status != http.StatusForbidden {
			t.Errorf("%s: %d, want 403", name, status)
		}
	}
	if got := s.poll(t, "", "totp_identifier="+url.QueryEscape("+14155550123")); len(got) != 0 {
		t.Errorf("a refused message was stored: %v", got)
	}
}

// TestTwilioPublicURL: behind a proxy, the signature covers the public URL Twilio posted to.
func TestTwilioPublicURL(t *testing.T) {
	s := start(t, httpapi.Config{TwilioToken: twilioToken, PublicURL: "https://inbox.acme.com/"})
	form := url.Values{"To": {"+14155550123"}, "Body": {"Your code is 908172"}}
	if status, body := sms(t, s, form, httpapi.SignTwilio(twilioToken, "https://inbox.acme.com/sms/twilio", form)); status != http.StatusOK {
		t.Errorf("got %d %s", status, body)
	}
}

// TestTwilioOff: without an auth token there is no webhook to call.
func TestTwilioOff(t *testing.T) {
	s := start(t, httpapi.Config{})
	if status, _ := sms(t, s, url.Values{"To": {"+1"}, "Body": {"x"}}, "x"); status != http.StatusNotFound {
		t.Errorf("got %d, want 404", status)
	}
}
