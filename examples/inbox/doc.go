// Package inbox keeps the one-time codes a team's messages carry until a task asks for them:
// the other half of otpkit, the half that a browser-automation service calls.
//
// A message arrives (pushed as JSON, mailed, or texted), otpkit reads its code or sign-in
// link, and the inbox stores it under the identifier it was sent to (an address, a phone
// number) through a [Store]. A task later claims it: newest first, each code handed out
// once, even to two replicas polling the same identifier at the same moment.
//
//	in := inbox.New(store)
//	c, _ := in.Add(ctx, "org_acme", inbox.Push{Identifier: "jane@example.com",
//		Content: "Your Acme sign-in code is 482913"})
//	got, _ := in.Claim(ctx, "org_acme", inbox.Ask{Identifier: "jane@example.com"})
//	fmt.Println(c.Code, got[0].Code) // 482913 482913
//
// Content in which nothing is found is kept as [StatusRawPending], so that a later claim
// that names the type it needs can read it again with that type forced.
//
// The programs that serve an inbox over HTTP and SMTP live in cmd/inbox and cmd/mailpipe.
package inbox
