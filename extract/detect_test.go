package extract

import (
	"strings"
	"testing"
)

// TestDetectByStructure: HTML is told by its structure, wherever its first tag stands and
// whichever elements it is made of, so that text hidden by its styles never counts as
// evidence (issue 9, defect 3).
func TestDetectByStructure(t *testing.T) {
	const hidden = `<div style="display:none">Your verification code is 111111</div>`
	const shown = `<p>Your verification code is 222222</p>`
	tests := map[string]string{
		"64 KB of leading spaces": strings.Repeat(" ", 64<<10) + "<html><body>" + hidden + shown + "</body></html>",
		"long leading comment":    "<!--" + strings.Repeat("x", 70<<10) + "-->" + "<html><body>" + hidden + shown,
		"MSO block first": "<!--[if mso]><xml><o:OfficeDocumentSettings><o:AllowPNG/></o:OfficeDocumentSettings></xml><![endif]-->" +
			strings.Repeat("\n", 70<<10) + hidden + shown,
		"list elements":  `<ul><li style="display:none">Your verification code is 111111</li><li>Your verification code is 222222</li></ul>`,
		"section and em": `<section><em style="display:none">Your verification code is 111111</em> Your verification code is 222222</section>`,
		"style element":  `<style>.x{display:none}</style><code style="display:none">Your verification code is 111111</code><code>Your verification code is 222222</code>`,
		"custom elements": `<x-card><x-hide style="display:none">Your verification code is 111111</x-hide>` +
			`<x-row>Your verification code is 222222</x-row></x-card>`,
	}
	for name, content := range tests {
		if got := detect(content, Options{}); got != FormatHTML {
			t.Errorf("%s: detect = %q, want html", name, got)
		}
		res, err := Extract(content, Options{})
		if err != nil || res.Code != "222222" {
			t.Errorf("%s: Extract = %q, %v; want the visible code 222222", name, res.Code, err)
		}
	}
	for _, text := range []string{
		"Hi <first-name>, your code is 123456",
		"Sign in at <https://acme.com/login> with code 123456",
		"Write to Ann <ann@acme.com>, code 123456",
		strings.Repeat("word ", 20<<10) + "<div>late</div>", // past the head of the input
	} {
		if got := detect(text, Options{}); got != FormatText {
			t.Errorf("detect(%.60q) = %q, want text", text, got)
		}
	}
}
