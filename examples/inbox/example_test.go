package inbox_test

import (
	"context"
	"fmt"

	"github.com/otpkit/otpkit/examples/inbox"
	"github.com/otpkit/otpkit/extract"
)

// A message is added as it arrives; a task claims its code later, once.
func Example() {
	ctx := context.Background()
	in := inbox.New(inbox.NewMemoryStore())
	c, _ := in.Add(ctx, "org_acme", inbox.Push{Identifier: "jane@example.com",
		Content: "Your Pinecrest sign-in code is 482913", Source: "sms"})
	fmt.Println(c.Code, c.Status())

	got, _ := in.Claim(ctx, "org_acme", inbox.Ask{Identifier: "jane@example.com"})
	fmt.Println(got[0].Code)
	again, _ := in.Claim(ctx, "org_acme", inbox.Ask{Identifier: "jane@example.com"})
	fmt.Println(len(again))
	// Output:
	// 482913 parsed
	// 482913
	// 0
}

// Content in which nothing is found is kept raw; a claim that needs a link reads it again
// with the type forced.
func ExampleInbox_Claim_forcedType() {
	ctx := context.Background()
	in := inbox.New(inbox.NewMemoryStore())
	c, _ := in.Add(ctx, "org_acme", inbox.Push{Identifier: "jane@example.com",
		Content: "Sign in to Pinecrest: https://app.pinecrest.io/auth/magic?token=9f2c1e7a or enter code 551207 on the sign-in page."})
	fmt.Println(c.OTPType, c.Code)

	got, _ := in.Claim(ctx, "org_acme", inbox.Ask{Identifier: "jane@example.com", Type: extract.MagicLink})
	fmt.Println(got[0].OTPType, got[0].Code)
	// Output:
	// totp 551207
	// magic_link https://app.pinecrest.io/auth/magic?token=9f2c1e7a
}
