package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"testing"
	"time"

	"github.com/otpkit/otpkit/extract"
)

// TestJSONLAnswersEachLine: a client that writes one request and waits for its answer gets
// it before it writes anything else (issue 9, defect 5).
func TestJSONLAnswersEachLine(t *testing.T) {
	inR, inW := io.Pipe()
	outR, outW := io.Pipe()
	done := make(chan int)
	go func() {
		done <- run([]string{"-jsonl"}, inR, outW, io.Discard)
		outW.Close()
	}()
	lines := bufio.NewReader(outR)
	for i, req := range []string{`{"id":1,"content":"482913 is your code"}`, `{"id":2,"content":"Use 7741 to verify"}`} {
		if _, err := io.WriteString(inW, req+"\n"); err != nil {
			t.Fatal(err)
		}
		got := make(chan string, 1)
		go func() {
			line, _ := lines.ReadString('\n')
			got <- line
		}()
		select {
		case line := <-got:
			if !strings.Contains(line, fmt.Sprintf(`"id":%d`, i+1)) {
				t.Errorf("answer %d = %q", i+1, line)
			}
		case <-time.After(10 * time.Second):
			t.Fatalf("no answer to request %d while the input stays open", i+1)
		}
	}
	inW.Close()
	if code := <-done; code != 0 {
		t.Errorf("exit %d", code)
	}
}

// TestJSONLContentLimit: the limit is on the content as decoded, not on how long the line
// is once escaped: content of a million bytes each written \u00XX is read (issue 9, defect
// 7); content over the limit is refused with the id and the limit.
func TestJSONLContentLimit(t *testing.T) {
	content := strings.Repeat(`\u0001`, 3<<20/2) + `482913`                                  // 1.5 MiB decoded, 9 MiB as written
	cyrillic := strings.Repeat(`\u043a\u043e\u0434 `, 1<<20/7) + `482913 \u043a\u043e\u0434` // "код 482913 код": 1 MiB, 3 MiB written
	over := strings.Repeat("a", extract.DefaultMaxBytes+1)
	in := `{"id":1,"content":"` + content + `"}` + "\n" +
		`{"id":2,"content":"` + cyrillic + `"}` + "\n" +
		`{"id":3,"content":"` + over + `"}` + "\n"
	out, _, code := otpx(t, in, "-jsonl")
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if code != 0 || len(lines) != 3 {
		t.Fatalf("exit %d, %d lines", code, len(lines))
	}
	if strings.Contains(lines[0], "longer") || !strings.Contains(lines[0], `"id":1`) {
		t.Errorf("line 1 = %.300s, want it read", lines[0])
	}
	if !strings.Contains(lines[1], `"id":2`) || !strings.Contains(lines[1], `"code":"482913"`) {
		t.Errorf("line 2 = %.300s, want the code", lines[1])
	}
	if !strings.Contains(lines[2], `"id":3`) || !strings.Contains(lines[2], fmt.Sprintf("over the limit of %d", extract.DefaultMaxBytes)) {
		t.Errorf("line 3 = %.300s, want the id and the limit", lines[2])
	}
}

// TestTooLargeJSON: an input over the limit is reported in the JSON object, by the limit
// alone: otpx stops reading past it and does not know the size (issue 9, defect 10).
func TestTooLargeJSON(t *testing.T) {
	big := strings.Repeat("a", extract.DefaultMaxBytes+1000)
	out, _, code := otpx(t, big)
	var res struct{ Error string }
	if err := json.Unmarshal([]byte(out), &res); err != nil || code != 2 {
		t.Fatalf("otpx = %d %q, want exit 2 and a JSON object", code, out)
	}
	want := fmt.Sprintf("over the limit of %d bytes", extract.DefaultMaxBytes)
	if !strings.Contains(res.Error, want) || strings.Contains(res.Error, fmt.Sprint(extract.DefaultMaxBytes+1)) {
		t.Errorf("error = %q, want %q and no size", res.Error, want)
	}
}

// TestJSONLBadFields: a line that parses as an object always gets its id back, and the
// error names the field that is wrong; names match exactly; a UTF-8 byte order mark before
// the first line is skipped (issue 9, defect 11).
func TestJSONLBadFields(t *testing.T) {
	in := "\ufeff" + strings.Join([]string{
		`{"id":1,"content":"482913 is your code"}`,
		`{"id":4,"content":5}`,
		`{"id":5,"content":"482913 is your code","type":7}`,
		`{"id":6,"CONTENT":"482913 is your code"}`,
		`{"id":7,"content":"482913 is your code","Type":"magic_link"}`,
		`{"id":8,"content":"482913 is your code","source":null}`,
		`[1,2]`,
	}, "\n")
	out, _, code := otpx(t, in, "-jsonl")
	want := []string{
		`{"id":1,"otp_type":"totp","code":"482913","confidence":0.9,"format":"text"}`,
		`{"id":4,"error":"bad line: \"content\" is not a string"}`,
		`{"id":5,"error":"bad line: \"type\" is not a string"}`,
		`{"id":6,"error":"bad line: unknown field \"CONTENT\" (field names are lower-case: \"content\")"}`,
		`{"id":7,"error":"bad line: unknown field \"Type\" (field names are lower-case: \"type\")"}`,
		`{"id":8,"otp_type":"totp","code":"482913","confidence":0.9,"format":"text"}`,
		`{"error":"bad line: not a JSON object"}`,
	}
	got := strings.Split(strings.TrimSpace(out), "\n")
	if code != 0 || strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("exit %d\ngot:\n%s\nwant:\n%s", code, strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestUsageJSON: bad option values are reported as a JSON object too, exit 2.
func TestUsageJSON(t *testing.T) {
	for _, args := range [][]string{{"-type", "sms"}, {"-format", "pdf"}, {"/does/not/exist"}} {
		out, _, code := otpx(t, "code 123456", args...)
		var res struct{ Error string }
		if err := json.Unmarshal([]byte(out), &res); err != nil || code != 2 || res.Error == "" {
			t.Errorf("otpx %v = %d %q, want exit 2 and a JSON error", args, code, out)
		}
	}
}
