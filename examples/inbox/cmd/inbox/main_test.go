package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/emersion/go-smtp"
	"github.com/otpkit/otpkit/examples/inbox/httpapi"
	"github.com/otpkit/otpkit/examples/inbox/internal/pgtest"
)

const key = "sk_live_acme_7f3a9c"

// instance is one run of the command, in this process, on loopback ports.
type instance struct {
	url, smtp string
	stop      func() error // cancels the run and returns its error
	log       *bytes.Buffer
}

func startInbox(t *testing.T, args ...string) *instance {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	addrs := make(chan [2]string, 1)
	done := make(chan error, 1)
	log := &bytes.Buffer{}
	var mu sync.Mutex
	go func() {
		done <- run(ctx, append([]string{"-addr", "127.0.0.1:0"}, args...), lockedWriter{&mu, log},
			func(h, s string) { addrs <- [2]string{h, s} })
	}()
	select {
	case a := <-addrs:
		var once sync.Once
		var err error
		in := &instance{url: "http://" + a[0], smtp: a[1], log: log}
		in.stop = func() error {
			once.Do(func() { cancel(); err = <-done })
			return err
		}
		t.Cleanup(func() { in.stop() })
		return in
	case err := <-done:
		cancel()
		t.Fatalf("inbox did not start: %v\n%s", err, log)
	case <-time.After(30 * time.Second):
		t.Fatal("inbox did not start in 30s")
	}
	return nil
}

type lockedWriter struct {
	mu *sync.Mutex
	w  io.Writer
}

func (l lockedWriter) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.w.Write(p)
}

func request(t *testing.T, method, url string, header map[string]string, body string) (int, string) {
	t.Helper()
	req, _ := http.NewRequest(method, url, strings.NewReader(body))
	for k, v := range header {
		req.Header.Set(k, v)
	}
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	return res.StatusCode, string(b)
}

func push(t *testing.T, in *instance, ident, content string) {
	t.Helper()
	body := fmt.Sprintf(`{"totp_identifier":%q,"content":%q}`, ident, content)
	if status, out := request(t, "POST", in.url+"/v1/credentials/totp", map[string]string{"x-api-key": key}, body); status != 200 {
		t.Fatalf("push: %d %s", status, out)
	}
}

// totpURL calls the totp_url endpoint as the automation service does, and returns the
// verification code ("" for null).
func totpURL(t *testing.T, in *instance, ident string) string {
	t.Helper()
	body := `{"task_id":"tsk_501","workflow_run_id":"wr_77","workflow_permanent_id":"wpid_12"}`
	status, out := request(t, "POST", in.url+"/totp?totp_identifier="+ident, map[string]string{
		"x-skyvern-signature": httpapi.SignSkyvern(key, []byte(body)),
		"x-skyvern-timestamp": fmt.Sprint(time.Now().Unix()),
	}, body)
	if status != 200 {
		t.Fatalf("totp_url: %d %s", status, out)
	}
	var ans struct {
		VerificationCode *string `json:"verification_code"`
	}
	if err := json.Unmarshal([]byte(out), &ans); err != nil {
		t.Fatal(err)
	}
	if ans.VerificationCode == nil {
		return ""
	}
	return *ans.VerificationCode
}

// TestRestartKeepsCodes: codes pushed before a restart are handed out after it, from the
// SQLite file.
func TestRestartKeepsCodes(t *testing.T) {
	db := filepath.Join(t.TempDir(), "inbox.db")
	first := startInbox(t, "-api-key", key, "-db", db)
	push(t, first, "jane@example.com", "Your Pinecrest code is 482913")
	if err := first.stop(); err != nil {
		t.Fatalf("shutdown: %v", err)
	}
	second := startInbox(t, "-api-key", key, "-db", db)
	if got := totpURL(t, second, "jane@example.com"); got != "482913" {
		t.Errorf("after restart the code is %q, want 482913", got)
	}
}

// TestMailToTaskEndToEnd follows a code the whole way: a mail server delivers over SMTP,
// the bridge stores it, the task's totp_url call gets it.
func TestMailToTaskEndToEnd(t *testing.T) {
	in := startInbox(t, "-api-key", key, "-db", ":memory:", "-smtp", "127.0.0.1:0", "-domains", "inbox.acme.com")
	msg, err := os.ReadFile("../../mailbridge/testdata/alternative.eml")
	if err != nil {
		t.Fatal(err)
	}
	c, err := smtp.Dial(in.smtp)
	if err != nil {
		t.Fatal(err)
	}
	if err := c.SendMail("no-reply@mail.pinecrest.io", []string{"jane@inbox.acme.com"}, bytes.NewReader(msg)); err != nil {
		t.Fatal(err)
	}
	c.Close()
	if got := totpURL(t, in, "jane@inbox.acme.com"); got != "740291" {
		t.Errorf("totp_url answered %q, want 740291\n%s", got, in.log)
	}
	if status, _ := request(t, "GET", in.url+"/healthz", nil, ""); status != 200 {
		t.Errorf("healthz %d", status)
	}
}

// TestShutdownFinishesRequests: a request in flight when the signal comes is answered.
func TestShutdownFinishesRequests(t *testing.T) {
	in := startInbox(t, "-api-key", key, "-db", ":memory:")
	body := `{"totp_identifier":"jane@example.com","content":"Your Pinecrest code is 482913"}`
	conn, err := net.Dial("tcp", strings.TrimPrefix(in.url, "http://"))
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	fmt.Fprintf(conn, "POST /v1/credentials/totp HTTP/1.1\r\nHost: inbox\r\nx-api-key: %s\r\nContent-Type: application/json\r\nContent-Length: %d\r\n\r\n%s", key, len(body), body[:20])
	time.Sleep(50 * time.Millisecond) // the server is now reading the body
	stopped := make(chan error, 1)
	go func() { stopped <- in.stop() }()
	time.Sleep(100 * time.Millisecond) // shutdown has begun and waits for the request
	conn.Write([]byte(body[20:]))
	res, err := http.ReadResponse(bufio.NewReader(conn), nil)
	if err != nil {
		t.Fatalf("the request in flight got no answer: %v", err)
	}
	if res.StatusCode != 200 {
		t.Errorf("the request in flight got %d", res.StatusCode)
	}
	if err := <-stopped; err != nil {
		t.Errorf("shutdown: %v", err)
	}
}

// TestSecretsStayOutOfLogs: neither the keys nor the TOTP secret nor a database password
// reach the log.
func TestSecretsStayOutOfLogs(t *testing.T) {
	in := startInbox(t, "-api-key", key, "-db", ":memory:", "-totp-secret", "JBSWY3DPEHPK3PXP", "-twilio-token", "tw_secret_9")
	push(t, in, "jane@example.com", "Your Pinecrest code is 482913")
	totpURL(t, in, "jane@example.com")
	in.stop()
	for _, s := range []string{key, "JBSWY3DPEHPK3PXP", "tw_secret_9", "482913", "jane@example.com"} {
		if strings.Contains(in.log.String(), s) {
			t.Errorf("log shows %q:\n%s", s, in.log)
		}
	}
	if n := strings.Count(in.log.String(), "msg=request"); n != 2 {
		t.Errorf("%d request lines for 2 requests:\n%s", n, in.log)
	}
}

func TestBadFlags(t *testing.T) {
	for _, args := range [][]string{
		{"-totp-secret", "not base32!"},
		{"-db", filepath.Join(t.TempDir(), "missing-dir", "x.db")},
		{"-addr", "256.0.0.1:1"},
		{"extra"},
	} {
		if err := run(context.Background(), append([]string{"-db", ":memory:"}, args...), io.Discard, nil); err == nil {
			t.Errorf("%v: no error", args)
		}
	}
}

// TestReplicasOnPostgres runs two inbox replicas on one PostgreSQL database: a code pushed to
// one is handed out once, whichever replica the task's calls reach.
func TestReplicasOnPostgres(t *testing.T) {
	if testing.Short() {
		t.Skip("starts a PostgreSQL cluster")
	}
	url := pgtest.Start(t).NewDatabase(t)
	a := startInbox(t, "-api-key", key, "-db", url)
	b := startInbox(t, "-api-key", key, "-db", url)
	const n = 6
	for i := range n {
		push(t, a, "jane@example.com", fmt.Sprintf("Your Pinecrest code is %06d", 310000+i*17))
	}
	var (
		mu   sync.Mutex
		seen = map[string]int{}
		wg   sync.WaitGroup
	)
	deadline := time.Now().Add(20 * time.Second)
	for i := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			in := a
			if i%2 == 1 {
				in = b
			}
			for time.Now().Before(deadline) {
				_, out := request(t, "GET", in.url+"/v1/credentials/totp?totp_identifier=jane@example.com&limit=1", map[string]string{"x-api-key": key}, "")
				var list []struct {
					TotpCodeID string `json:"totp_code_id"`
				}
				json.Unmarshal([]byte(out), &list)
				mu.Lock()
				for _, c := range list {
					seen[c.TotpCodeID]++
				}
				done := len(seen) >= n
				mu.Unlock()
				if done {
					return
				}
			}
		}()
	}
	wg.Wait()
	for id, k := range seen {
		if k != 1 {
			t.Errorf("%s handed out %d times", id, k)
		}
	}
	if len(seen) != n {
		t.Errorf("%d codes handed out, want all %d", len(seen), n)
	}
}

// TestMain lets TestSignal run this test binary as the command itself, so that no second
// build of the module is needed.
func TestMain(m *testing.M) {
	if os.Getenv("OTPKIT_INBOX_RUN_MAIN") == "1" {
		os.Args = append(os.Args[:1], strings.Fields(os.Getenv("OTPKIT_INBOX_ARGS"))...)
		main()
		os.Exit(0)
	}
	os.Exit(m.Run())
}

// TestSignal runs the command in a process of its own and stops it with SIGTERM: it exits 0.
func TestSignal(t *testing.T) {
	bin, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(bin)
	cmd.Env = append(os.Environ(), "OTPKIT_INBOX_RUN_MAIN=1", "OTPKIT_INBOX_ARGS=-addr 127.0.0.1:0 -db :memory:")
	stderr, _ := cmd.StderrPipe()
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	sc := bufio.NewScanner(stderr)
	addr := regexp.MustCompile(`http=(\S+)`)
	found := false
	for sc.Scan() {
		if m := addr.FindStringSubmatch(sc.Text()); m != nil {
			found = true
			if status, _ := request(t, "GET", "http://"+m[1]+"/healthz", nil, ""); status != 200 {
				t.Errorf("healthz %d", status)
			}
			break
		}
	}
	if !found {
		t.Fatal("the command never said where it listens")
	}
	cmd.Process.Signal(syscall.SIGTERM)
	go io.Copy(io.Discard, stderr)
	if err := cmd.Wait(); err != nil {
		t.Errorf("after SIGTERM: %v", err)
	}
}
