package httpapi

import (
	"errors"
	"net/http"

	"github.com/otpkit/otpkit/examples/inbox"
)

// push serves POST /v1/credentials/totp: read a TOTPCodeCreate, store it, answer the
// TOTPCode.
func (s *server) push(w http.ResponseWriter, r *http.Request) {
	org, ok := s.auth(w, r)
	if !ok {
		return
	}
	body, ok := readBody(w, r)
	if !ok {
		return
	}
	p, errs := decodeCreate(body)
	if errs != nil {
		writeValidation(w, errs)
		return
	}
	c, err := s.cfg.Inbox.Add(r.Context(), org, p)
	switch {
	case errors.Is(err, inbox.ErrNoCode):
		writeValidation(w, []ValidationError{{Loc: []any{"body", "content"}, Type: "no_code_found",
			Msg: "No one-time code or sign-in link was found in the content"}})
		return
	case err != nil:
		s.storeFailed(w, r, err)
		return
	}
	note(r, "record", c.Status(), "otp_type", string(c.OTPType), "source", c.Source)
	writeJSON(w, http.StatusOK, record(c))
}

// auth checks x-api-key and returns the organization it selects. A missing or unknown key
// gets 403 with no hint of which keys exist.
func (s *server) auth(w http.ResponseWriter, r *http.Request) (string, bool) {
	org, ok := s.cfg.Keys.Org(r.Header.Get("x-api-key"))
	if !ok {
		writeDetail(w, http.StatusForbidden, "Invalid or missing x-api-key")
	}
	return org, ok
}

// storeFailed answers 503 for a store that failed: the client should retry, the code is not
// lost as long as it does.
func (s *server) storeFailed(w http.ResponseWriter, r *http.Request, err error) {
	note(r, "err", err.Error())
	w.Header().Set("Retry-After", "5")
	writeDetail(w, http.StatusServiceUnavailable, "storage unavailable; retry later")
}
