package httpapi

import (
	"net/http"
	"strconv"
	"time"

	"github.com/otpkit/otpkit/examples/inbox"
	"github.com/otpkit/otpkit/extract"
)

// maxPoll bounds the codes one poll hands out.
const maxPoll = 100

// poll serves GET /v1/credentials/totp?totp_identifier=…&after=…&type=…: it hands out the
// waiting codes for an identifier (or task_id), newest first, each once. The first element
// is the one to type; the older ones are handed out with it, so that no later poll gets a
// code a newer one has replaced.
func (s *server) poll(w http.ResponseWriter, r *http.Request) {
	org, ok := s.auth(w, r)
	if !ok {
		return
	}
	q := r.URL.Query()
	a := inbox.Ask{Identifier: q.Get("totp_identifier"), TaskID: q.Get("task_id"), Limit: maxPoll}
	var errs []ValidationError
	if a.Identifier == "" && a.TaskID == "" {
		errs = append(errs, queryError("totp_identifier", "Field required (or task_id)", "missing", nil))
	}
	if v := q.Get("after"); v != "" {
		t, err := time.Parse(time.RFC3339Nano, v)
		if err != nil {
			errs = append(errs, queryError("after", "Input should be a valid datetime, as RFC 3339 (2025-01-01T00:00:00Z)", "datetime_parsing", v))
		}
		a.After = t
	}
	if v := q.Get("type"); v != "" {
		t, err := extract.ParseType(v)
		if err != nil {
			errs = append(errs, queryError("type", "Input should be 'totp' or 'magic_link'", "enum", v))
		}
		a.Type = t
	}
	if v := q.Get("limit"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 || n > maxPoll {
			errs = append(errs, queryError("limit", "Input should be a number from 1 to 100", "int_parsing", v))
		}
		a.Limit = n
	}
	if errs != nil {
		writeValidation(w, errs)
		return
	}
	codes, err := s.cfg.Inbox.Claim(r.Context(), org, a)
	if err != nil {
		s.storeFailed(w, r, err)
		return
	}
	out := make([]Record, 0, len(codes))
	for _, c := range codes {
		out = append(out, record(c))
	}
	note(r, "handed_out", len(out))
	writeJSON(w, http.StatusOK, out)
}
