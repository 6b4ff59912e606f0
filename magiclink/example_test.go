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
		fmt.Println(l.Text, v.SignIn(), v.Kind, v.Score)
	}
	// Output:
	// Sign in to Acme true sign_in 100
	// Unsubscribe false unsubscribe -190
}

func ExampleFindInText() {
	sms := "Tap to sign in to Acme: https://acme.example/m/Ab3dE9. Expires in 15 min."
	for _, f := range magiclink.FindInText(sms) {
		fmt.Println(f.URL)
	}
	// Output: https://acme.example/m/Ab3dE9
}

func ExampleUnwrap() {
	target, ok := magiclink.Unwrap("https://nam12.safelinks.protection.outlook.com/?url=https%3A%2F%2Fapp.example.com%2Fauth%2Fmagic%3Ftoken%3D8fK2xQ9LmZ3vT1pR&data=05%7C02&reserved=0")
	fmt.Println(target, ok)
	// Output: https://app.example.com/auth/magic?token=8fK2xQ9LmZ3vT1pR true
}
