package main

import (
	"bytes"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/pem"
	"math/big"
	"net"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/emersion/go-smtp"
)

// selfSigned writes a certificate for 127.0.0.1 and its key, and returns the file names.
func selfSigned(t *testing.T) (certFile, keyFile string) {
	t.Helper()
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	tmpl := &x509.Certificate{
		SerialNumber: big.NewInt(1), Subject: pkix.Name{CommonName: "inbox.acme.com"},
		NotBefore: time.Now().Add(-time.Hour), NotAfter: time.Now().Add(time.Hour),
		IPAddresses: []net.IP{net.ParseIP("127.0.0.1")}, DNSNames: []string{"inbox.acme.com"},
		KeyUsage: x509.KeyUsageDigitalSignature, ExtKeyUsage: []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth},
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		t.Fatal(err)
	}
	keyDER, err := x509.MarshalECPrivateKey(key)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	certFile, keyFile = filepath.Join(dir, "cert.pem"), filepath.Join(dir, "key.pem")
	os.WriteFile(certFile, pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: der}), 0o600)
	os.WriteFile(keyFile, pem.EncodeToMemory(&pem.Block{Type: "EC PRIVATE KEY", Bytes: keyDER}), 0o600)
	return certFile, keyFile
}

// TestSMTPStartTLS: with -tls-cert and -tls-key the mail listener offers STARTTLS, and mail
// sent over it arrives.
func TestSMTPStartTLS(t *testing.T) {
	certFile, keyFile := selfSigned(t)
	in := startInbox(t, "-api-key", key, "-db", ":memory:", "-smtp", "127.0.0.1:0", "-tls-cert", certFile, "-tls-key", keyFile)
	// DialStartTLS fails unless the server offers STARTTLS. The certificate is self-signed,
	// for this test only.
	c, err := smtp.DialStartTLS(in.smtp, &tls.Config{InsecureSkipVerify: true})
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	if _, ok := c.TLSConnectionState(); !ok {
		t.Fatal("the connection is not encrypted")
	}
	msg := "From: no-reply@mail.pinecrest.io\r\nTo: jane@inbox.acme.com\r\nSubject: Your Pinecrest code\r\n\r\nYour Pinecrest sign-in code is 620417.\r\n"
	if err := c.SendMail("no-reply@mail.pinecrest.io", []string{"jane@inbox.acme.com"}, bytes.NewReader([]byte(msg))); err != nil {
		t.Fatal(err)
	}
	if got := totpURL(t, in, "jane@inbox.acme.com"); got != "620417" {
		t.Errorf("totp_url answered %q, want 620417", got)
	}
}

func TestBadTLSFiles(t *testing.T) {
	if err := run(t.Context(), []string{"-addr", "127.0.0.1:0", "-db", ":memory:", "-smtp", "127.0.0.1:0", "-tls-cert", "/nonexistent.pem", "-tls-key", "/nonexistent.pem"}, &bytes.Buffer{}, nil); err == nil {
		t.Error("missing certificate files: no error")
	}
}
