package httpapi

import (
	"crypto/hmac"
	"crypto/sha1"
	"encoding/base64"
	"errors"
	"net/http"
	"net/url"
	"sort"
	"strings"

	"github.com/otpkit/otpkit/examples/inbox"
)

// SignTwilio returns the X-Twilio-Signature Twilio sends with a form-encoded webhook: the
// Base64 HMAC-SHA1, keyed by the account's auth token, of the full URL Twilio posted to
// followed by every POST parameter's name and value, in the order of the names.
func SignTwilio(token, fullURL string, form url.Values) string {
	var b strings.Builder
	b.WriteString(fullURL)
	names := make([]string, 0, len(form))
	for name := range form {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		vals := append([]string(nil), form[name]...)
		sort.Strings(vals)
		for _, v := range vals {
			b.WriteString(name)
			b.WriteString(v)
		}
	}
	mac := hmac.New(sha1.New, []byte(token))
	mac.Write([]byte(b.String()))
	return base64.StdEncoding.EncodeToString(mac.Sum(nil))
}

// emptyTwiML tells Twilio to send no reply.
const emptyTwiML = `<?xml version="1.0" encoding="UTF-8"?><Response></Response>`

// twilio serves POST /sms/twilio, the webhook of a Twilio number's incoming messages: the
// code in Body is stored under the receiving number, To, for the first API key's
// organization. Without a configured auth token the route does not exist.
func (s *server) twilio(w http.ResponseWriter, r *http.Request) {
	if s.cfg.TwilioToken == "" {
		http.NotFound(w, r)
		return
	}
	err := r.ParseForm()
	if bodyTooLarge(w, err) {
		return
	}
	if err != nil {
		writeDetail(w, http.StatusBadRequest, "could not read the form")
		return
	}
	sig := r.Header.Get("X-Twilio-Signature")
	want := SignTwilio(s.cfg.TwilioToken, s.publicURL(r), r.PostForm)
	if sig == "" || !hmac.Equal([]byte(sig), []byte(want)) {
		note(r, "refused", "twilio signature")
		w.WriteHeader(http.StatusForbidden)
		return
	}
	to, body := r.PostForm.Get("To"), r.PostForm.Get("Body")
	var errs []ValidationError
	if strings.TrimSpace(to) == "" {
		errs = append(errs, ValidationError{Loc: []any{"body", "To"}, Msg: "Field required", Type: "missing"})
	}
	if strings.TrimSpace(body) == "" {
		errs = append(errs, ValidationError{Loc: []any{"body", "Body"}, Msg: "Field required", Type: "missing"})
	}
	if errs != nil {
		writeValidation(w, errs)
		return
	}
	c, err := s.cfg.Inbox.Add(r.Context(), s.cfg.Keys.First().Org, inbox.Push{Identifier: to, Content: body, Source: "sms"})
	switch {
	case errors.Is(err, inbox.ErrNoCode):
		note(r, "record", "no code; not stored") // Twilio must not retry a message with no code
	case err != nil:
		s.storeFailed(w, r, err) // Twilio records the failure and calls the number's fallback URL, if one is set
		return
	default:
		note(r, "record", c.Status(), "otp_type", string(c.OTPType))
	}
	w.Header().Set("Content-Type", "text/xml")
	w.Write([]byte(emptyTwiML))
}

// publicURL is the URL Twilio posted to, which its signature covers: the configured public
// base URL, or the one the request names (behind a proxy, with its X-Forwarded-Proto).
func (s *server) publicURL(r *http.Request) string {
	if s.cfg.PublicURL != "" {
		return strings.TrimRight(s.cfg.PublicURL, "/") + r.URL.RequestURI()
	}
	scheme := "http"
	if r.TLS != nil {
		scheme = "https"
	}
	if p := r.Header.Get("X-Forwarded-Proto"); p == "https" || p == "http" {
		scheme = p
	}
	return (&url.URL{Scheme: scheme, Host: r.Host}).String() + r.URL.RequestURI()
}
