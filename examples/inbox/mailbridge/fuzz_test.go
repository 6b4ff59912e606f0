package mailbridge

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// FuzzPush feeds any bytes to the bridge's reading of a mail: it must not panic, must keep
// something of a non-blank message, and must not store more than MaxContent.
func FuzzPush(f *testing.F) {
	files, _ := filepath.Glob("testdata/*.eml")
	for _, name := range files {
		b, _ := os.ReadFile(name)
		f.Add(b, "jane@inbox.acme.com")
	}
	f.Add([]byte("Content-Type: multipart/mixed; boundary=x\r\n\r\n--x\r\nContent-Transfer-Encoding: base64\r\n\r\n!!!\r\n--x--"), "")
	f.Fuzz(func(t *testing.T, raw []byte, envelope string) {
		p := Push(raw, envelope)
		if len(p.Content) > MaxContent {
			t.Errorf("content of %d bytes", len(p.Content))
		}
		if strings.TrimSpace(string(raw)) != "" && p.Content == "" {
			t.Errorf("a non-blank message kept nothing")
		}
		if p.Identifier == "" || p.Source != "email" {
			t.Errorf("identifier %q, source %q", p.Identifier, p.Source)
		}
	})
}
