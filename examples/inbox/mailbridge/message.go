package mailbridge

// This file reads a whole RFC 5322 message with the standard library only, well enough to
// find who the message was for (Recipient) and, for a message Push cannot store raw (too
// large, or 8-bit bytes), the body a code is in. Every other message goes to otpkit whole:
// its reader knows forwards, charsets and Authentication-Results, this one does not.

import (
	"bytes"
	"encoding/base64"
	"fmt"
	"io"
	"mime"
	"mime/multipart"
	"mime/quotedprintable"
	"net/mail"
	"strings"
	"unicode/utf8"
)

// Message is what the bridge needs of an email.
type Message struct {
	Subject      string
	Body         string // the HTML part if there is one, else the plain text, decoded to UTF-8
	SenderDomain string // the From: address's domain, lower case
	Header       mail.Header
}

// maxDepth bounds the nesting of multipart bodies the reader follows.
const maxDepth = 8

// Parse reads a raw message. A message whose headers cannot be read at all is an error; a
// body it cannot decode is kept as it is, so that nothing is lost.
func Parse(raw []byte) (Message, error) {
	m, err := mail.ReadMessage(bytes.NewReader(raw))
	if err != nil {
		return Message{}, err
	}
	dec := &mime.WordDecoder{CharsetReader: charsetReader}
	msg := Message{Header: m.Header}
	if s, err := dec.DecodeHeader(m.Header.Get("Subject")); err == nil {
		msg.Subject = s
	} else {
		msg.Subject = m.Header.Get("Subject")
	}
	if from, err := mail.ParseAddress(m.Header.Get("From")); err == nil {
		if _, domain, ok := strings.Cut(from.Address, "@"); ok {
			msg.SenderDomain = strings.ToLower(domain)
		}
	}
	var html, text string
	walk(m.Header.Get("Content-Type"), m.Header.Get("Content-Transfer-Encoding"), "", m.Body, 0, &html, &text)
	switch {
	case html != "":
		msg.Body = html
	case text != "":
		msg.Body = text
		if msg.Subject != "" { // codes often stand in the subject of plain mail
			msg.Body = msg.Subject + "\n\n" + text
		}
	default:
		msg.Body = msg.Subject
	}
	return msg, nil
}

// walk finds the first HTML and the first plain-text part that are not attachments.
func walk(contentType, encoding, disposition string, body io.Reader, depth int, html, text *string) {
	if strings.HasPrefix(strings.ToLower(strings.TrimSpace(disposition)), "attachment") {
		return
	}
	mediaType, params, err := mime.ParseMediaType(contentType)
	if err != nil {
		mediaType, params = "text/plain", map[string]string{} // RFC 2045's default
	}
	if strings.HasPrefix(mediaType, "multipart/") {
		if depth >= maxDepth || params["boundary"] == "" {
			return
		}
		mr := multipart.NewReader(body, params["boundary"])
		for {
			p, err := mr.NextRawPart()
			if err != nil {
				return
			}
			walk(p.Header.Get("Content-Type"), p.Header.Get("Content-Transfer-Encoding"),
				p.Header.Get("Content-Disposition"), p, depth+1, html, text)
		}
	}
	var dst *string
	switch mediaType {
	case "text/html":
		dst = html
	case "text/plain":
		dst = text
	default:
		return
	}
	if *dst != "" {
		return
	}
	b, _ := io.ReadAll(decodeTransfer(encoding, body)) // a broken tail still leaves the head
	*dst = toUTF8(b, params["charset"])
}

// decodeTransfer undoes a Content-Transfer-Encoding.
func decodeTransfer(encoding string, r io.Reader) io.Reader {
	switch strings.ToLower(strings.TrimSpace(encoding)) {
	case "quoted-printable":
		return quotedprintable.NewReader(r)
	case "base64":
		return base64.NewDecoder(base64.StdEncoding, &skipSpace{r: r})
	}
	return r
}

// skipSpace drops the line breaks and spaces that split base64 text into lines.
type skipSpace struct{ r io.Reader }

func (s *skipSpace) Read(p []byte) (int, error) {
	for {
		n, err := s.r.Read(p)
		k := 0
		for _, c := range p[:n] {
			if c != '\r' && c != '\n' && c != ' ' && c != '\t' {
				p[k] = c
				k++
			}
		}
		if k > 0 || err != nil {
			return k, err
		}
	}
}

// toUTF8 decodes the charsets the standard library can: UTF-8 and ASCII as they are,
// Latin-1 and Windows-1252 byte by byte. Other charsets pass through: the digits of a code
// are ASCII in all of them.
func toUTF8(b []byte, charset string) string {
	switch strings.ToLower(charset) {
	case "iso-8859-1", "latin1", "iso_8859-1", "windows-1252", "cp1252":
		if !utf8.Valid(b) {
			var sb strings.Builder
			for _, c := range b {
				sb.WriteRune(rune(c))
			}
			return sb.String()
		}
	}
	return string(b)
}

// charsetReader decodes Windows-1252 encoded words (UTF-8, ASCII and Latin-1 the standard
// library decodes itself); any other charset is refused and the header kept raw.
func charsetReader(charset string, r io.Reader) (io.Reader, error) {
	switch strings.ToLower(charset) {
	case "windows-1252", "cp1252":
		b, err := io.ReadAll(r)
		if err != nil {
			return nil, err
		}
		return strings.NewReader(toUTF8(b, charset)), nil
	}
	return nil, fmt.Errorf("charset %q not decoded", charset)
}
