package magiclink_test

import (
	"fmt"

	"github.com/otpkit/otpkit/magiclink"
)

func ExampleClassify() {
	for _, l := range []magiclink.Link{
		{URL: "https://app.example.com/auth/magic?token=8fK2xQ9LmZ3vT1pR", Text: "Sign in to Acme", Button: true},
		{URL: "https://app.example.com/unsubscribe?u=42", Text: "Unsubscribe"},
	} {
		v := magiclink.Classify(l)
		fmt.Println(l.Text, v.Score >= magiclink.Threshold, v.Score)
	}
	// Output:
	// Sign in to Acme true 100
	// Unsubscribe false -90
}

func ExampleFindInText() {
	sms := "Tap to sign in to Acme: https://acme.example/m/Ab3dE9. Expires in 15 min."
	for _, f := range magiclink.FindInText(sms) {
		fmt.Println(f.URL)
	}
	// Output: https://acme.example/m/Ab3dE9
}
