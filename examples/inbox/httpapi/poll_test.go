package httpapi_test

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/otpkit/otpkit/examples/inbox"
	"github.com/otpkit/otpkit/examples/inbox/httpapi"
)

func pushContent(t *testing.T, s *testServer, ident, content string) map[string]any {
	t.Helper()
	status, got := s.push(t, "", jsonBody(map[string]string{"totp_identifier": ident, "content": content}))
	if status != http.StatusOK {
		t.Fatalf("push: %d %v", status, got)
	}
	return got
}

func codes(list []map[string]any) []string {
	var out []string
	for _, c := range list {
		out = append(out, c["code"].(string))
	}
	return out
}

// TestPollNewestFirstOnce: a poll hands out the waiting codes newest first, and never again.
func TestPollNewestFirstOnce(t *testing.T) {
	s := start(t, httpapi.Config{})
	pushContent(t, s, "jane@example.com", "Your Pinecrest code is 111222")
	time.Sleep(2 * time.Millisecond)
	pushContent(t, s, "jane@example.com", "Your Pinecrest code is 333444")
	pushContent(t, s, "john@example.com", "Your Pinecrest code is 555666")
	got := s.poll(t, "", "totp_identifier=JANE@example.com")
	if c := codes(got); strings.Join(c, " ") != "333444 111222" {
		t.Errorf("first poll = %v, want [333444 111222]", c)
	}
	if got := s.poll(t, "", "totp_identifier=jane@example.com"); len(got) != 0 {
		t.Errorf("second poll = %v, want nothing: each code is handed out once", codes(got))
	}
	if c := codes(s.poll(t, "", "totp_identifier=john@example.com&limit=1")); strings.Join(c, " ") != "555666" {
		t.Errorf("john's poll = %v", c)
	}
}

// TestPollAfter: only codes that arrived after the given time.
func TestPollAfter(t *testing.T) {
	s := start(t, httpapi.Config{})
	pushContent(t, s, "jane@example.com", "Your Pinecrest code is 111222")
	time.Sleep(5 * time.Millisecond)
	mark := time.Now().UTC().Format(time.RFC3339Nano)
	time.Sleep(5 * time.Millisecond)
	pushContent(t, s, "jane@example.com", "Your Pinecrest code is 333444")
	if c := codes(s.poll(t, "", "totp_identifier=jane@example.com&after="+url.QueryEscape(mark))); strings.Join(c, " ") != "333444" {
		t.Errorf("poll after the first = %v, want [333444]", c)
	}
}

// TestPollForcedType: a poll that needs a link re-reads content that was read as a code,
// and content read as nothing is not handed out.
func TestPollForcedType(t *testing.T) {
	s := start(t, httpapi.Config{})
	both := "Sign in to Pinecrest: https://app.pinecrest.io/auth/magic?token=9f2c1e7a or enter code 551207 on the sign-in page."
	if got := pushContent(t, s, "jane@example.com", both); got["code"] != "551207" {
		t.Fatalf("pushed message read as %v, want the code 551207 first", got["code"])
	}
	pushContent(t, s, "jane@example.com", "Thanks for your order #88231, it ships Tuesday.")
	got := s.poll(t, "", "totp_identifier=jane@example.com&type=magic_link")
	if len(got) != 1 || got[0]["code"] != "https://app.pinecrest.io/auth/magic?token=9f2c1e7a" || got[0]["otp_type"] != "magic_link" {
		t.Fatalf("magic_link poll = %v, want the link of the first message only", got)
	}
	if got[0]["modified_at"] == got[0]["created_at"] {
		t.Errorf("a re-read record keeps modified_at = created_at")
	}
	if got := s.poll(t, "", "totp_identifier=jane@example.com"); len(got) != 0 {
		t.Errorf("the order message was handed out: %v", got)
	}
}

// TestPollByTask finds codes pushed for a task.
func TestPollByTask(t *testing.T) {
	s := start(t, httpapi.Config{})
	s.push(t, "", `{"totp_identifier":"jane@example.com","task_id":"tsk_77","content":"Your code is 246810"}`)
	if c := codes(s.poll(t, "", "task_id=tsk_77")); strings.Join(c, " ") != "246810" {
		t.Errorf("poll by task = %v", c)
	}
}

func TestPollValidation(t *testing.T) {
	s := start(t, httpapi.Config{})
	for query, want := range map[string]string{
		"":                           `"loc":["query","totp_identifier"]`,
		"totp_identifier=x&after=no": `"loc":["query","after"]`,
		"totp_identifier=x&type=sms": `"loc":["query","type"]`,
		"totp_identifier=x&limit=0":  `"loc":["query","limit"]`,
	} {
		status, body := s.do(t, "GET", "/v1/credentials/totp?"+query, nil, "")
		if status != http.StatusUnprocessableEntity || !strings.Contains(body, want) {
			t.Errorf("%q: %d %s, want 422 with %s", query, status, body, want)
		}
	}
}

// TestConcurrentPollers: many tasks poll one identifier at the same moment; every code is
// handed out to exactly one of them.
func TestConcurrentPollers(t *testing.T) {
	s := start(t, httpapi.Config{})
	const n = 12
	for i := range n {
		pushContent(t, s, "jane@example.com", fmt.Sprintf("Your Pinecrest code is %06d", 400100+7*i))
	}
	var (
		wg   sync.WaitGroup
		mu   sync.Mutex
		seen = map[string]int{}
	)
	start := make(chan struct{})
	for range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			<-start
			for range 3 {
				req, _ := http.NewRequest("GET", s.URL+"/v1/credentials/totp?totp_identifier=jane@example.com&limit=2", nil)
				res, err := s.Client().Do(req)
				if err != nil {
					t.Error(err)
					return
				}
				var list []map[string]any
				json.NewDecoder(res.Body).Decode(&list)
				res.Body.Close()
				mu.Lock()
				for _, c := range list {
					seen[c["totp_code_id"].(string)]++
				}
				mu.Unlock()
			}
		}()
	}
	close(start)
	wg.Wait()
	if len(seen) != n {
		t.Errorf("%d codes handed out, want %d", len(seen), n)
	}
	for id, k := range seen {
		if k != 1 {
			t.Errorf("%s handed out %d times", id, k)
		}
	}
}

// TestExpiry: a code past its expired_at is not handed out, and purge deletes it.
func TestExpiry(t *testing.T) {
	now := time.Date(2026, 5, 1, 12, 0, 0, 0, time.UTC)
	in := inbox.New(inbox.NewMemoryStore())
	in.Now = func() time.Time { return now }
	in.TTL = time.Minute
	s := start(t, httpapi.Config{Inbox: in})
	s.push(t, "", `{"totp_identifier":"jane@example.com","content":"Your code is 111222","expired_at":"2026-05-01T12:05:00Z"}`)
	_, dflt := s.push(t, "", `{"totp_identifier":"jane@example.com","content":"Your code is 333444"}`)
	if dflt["expired_at"] != "2026-05-01T12:01:00Z" {
		t.Errorf("default expiry = %v, want now + TTL", dflt["expired_at"])
	}
	now = now.Add(2 * time.Minute) // the default-TTL code has expired, the other has not
	if c := codes(s.poll(t, "", "totp_identifier=jane@example.com")); strings.Join(c, " ") != "111222" {
		t.Errorf("poll after 2 minutes = %v, want [111222]", c)
	}
	now = now.Add(10 * time.Minute)
	if n, err := in.Purge(t.Context()); n != 2 || err != nil {
		t.Errorf("Purge = %d, %v; want both codes gone", n, err)
	}
}

// TestExpiryStated: with no expired_at, a code expires when its message says it does ("valid
// for 5 minutes"), not after the default TTL.
func TestExpiryStated(t *testing.T) {
	now := time.Date(2026, 5, 1, 12, 0, 0, 0, time.UTC)
	in := inbox.New(inbox.NewMemoryStore())
	in.Now = func() time.Time { return now }
	in.TTL = time.Hour
	s := start(t, httpapi.Config{Inbox: in})
	_, got := s.push(t, "", `{"totp_identifier":"jane@example.com","content":"Your Acme code is 482913. It is valid for 5 minutes."}`)
	if got["expired_at"] != "2026-05-01T12:05:00Z" {
		t.Errorf("expiry = %v, want the 5 minutes the message states", got["expired_at"])
	}
	now = now.Add(6 * time.Minute)
	if c := codes(s.poll(t, "", "totp_identifier=jane@example.com")); len(c) != 0 {
		t.Errorf("poll after 6 minutes = %v, want nothing: the code has expired", c)
	}
}
