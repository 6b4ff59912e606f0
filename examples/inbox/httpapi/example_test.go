package httpapi_test

import (
	"fmt"

	"github.com/otpkit/otpkit/examples/inbox/httpapi"
)

// The automation service signs each totp_url call with the API key; the inbox checks it.
func ExampleVerifySkyvern() {
	body := []byte(`{"task_id":"tsk_123"}`)
	sig := httpapi.SignSkyvern("key", body) // the x-skyvern-signature header
	fmt.Println(sig)
	fmt.Println(httpapi.VerifySkyvern("key", body, sig), httpapi.VerifySkyvern("other", body, sig))
	// Output:
	// 34491dd838471a725162fbcf3c26b3bece9c937b898b2880cd49cde5856b64da
	// true false
}

// Keys name their organization, or get one derived from the key.
func ExampleParseKeys() {
	for _, k := range httpapi.ParseKeys("acme:sk_live_7f3a9c, sk_live_51be02") {
		fmt.Println(k.Org)
	}
	// Output:
	// acme
	// o_8c4095bd7b30
}
