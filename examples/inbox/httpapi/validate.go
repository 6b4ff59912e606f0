package httpapi

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"net/http"
	"strings"
	"time"

	"github.com/otpkit/otpkit/examples/inbox"
	"github.com/otpkit/otpkit/extract"
)

// ValidationError is one entry of a 422 answer's detail, as the schema's ValidationError
// gives it: where (loc), what (msg), which rule (type), and the input refused.
type ValidationError struct {
	Loc   []any          `json:"loc"`
	Msg   string         `json:"msg"`
	Type  string         `json:"type"`
	Input any            `json:"input,omitempty"`
	Ctx   map[string]any `json:"ctx,omitempty"`
}

// HTTPValidationError is the body of every 422 answer.
type HTTPValidationError struct {
	Detail []ValidationError `json:"detail"`
}

func writeValidation(w http.ResponseWriter, errs []ValidationError) {
	writeJSON(w, http.StatusUnprocessableEntity, HTTPValidationError{Detail: errs})
}

// decodeObject reads body as one JSON object, or says why not.
func decodeObject(body []byte) (map[string]json.RawMessage, []ValidationError) {
	var obj map[string]json.RawMessage
	err := json.Unmarshal(body, &obj)
	var syn *json.SyntaxError
	switch {
	case errors.As(err, &syn):
		return nil, []ValidationError{{Loc: []any{"body", syn.Offset}, Msg: "JSON decode error: " + syn.Error(), Type: "json_invalid"}}
	case err != nil || obj == nil:
		return nil, []ValidationError{{Loc: []any{"body"}, Msg: "Input should be a JSON object of fields", Type: "model_attributes_type", Input: json.RawMessage(bytes.TrimSpace(body))}}
	}
	return obj, nil
}

// fields reads typed fields out of a JSON object and collects what is wrong with them.
type fields struct {
	obj  map[string]json.RawMessage
	errs []ValidationError
}

func (f *fields) fail(name, msg, typ string, input any) {
	f.errs = append(f.errs, ValidationError{Loc: []any{"body", name}, Msg: msg, Type: typ, Input: input})
}

// str reads an optional string: absent and null read as "".
func (f *fields) str(name string) string {
	raw, ok := f.obj[name]
	if !ok || string(raw) == "null" {
		return ""
	}
	var s string
	if err := json.Unmarshal(raw, &s); err != nil {
		f.fail(name, "Input should be a valid string", "string_type", raw)
	}
	return s
}

// required reads a string that must be present and not blank.
func (f *fields) required(name string) string {
	if raw, ok := f.obj[name]; !ok || string(raw) == "null" {
		f.fail(name, "Field required", "missing", nil)
		return ""
	}
	s := f.str(name)
	if raw := f.obj[name]; bytes.HasPrefix(raw, []byte(`"`)) && strings.TrimSpace(s) == "" {
		f.fail(name, "Value should not be blank", "string_too_short", s)
	}
	return s
}

// time reads an optional date-time: RFC 3339, a date-time without zone (read as UTC), or
// Unix seconds.
func (f *fields) time(name string) *time.Time {
	raw, ok := f.obj[name]
	if !ok || string(raw) == "null" {
		return nil
	}
	var n float64
	if err := json.Unmarshal(raw, &n); err == nil && !math.IsInf(n, 0) && math.Abs(n) < 1e11 {
		t := time.Unix(0, int64(n*1e9)).UTC()
		return &t
	}
	var s string
	if err := json.Unmarshal(raw, &s); err == nil {
		for _, layout := range []string{time.RFC3339Nano, "2006-01-02T15:04:05.999999999", "2006-01-02 15:04:05.999999999Z07:00"} {
			if t, err := time.Parse(layout, s); err == nil {
				return &t
			}
		}
	}
	f.fail(name, "Input should be a valid datetime, as RFC 3339 (2025-01-01T00:00:00Z)", "datetime_parsing", raw)
	return nil
}

// otpType reads the optional type enum.
func (f *fields) otpType(name string) extract.Type {
	s := f.str(name)
	if s == "" {
		if raw, ok := f.obj[name]; ok && string(raw) == `""` {
			f.fail(name, "Input should be 'totp' or 'magic_link'", "enum", s)
		}
		return extract.Auto
	}
	t, err := extract.ParseType(s)
	if err != nil {
		f.errs = append(f.errs, ValidationError{Loc: []any{"body", name}, Msg: "Input should be 'totp' or 'magic_link'",
			Type: "enum", Input: s, Ctx: map[string]any{"expected": "'totp' or 'magic_link'"}})
	}
	return t
}

// decodeCreate reads a TOTPCodeCreate.
func decodeCreate(body []byte) (inbox.Push, []ValidationError) {
	obj, errs := decodeObject(body)
	if errs != nil {
		return inbox.Push{}, errs
	}
	f := &fields{obj: obj}
	p := inbox.Push{
		Identifier:    f.required("totp_identifier"),
		Content:       f.required("content"),
		TaskID:        f.str("task_id"),
		WorkflowID:    f.str("workflow_id"),
		WorkflowRunID: f.str("workflow_run_id"),
		Source:        f.str("source"),
		ExpiredAt:     f.time("expired_at"),
		Type:          f.otpType("type"),
	}
	return p, f.errs
}

// queryError is a 422 entry for a query parameter.
func queryError(name, msg, typ string, input any) ValidationError {
	return ValidationError{Loc: []any{"query", name}, Msg: msg, Type: typ, Input: input}
}

// bodyTooLarge answers 413 when err says the body went over the limit, and reports whether
// it did.
// readBody reads the request body, answering 413 past the server's limit and 400 when it
// cannot be read; ok is false when it answered.
func readBody(w http.ResponseWriter, r *http.Request) (body []byte, ok bool) {
	body, err := io.ReadAll(r.Body)
	if bodyTooLarge(w, err) {
		return nil, false
	}
	if err != nil {
		writeDetail(w, http.StatusBadRequest, "could not read the request body")
		return nil, false
	}
	return body, true
}

func bodyTooLarge(w http.ResponseWriter, err error) bool {
	var mb *http.MaxBytesError
	if !errors.As(err, &mb) {
		return false
	}
	writeDetail(w, http.StatusRequestEntityTooLarge, fmt.Sprintf("request body is over the limit of %d bytes", mb.Limit))
	return true
}
