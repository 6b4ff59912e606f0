package extract_test

import (
	"errors"
	"fmt"
	"log"

	"github.com/otpkit/otpkit/extract"
)

func ExampleExtract() {
	sms := "482913 is your Acme verification code. Don't share it. Order #1234 ships 12/03."
	res, err := extract.Extract(sms, extract.Options{Source: extract.SMS})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(res.Type, res.Code)
	// Output: totp 482913
}

func ExampleExtract_magicLink() {
	email := `<p>Click the button to finish signing in.</p>
<a href="https://app.example.com/auth/magic?token=8fK2xQ9LmZ3vT1pR&amp;uid=42" style="background:#1a73e8;padding:12px 20px">Sign in</a>
<p><a href="https://app.example.com/unsubscribe">Unsubscribe</a></p>`
	res, err := extract.Extract(email, extract.Options{})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(res.Type, res.Link)
	// Output: magic_link https://app.example.com/auth/magic?token=8fK2xQ9LmZ3vT1pR&uid=42
}

func ExampleExtract_explain() {
	res, _ := extract.Extract("Your Acme code is 7741", extract.Options{})
	best := res.Candidates[0]
	fmt.Println(best.Value, best.Score)
	for _, r := range best.Reasons {
		fmt.Printf("%+d %s %s\n", r.Weight, r.Rule, r.Detail)
	}
	// Output:
	// 7741 51
	// +6 digits 4
	// +45 keyword-before code
}

func ExampleExtract_notFound() {
	_, err := extract.Extract("Your order #40215877 has shipped. Total: $129.99", extract.Options{})
	fmt.Println(errors.Is(err, extract.ErrNotFound))
	// Output: true
}

// An SMS written for WebOTP binds its code to a site on its last line; the message also says
// how long the code lasts.
func ExampleExtract_origin() {
	sms := "Your Acme code is 482913. It expires in 10 minutes.\n\n@acme.com #482913"
	res, err := extract.Extract(sms, extract.Options{Source: extract.SMS})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(res.Code, res.Origin, res.ExpiresIn)
	// Output: 482913 acme.com 600
}

// Every rule of evidence has a name, a weight and what it reads; explanations name them.
func ExampleRules() {
	for _, r := range extract.Rules()[:2] {
		fmt.Printf("%s %+d\n", r.Name, r.Weight)
	}
	// Output:
	// six-digits +12
	// digits +6
}
