package fuzz

import (
	"encoding/base64"
	"github.com/otpkit/otpkit/extract"
	"io"
	"mime"
	"mime/multipart"
	"mime/quotedprintable"
	"net/mail"
	"net/textproto"
	"strings"
)

// linkInMail reports whether link is written in one of the MIME parts of a whole email, once
// its transfer encoding is undone: an oracle for links that quoted-printable or base64 hide
// from linkInInput. Charsets are left alone: links are ASCII.
func linkInMail(content, link string) bool {
	msg, err := mail.ReadMessage(strings.NewReader(content))
	if err != nil {
		return false
	}
	found := false
	var walk func(h textproto.MIMEHeader, body io.Reader, depth int)
	walk = func(h textproto.MIMEHeader, body io.Reader, depth int) {
		if depth > 20 || found {
			return
		}
		switch strings.ToLower(h.Get("Content-Transfer-Encoding")) {
		case "quoted-printable":
			body = quotedprintable.NewReader(body)
		case "base64":
			body = base64.NewDecoder(base64.StdEncoding, body)
		}
		data, _ := io.ReadAll(body)
		media, params, _ := mime.ParseMediaType(h.Get("Content-Type"))
		if b := params["boundary"]; strings.HasPrefix(media, "multipart/") && b != "" {
			r := multipart.NewReader(strings.NewReader(string(data)), b)
			for {
				p, err := r.NextRawPart()
				if err != nil {
					break
				}
				walk(p.Header, p, depth+1)
			}
			return
		}
		if media == "message/rfc822" {
			if inner, err := mail.ReadMessage(strings.NewReader(string(data))); err == nil {
				walk(textproto.MIMEHeader(inner.Header), inner.Body, depth+1)
			}
			return
		}
		found = found || linkInInput(string(data), link, extract.Options{})
	}
	walk(textproto.MIMEHeader(msg.Header), msg.Body, 0)
	return found
}
