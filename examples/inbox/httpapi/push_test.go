package httpapi_test

import (
	"fmt"
	"net/http"
	"net/url"
	"sort"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/otpkit/otpkit/examples/inbox"
	"github.com/otpkit/otpkit/examples/inbox/httpapi"
)

// seedRequest is the example request of send-totp-code.
const seedRequest = `{
  "totp_identifier": "john.doe@example.com",
  "content": "Hello, your verification code is 123456",
  "task_id": "task_123456",
  "workflow_id": "wpid_123456",
  "workflow_run_id": "wr_123456",
  "source": "email",
  "expired_at": "2025-01-01T00:00:00Z",
  "type": "totp"
}`

// TestSeedExample posts the seed's example request and checks the answer has the seed's
// shape: every field of its example response, with the inputs echoed and the code read.
func TestSeedExample(t *testing.T) {
	s := start(t, httpapi.Config{Keys: httpapi.ParseKeys("acme:" + keyAcme)})
	status, got := s.push(t, keyAcme, seedRequest)
	if status != http.StatusOK {
		t.Fatalf("status %d: %v", status, got)
	}
	seedFields := []string{"totp_identifier", "content", "totp_code_id", "code", "organization_id",
		"created_at", "modified_at", "task_id", "workflow_id", "workflow_run_id", "source",
		"expired_at", "type", "otp_type"}
	for _, f := range seedFields {
		if _, ok := got[f]; !ok {
			t.Errorf("answer lacks %q", f)
		}
	}
	want := map[string]any{
		"totp_identifier": "john.doe@example.com", "content": "Hello, your verification code is 123456",
		"code": "123456", "organization_id": "acme", "task_id": "task_123456", "workflow_id": "wpid_123456",
		"workflow_run_id": "wr_123456", "source": "email", "expired_at": "2025-01-01T00:00:00Z",
		"type": "totp", "otp_type": "totp", "status": "parsed",
	}
	for k, v := range want {
		if got[k] != v {
			t.Errorf("%s = %v, want %v", k, got[k], v)
		}
	}
	if id, _ := got["totp_code_id"].(string); !strings.HasPrefix(id, "totp_") {
		t.Errorf("totp_code_id = %v, want totp_…", got["totp_code_id"])
	}
	if got["created_at"] != got["modified_at"] || got["created_at"] == "" {
		t.Errorf("created_at %v, modified_at %v: want one non-empty time", got["created_at"], got["modified_at"])
	}
}

// TestPushMinimal sends only the required fields: optional ones come back null.
func TestPushMinimal(t *testing.T) {
	s := start(t, httpapi.Config{})
	status, got := s.push(t, "", `{"totp_identifier":"Jane.Roe@Example.com","content":"Your Pinecrest code is 482913."}`)
	if status != http.StatusOK {
		t.Fatalf("status %d: %v", status, got)
	}
	for _, f := range []string{"task_id", "workflow_id", "workflow_run_id", "source", "type"} {
		if v, ok := got[f]; !ok || v != nil {
			t.Errorf("%s = %v (present %v), want null", f, v, ok)
		}
	}
	if got["code"] != "482913" || got["organization_id"] != httpapi.DefaultOrg || got["totp_identifier"] != "jane.roe@example.com" {
		t.Errorf("code %v, org %v, identifier %v", got["code"], got["organization_id"], got["totp_identifier"])
	}
}

// TestRawPending: content with no code is kept and answered 200 with an empty code.
func TestRawPending(t *testing.T) {
	s := start(t, httpapi.Config{})
	status, got := s.push(t, "", `{"totp_identifier":"jane@example.com","content":"Thanks for your order #88231, it ships Tuesday."}`)
	if status != http.StatusOK || got["code"] != "" || got["status"] != inbox.StatusRawPending || got["otp_type"] != nil {
		t.Errorf("status %d, code %v, status %v, otp_type %v; want 200, \"\", raw_pending, null", status, got["code"], got["status"], got["otp_type"])
	}
}

// TestRejectUnread: a server that refuses unread content answers 422 and names the reason.
func TestRejectUnread(t *testing.T) {
	in := inbox.New(inbox.NewMemoryStore())
	in.RejectUnread = true
	s := start(t, httpapi.Config{Inbox: in})
	status, body := s.do(t, "POST", "/v1/credentials/totp", nil, `{"totp_identifier":"jane@example.com","content":"Thanks for your order #88231."}`)
	if status != http.StatusUnprocessableEntity || !strings.Contains(body, `"no_code_found"`) || !strings.Contains(body, `["body","content"]`) {
		t.Errorf("got %d %s; want 422 no_code_found at body.content", status, body)
	}
}

// TestValidation checks each kind of invalid request gets 422 with the schema's
// HTTPValidationError body, naming the field and the rule.
func TestValidation(t *testing.T) {
	s := start(t, httpapi.Config{})
	tests := []struct {
		name, body string
		want       []string // "loc type" of each detail entry, sorted
	}{
		{"not JSON", `{"totp_identifier":`, []string{"body,19 json_invalid"}},
		{"array", `[1,2]`, []string{"body model_attributes_type"}},
		{"empty object", `{}`, []string{"body,content missing", "body,totp_identifier missing"}},
		{"null identifier", `{"totp_identifier":null,"content":"code 1234"}`, []string{"body,totp_identifier missing"}},
		{"number content", `{"totp_identifier":"x","content":482913}`, []string{"body,content string_type"}},
		{"blank content", `{"totp_identifier":"x","content":"  \n"}`, []string{"body,content string_too_short"}},
		{"bad type", `{"totp_identifier":"x","content":"code 1234","type":"sms"}`, []string{"body,type enum"}},
		{"bad expiry", `{"totp_identifier":"x","content":"code 1234","expired_at":"tomorrow"}`, []string{"body,expired_at datetime_parsing"}},
		{"bad task", `{"totp_identifier":"x","content":"code 1234","task_id":7}`, []string{"body,task_id string_type"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			status, got := s.push(t, "", tt.body)
			if status != http.StatusUnprocessableEntity {
				t.Fatalf("status %d, want 422: %v", status, got)
			}
			detail, _ := got["detail"].([]any)
			var locs []string
			for _, d := range detail {
				e := d.(map[string]any)
				var loc []string
				for _, l := range e["loc"].([]any) {
					loc = append(loc, fmt.Sprint(l)) // a string, or a number: the offset of a JSON error
				}
				if e["msg"] == "" {
					t.Errorf("entry %v has no msg", e)
				}
				locs = append(locs, strings.Join(loc, ",")+" "+e["type"].(string))
			}
			sort.Strings(locs)
			if diff := cmp.Diff(tt.want, locs); diff != "" {
				t.Errorf("detail (-want +got):\n%s\nbody: %v", diff, got)
			}
		})
	}
}

// TestAccepted checks the optional forms a client may send: null fields, Unix-second and
// zone-less expiries, a forced type.
func TestAccepted(t *testing.T) {
	s := start(t, httpapi.Config{})
	for _, body := range []string{
		`{"totp_identifier":"x","content":"Your code is 482913","task_id":null,"type":null,"expired_at":null}`,
		`{"totp_identifier":"x","content":"Your code is 482913","expired_at":1893456000}`,
		`{"totp_identifier":"x","content":"Your code is 482913","expired_at":"2030-01-01T00:00:00"}`,
		`{"totp_identifier":"x","content":"Your code is 482913","type":"magic_link"}`,
	} {
		if status, got := s.push(t, "", body); status != http.StatusOK {
			t.Errorf("%s: %d %v", body, status, got)
		}
	}
	_, got := s.push(t, "", `{"totp_identifier":"x","content":"Your code is 482913","expired_at":1893456000}`)
	if got["expired_at"] != "2030-01-01T00:00:00Z" {
		t.Errorf("Unix expiry came back as %v", got["expired_at"])
	}
}

// TestTooLarge: a body over the limit gets 413, and nothing is stored.
func TestTooLarge(t *testing.T) {
	s := start(t, httpapi.Config{MaxBody: 1000})
	big := jsonBody(map[string]string{"totp_identifier": "x", "content": "Your code is 482913. " + strings.Repeat("padding ", 200)})
	if status, body := s.do(t, "POST", "/v1/credentials/totp", nil, big); status != http.StatusRequestEntityTooLarge {
		t.Errorf("got %d %s, want 413", status, body)
	}
	if got := s.poll(t, "", "totp_identifier=x"); len(got) != 0 {
		t.Errorf("a refused body was stored: %v", got)
	}
}

// TestAPIKeys: a missing or unknown key gets 403; each key selects its organization, and one
// organization never sees another's codes.
func TestAPIKeys(t *testing.T) {
	s := start(t, httpapi.Config{Keys: httpapi.ParseKeys("acme:" + keyAcme + "," + keyGlobex)})
	body := `{"totp_identifier":"jane@example.com","content":"Your code is 482913"}`
	for _, key := range []string{"", "sk_live_wrong", keyAcme + "x", "acme"} {
		if status, got := s.push(t, key, body); status != http.StatusForbidden {
			t.Errorf("key %q: %d %v, want 403", key, status, got)
		}
		if status, _ := s.do(t, "GET", "/v1/credentials/totp?totp_identifier=x", map[string]string{"x-api-key": key}, ""); status != http.StatusForbidden {
			t.Errorf("poll with key %q: %d, want 403", key, status)
		}
	}
	_, got := s.push(t, keyGlobex, body)
	org, _ := got["organization_id"].(string)
	if !strings.HasPrefix(org, "o_") || strings.Contains(org, keyGlobex) {
		t.Errorf("bare key's organization = %q, want o_<hash>", org)
	}
	if got := s.poll(t, keyAcme, "totp_identifier=jane@example.com"); len(got) != 0 {
		t.Errorf("acme sees globex's code: %v", got)
	}
	if got := s.poll(t, keyGlobex, "totp_identifier=jane@example.com"); len(got) != 1 {
		t.Errorf("globex polls %v, want its code", got)
	}
}

// TestStoreDown: a failing store is a 503 with Retry-After, never a 500 or a lost 200.
func TestStoreDown(t *testing.T) {
	s := start(t, httpapi.Config{Inbox: inbox.New(brokenStore{}), TwilioToken: twilioToken})
	if status, body := s.do(t, "POST", "/v1/credentials/totp", nil, seedRequest); status != http.StatusServiceUnavailable {
		t.Errorf("push: %d %s, want 503", status, body)
	}
	if status, _ := s.do(t, "GET", "/v1/credentials/totp?totp_identifier=x", nil, ""); status != http.StatusServiceUnavailable {
		t.Errorf("poll: %d, want 503", status)
	}
	if status, _ := s.do(t, "POST", "/totp", nil, taskBody); status != http.StatusServiceUnavailable {
		t.Errorf("totp_url: %d, want 503", status)
	}
	if status, _ := sms(t, s, url.Values{"To": {"+14155550123"}, "Body": {"Your code is 908172"}}, ""); status != http.StatusServiceUnavailable {
		t.Errorf("twilio: %d, want 503, so that the message is not taken as delivered", status)
	}
	if status, _ := s.do(t, "GET", "/healthz", nil, ""); status != http.StatusServiceUnavailable {
		t.Errorf("healthz: %d, want 503", status)
	}
}
