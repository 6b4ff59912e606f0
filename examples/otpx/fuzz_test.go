package main

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/otpkit/otpkit/extract"
)

// FuzzJSONL checks -jsonl line handling on any input: it never fails on readable input,
// writes exactly one JSON object per input line, in order, and gives back the id of every
// line that is an object with one.
//
//	go test ./examples/otpx -run '^$' -fuzz '^FuzzJSONL$' -fuzztime 60s
func FuzzJSONL(f *testing.F) {
	for _, s := range []string{
		`{"id":1,"content":"482913 is your code"}`,
		"\ufeff{\"id\":\"a\",\"content\":\"code 1234\",\"type\":\"totp\"}\n\n{\"id\":4,\"content\":5}\r\n",
		`{"id":6,"CONTENT":"x"}` + "\n" + `{"id":{"a":[1]},"content":"x","source":null}`,
		`not json` + "\n" + `[1]` + "\n" + `{"id":7,"content":"\u202e654321"}` + "\n   \n",
		`{"id":8,"content":"x","format":"email"}` + "\n" + `{"id":9}{"id":10}`,
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		var out bytes.Buffer
		if err := runJSONL(strings.NewReader(in), &out, extract.Options{}, false); err != nil {
			t.Fatalf("runJSONL: %v", err)
		}
		lines := strings.Split(in, "\n")
		if lines[len(lines)-1] == "" {
			lines = lines[:len(lines)-1]
		}
		got := strings.Split(strings.TrimSuffix(out.String(), "\n"), "\n")
		if out.Len() == 0 {
			got = nil
		}
		if len(got) != len(lines) {
			t.Fatalf("%d lines in, %d out:\n%s", len(lines), len(got), out.String())
		}
		for i, line := range lines {
			var ans map[string]json.RawMessage
			if err := json.Unmarshal([]byte(got[i]), &ans); err != nil {
				t.Fatalf("answer %d is not a JSON object: %q", i+1, got[i])
			}
			if _, ok := ans["error"]; !ok {
				if _, ok := ans["otp_type"]; !ok {
					t.Fatalf("answer %d has neither an answer nor an error: %q", i+1, got[i])
				}
			}
			if i == 0 {
				line = strings.TrimPrefix(line, "\ufeff")
			}
			var req map[string]json.RawMessage
			if json.Unmarshal([]byte(line), &req) != nil || req["id"] == nil || string(req["id"]) == "null" {
				continue
			}
			var want, have bytes.Buffer
			json.Compact(&want, req["id"])
			json.Compact(&have, ans["id"])
			if want.String() != have.String() {
				t.Fatalf("line %d has id %s, its answer %s", i+1, want.String(), have.String())
			}
		}
	})
}
