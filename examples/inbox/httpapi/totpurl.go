package httpapi

import (
	"net/http"

	"github.com/otpkit/otpkit/examples/inbox"
	"github.com/otpkit/otpkit/extract"
)

// totpAnswer is the totp_url contract's response.
type totpAnswer struct {
	TaskID           string  `json:"task_id"`
	VerificationCode *string `json:"verification_code"`
}

// totpURL serves POST /totp, the endpoint a task's totp_url names: the automation service
// posts {"task_id": …} signed with x-skyvern-signature and gets {task_id, verification_code}.
// The code is the newest waiting one for the identifier in the query string
// (/totp?totp_identifier=jane@example.com), or else for codes pushed with that task_id, or
// else the current RFC 6238 code of the configured secret. verification_code is null when
// there is none yet: the service asks again.
func (s *server) totpURL(w http.ResponseWriter, r *http.Request) {
	body, ok := readBody(w, r)
	if !ok {
		return
	}
	if status := s.checkSigned(r, body); status != 0 {
		note(r, "refused", http.StatusText(status))
		w.WriteHeader(status) // no detail: a prober learns nothing
		return
	}
	obj, errs := decodeObject(body)
	if errs != nil {
		writeValidation(w, errs)
		return
	}
	f := &fields{obj: obj}
	taskID := f.required("task_id")
	f.str("workflow_run_id")
	f.str("workflow_permanent_id")
	want := extract.TOTP
	if v := r.URL.Query().Get("type"); v != "" {
		t, err := extract.ParseType(v)
		if err != nil || t == extract.Auto {
			f.errs = append(f.errs, queryError("type", "Input should be 'totp' or 'magic_link'", "enum", v))
		}
		want = t
	}
	if f.errs != nil {
		writeValidation(w, f.errs)
		return
	}
	org := s.cfg.Keys.First().Org
	a := inbox.Ask{TaskID: taskID, Type: want, Limit: maxPoll}
	if id := r.URL.Query().Get("totp_identifier"); id != "" {
		a = inbox.Ask{Identifier: id, Type: want, Limit: maxPoll}
	}
	codes, err := s.cfg.Inbox.Claim(r.Context(), org, a)
	if err != nil {
		s.storeFailed(w, r, err)
		return
	}
	ans := totpAnswer{TaskID: taskID}
	switch {
	case len(codes) > 0:
		ans.VerificationCode = &codes[0].Code
		note(r, "answer", "stored", "handed_out", len(codes))
	case s.cfg.TOTP != nil && want == extract.TOTP:
		code := s.cfg.TOTP.At(s.now())
		ans.VerificationCode = &code
		note(r, "answer", "rfc6238")
	default:
		note(r, "answer", "none")
	}
	writeJSON(w, http.StatusOK, ans)
}

// checkSigned verifies the signature and timestamp of a totp_url call, and returns 0 when
// they hold, else the status to answer: 401 with no signature, 403 with a wrong one or a
// stale timestamp. With no API key configured there is nothing to sign with, and nothing
// is checked.
func (s *server) checkSigned(r *http.Request, body []byte) int {
	if len(s.cfg.Keys) == 0 {
		return 0
	}
	sig := r.Header.Get("x-skyvern-signature")
	if sig == "" {
		return http.StatusUnauthorized
	}
	if !VerifySkyvern(s.cfg.Keys.First().Secret, body, sig) {
		return http.StatusForbidden
	}
	// The reference service stamps its calls; the stamp is not signed, but a replayed
	// request that keeps its old stamp is refused after the window.
	if ts := r.Header.Get("x-skyvern-timestamp"); ts != "" && s.cfg.ReplayWindow >= 0 {
		t, ok := parseTimestamp(ts)
		if !ok || !fresh(t, s.now(), s.replayWindow()) {
			return http.StatusForbidden
		}
	}
	return 0
}
