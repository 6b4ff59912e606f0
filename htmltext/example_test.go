package htmltext_test

import (
	"fmt"
	"strings"

	"github.com/PuerkitoBio/goquery"
	"github.com/otpkit/otpkit/htmltext"
)

func ExampleParseString() {
	doc := htmltext.ParseString(`<html><head><title>Sign in</title></head><body>
		<div style="display:none">Your code is 739204</div>
		<table><tr>
			<td>Your code:</td>
			<td style="font-size:32px;letter-spacing:6px"><b>739204</b></td>
		</tr></table>
		<p>Or <a href="https://example.com/login?t=abc&amp;u=42">sign in</a> directly.</p>
	</body></html>`)

	fmt.Printf("%q\n", doc.Text)
	for _, l := range doc.Links {
		fmt.Printf("link %q -> %s\n", l.Text, l.Href)
	}
	for _, s := range doc.Emphasis {
		fmt.Printf("%s: %s\n", s.Style, doc.Text[s.Start:s.End])
	}
	// Output:
	// "Your code:\t739204\nOr sign in directly."
	// link "sign in" -> https://example.com/login?t=abc&u=42
	// bold|large|spaced: 739204
}

func ExampleFromSelection() {
	gq, err := goquery.NewDocumentFromReader(strings.NewReader(`<body>
		<div class="header">Acme</div>
		<div class="content">
			<p>Confirm your address:</p>
			<table><tr><td bgcolor="#0a66c2" style="border-radius:4px">
				<a href="https://acme.example/confirm?id=7">Confirm email</a>
			</td></tr></table>
		</div>
	</body>`))
	if err != nil {
		panic(err)
	}

	doc := htmltext.FromSelection(gq.Find(".content"))
	fmt.Println(doc.Text)
	for _, l := range doc.Links {
		fmt.Println(l.Href, "button:", l.Button)
	}
	// Output:
	// Confirm your address:
	// Confirm email
	// https://acme.example/confirm?id=7 button: true
}

func ExampleStyle_String() {
	fmt.Println(htmltext.Bold | htmltext.Large)
	// Output: bold|large
}

// The hidden preheader an inbox shows beside the subject is kept apart from the text the
// opened message shows.
func ExampleDocument_preview() {
	doc := htmltext.ParseString(`<body>
<div style="display:none;max-height:0;overflow:hidden">Your Acme sign-in code is 482913</div>
<p>Type this in the window you have open:</p>
<p style="font-size:32px"><b>482913</b></p>
</body>`)
	fmt.Printf("preview: %s\n", doc.Preview)
	fmt.Println(doc.Text)
	// Output:
	// preview: Your Acme sign-in code is 482913
	// Type this in the window you have open:
	// 482913
}
