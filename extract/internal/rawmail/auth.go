package rawmail

import "strings"

// verdicts reads one Authentication-Results value (RFC 8601):
//
//	mx.example.net; spf=pass smtp.mailfrom=acme.com; dkim=pass header.d=acme.com; dmarc=pass header.from=acme.com
//
// SPF and DMARC are the first of their kind. DKIM is the first signature of the sender's
// domain (header.d equal to it, or a parent or child of it) when there is one, else the
// first: a message may carry a second signature from the mail service that sent it.
func verdicts(v, fromDomain string) Verdicts {
	var out Verdicts
	dkimAligned := false
	for i, res := range strings.Split(stripComments(v), ";") {
		fields := strings.Fields(res)
		if len(fields) == 0 || i == 0 && !strings.Contains(fields[0], "=") {
			// The first is the authserv-id of the server that wrote it; Microsoft 365
			// writes none and starts with a result.
			continue
		}
		method, result, ok := strings.Cut(fields[0], "=")
		if !ok {
			continue
		}
		method, _, _ = strings.Cut(strings.ToLower(method), "/") // "dkim/1"
		result = strings.ToLower(result)
		switch method {
		case "spf":
			if out.SPF == "" {
				out.SPF = result
			}
		case "dmarc":
			if out.DMARC == "" {
				out.DMARC = result
			}
		case "dkim":
			aligned := aligns(property(fields[1:], "header.d", "header.i"), fromDomain)
			if out.DKIM == "" || aligned && !dkimAligned {
				out.DKIM, dkimAligned = result, aligned
			}
		}
	}
	return out
}

// property returns the value of the first of names among fields ("header.d=acme.com").
func property(fields []string, names ...string) string {
	for _, f := range fields {
		k, v, ok := strings.Cut(f, "=")
		if !ok {
			continue
		}
		for _, n := range names {
			if strings.EqualFold(k, n) {
				return strings.Trim(v, `"`)
			}
		}
	}
	return ""
}

// aligns reports whether domain d (or the domain of an identity "@d") is from or a parent
// or child of it: the relaxed alignment DMARC uses, without a public-suffix list.
func aligns(d, from string) bool {
	d = strings.ToLower(d)
	if i := strings.LastIndexByte(d, '@'); i >= 0 {
		d = d[i+1:]
	}
	if d == "" || from == "" {
		return false
	}
	return d == from || strings.HasSuffix(d, "."+from) || strings.HasSuffix(from, "."+d) && strings.Contains(d, ".")
}

// stripComments removes the parenthesized comments of a header value ("(sender IP is
// 192.0.2.1)"), nested ones too, and the quotes of quoted strings.
func stripComments(v string) string {
	var b strings.Builder
	depth, quoted := 0, false
	for i := 0; i < len(v); i++ {
		c := v[i]
		switch {
		case c == '\\' && i+1 < len(v) && (quoted || depth > 0):
			i++
			if depth == 0 {
				b.WriteByte(v[i])
			}
		case c == '"' && depth == 0:
			quoted = !quoted
		case quoted:
			b.WriteByte(c)
		case c == '(':
			depth++
		case c == ')' && depth > 0:
			depth--
		case depth == 0:
			b.WriteByte(c)
		}
	}
	return b.String()
}
