package rawmail

import (
	"bufio"
	"encoding/base64"
	"io"
	"mime"
	"mime/multipart"
	"mime/quotedprintable"
	"net/textproto"
	"strings"
)

// Parse reads raw, a whole message with its header block, within lim.
//
// Malformed mail is read as far as it goes: a missing or wrong boundary, truncated base64,
// an unknown charset or stray bytes in the header give what could be decoded. The error is
// ErrNotMail when raw has no header field at all, or a *LimitError.
func Parse(raw string, lim Limits) (*Message, error) {
	r := &reader{lim: lim}
	return r.message(raw, 0)
}

// reader carries the counts the limits bound across one message and its attached ones.
type reader struct {
	lim     Limits
	decoded int
	parts   int
}

// bodies collects the text parts of one message, in order, and its first attached message.
type bodies struct {
	html, text []string
	attached   *Message
}

func (r *reader) message(raw string, depth int) (*Message, error) {
	h, body, err := readHeader(raw)
	if err != nil {
		return nil, err
	}
	m := &Message{
		Subject:    decodeHeader(h.Get("Subject")),
		FromDomain: fromDomain(h.Get("From")),
	}
	if ar := h.Values("Authentication-Results"); len(ar) > 0 {
		// The topmost is the one the last receiving server wrote: the one a bridge trusts.
		// Lower ones may come from anyone on the way, the sender included.
		m.Auth = verdicts(ar[0], m.FromDomain)
	}
	var b bodies
	if err := r.part(h, body, depth, &b); err != nil {
		return nil, err
	}
	if a := b.attached; a != nil {
		// Forwarded as an attachment: the original is the message.
		m.Forward = &Forward{Kind: "attached", FromDomain: a.FromDomain, Subject: a.Subject, Auth: a.Auth}
		if a.Forward != nil && a.Forward.FromDomain != "" {
			m.Forward.FromDomain = a.Forward.FromDomain
		}
		m.HTML, m.Text = a.HTML, a.Text
		return m, nil
	}
	m.HTML = strings.Join(b.html, "\n")
	m.Text = strings.Join(b.text, "\n\n")
	cutForward(m)
	return m, nil
}

// readHeader splits raw into its header fields and its body. A header block without a body,
// lines that are not fields and a leading mbox "From " line are tolerated.
func readHeader(raw string) (textproto.MIMEHeader, string, error) {
	raw = strings.TrimLeft(raw, "\r\n")  // blank lines some pipes write before the header
	if strings.HasPrefix(raw, "From ") { // an mbox separator, not a field
		if i := strings.IndexByte(raw, '\n'); i >= 0 {
			raw = raw[i+1:]
		}
	}
	head, body := raw, ""
	if i := headerEnd(raw); i >= 0 {
		head, body = raw[:i], raw[i:]
		body = strings.TrimPrefix(strings.TrimPrefix(body, "\r"), "\n")
	}
	h, err := textproto.NewReader(bufio.NewReader(strings.NewReader(head + "\r\n\r\n"))).ReadMIMEHeader()
	if err != nil {
		// Keep the lines that are fields (and their folded continuations), drop the rest.
		h, err = textproto.NewReader(bufio.NewReader(strings.NewReader(fieldLines(head) + "\r\n\r\n"))).ReadMIMEHeader()
	}
	if err != nil || len(h) == 0 {
		return nil, "", ErrNotMail
	}
	return h, body, nil
}

// headerEnd returns where the blank line that ends the header block starts (its line break
// included in the header), or -1.
func headerEnd(raw string) int {
	for i := 0; i < len(raw); {
		j := strings.IndexByte(raw[i:], '\n')
		if j < 0 {
			return -1
		}
		next := i + j + 1
		rest := raw[next:]
		if strings.HasPrefix(rest, "\n") || strings.HasPrefix(rest, "\r\n") {
			return next
		}
		i = next
	}
	return -1
}

// fieldLines keeps the lines of head that are header fields or fold one.
func fieldLines(head string) string {
	var b strings.Builder
	inField := false
	for _, line := range strings.SplitAfter(head, "\n") {
		t := strings.TrimRight(line, "\r\n")
		switch {
		case t == "":
			continue
		case t[0] == ' ' || t[0] == '\t':
			if !inField {
				continue
			}
		case validFieldName(t):
			inField = true
		default:
			inField = false
			continue
		}
		b.WriteString(t)
		b.WriteString("\r\n")
	}
	return b.String()
}

// validFieldName reports whether line starts with a field name and a colon (RFC 5322
// printable ASCII but the colon, no space before it).
func validFieldName(line string) bool {
	i := strings.IndexByte(line, ':')
	if i <= 0 {
		return false
	}
	for k := 0; k < i; k++ {
		if c := line[k]; c <= ' ' || c > '~' {
			return false
		}
	}
	return true
}

// part reads one MIME entity with header h into b.
func (r *reader) part(h textproto.MIMEHeader, body string, depth int, b *bodies) error {
	r.parts++
	if r.parts > r.lim.MaxParts {
		return &LimitError{What: "parts", Limit: r.lim.MaxParts}
	}
	if depth > r.lim.MaxDepth {
		return &LimitError{What: "depth", Limit: r.lim.MaxDepth}
	}
	media, params := mediaType(h.Get("Content-Type"))
	attachment := false
	if d, _, err := mime.ParseMediaType(h.Get("Content-Disposition")); err == nil && d == "attachment" {
		attachment = true
	}
	switch {
	case strings.HasPrefix(media, "multipart/"):
		return r.multipart(body, params["boundary"], depth, b)
	case media == "message/rfc822" || media == "message/global":
		if b.attached != nil {
			return nil
		}
		inner, err := r.message(transferDecode(h, body), depth+1)
		if err == ErrNotMail {
			return nil
		}
		if err != nil {
			return err
		}
		b.attached = inner
		return nil
	case attachment:
		return nil // a file, not the message
	case media == "text/html":
		s, err := r.decode(h, body, params["charset"], true)
		if err != nil {
			return err
		}
		b.html = append(b.html, s)
	case media == "text/plain":
		s, err := r.decode(h, body, params["charset"], false)
		if err != nil {
			return err
		}
		b.text = append(b.text, s)
	}
	return nil
}

// mediaType reads a Content-Type: text/plain when it is missing or unreadable (RFC 2045's
// default), with what parameters could be read.
func mediaType(v string) (string, map[string]string) {
	if strings.TrimSpace(v) == "" {
		return "text/plain", nil
	}
	media, params, err := mime.ParseMediaType(v)
	if media == "" {
		// A bad parameter makes ParseMediaType give up on all; the type itself is enough.
		media = strings.ToLower(strings.TrimSpace(strings.SplitN(v, ";", 2)[0]))
		if !strings.Contains(media, "/") {
			return "text/plain", nil
		}
	}
	if err != nil && params == nil {
		params = map[string]string{}
	}
	return media, params
}

// multipart reads the parts of a multipart body. Without a boundary, or when the declared
// one never appears, the first "--" delimiter line of the body is taken as the boundary, and
// when there is none either the body is read as plain text.
func (r *reader) multipart(body, boundary string, depth int, b *bodies) error {
	if boundary == "" || !strings.Contains(body, "--"+boundary) {
		boundary = guessBoundary(body)
		if boundary == "" {
			return r.part(textproto.MIMEHeader{}, body, depth+1, b)
		}
	}
	mr := multipart.NewReader(strings.NewReader(body), boundary)
	for {
		p, err := mr.NextRawPart()
		if err != nil {
			return nil // io.EOF, or a truncated or broken part: keep what was read
		}
		data, err := io.ReadAll(p)
		if err != nil && len(data) == 0 {
			return nil
		}
		if err := r.part(p.Header, string(data), depth+1, b); err != nil {
			return err
		}
	}
}

// guessBoundary returns the boundary of the first line that looks like a delimiter.
func guessBoundary(body string) string {
	for len(body) > 0 {
		line := body
		if i := strings.IndexByte(body, '\n'); i >= 0 {
			line, body = body[:i], body[i+1:]
		} else {
			body = ""
		}
		line = strings.TrimRight(line, "\r \t")
		if len(line) > 2 && len(line) <= 72 && strings.HasPrefix(line, "--") && !strings.ContainsAny(line, " \t") {
			return strings.TrimSuffix(line[2:], "--")
		}
	}
	return ""
}

// transferDecode undoes the Content-Transfer-Encoding. What cannot be decoded (a truncated
// or corrupt base64 or quoted-printable body) is kept up to the damage.
func transferDecode(h textproto.MIMEHeader, body string) string {
	var rd io.Reader
	switch strings.ToLower(strings.TrimSpace(h.Get("Content-Transfer-Encoding"))) {
	case "quoted-printable":
		rd = quotedprintable.NewReader(strings.NewReader(body))
	case "base64":
		// The decoder skips line breaks; other white space some senders leave must go too.
		body = strings.Map(func(r rune) rune {
			if r == ' ' || r == '\t' {
				return -1
			}
			return r
		}, body)
		rd = base64.NewDecoder(base64.StdEncoding, strings.NewReader(body))
	default: // 7bit, 8bit, binary, or unknown: as written
		return body
	}
	data, _ := io.ReadAll(rd)
	return string(data)
}

// decode undoes the transfer encoding and the charset of a text part, counting the decoded
// size against the limit.
func (r *reader) decode(h textproto.MIMEHeader, body, label string, html bool) (string, error) {
	s := toUTF8(transferDecode(h, body), label, html)
	r.decoded += len(s)
	if r.decoded > r.lim.MaxDecoded {
		return "", &LimitError{What: "decoded size", Limit: r.lim.MaxDecoded}
	}
	return s, nil
}
