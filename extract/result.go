package extract

// Result is the answer for one message, with its evidence. JSON names follow the TOTP API, so
// a Result drops into a code record. Every field beyond the answer is optional and omitted
// when empty.
type Result struct {
	Type Type   `json:"otp_type,omitempty"` // TOTP or MagicLink; empty when there is no answer
	Code string `json:"code,omitempty"`     // the code to type, when Type is TOTP
	Link string `json:"link,omitempty"`     // the link to open, byte for byte, when Type is MagicLink

	// Target is where a sign-in link leads when a click tracker wrapped it and the wrapped
	// address could be read offline. Link stays the href as sent: that is what the person
	// opens.
	Target string `json:"target,omitempty"`
	// Origin is the host a WebOTP line ("@example.com #482913") binds the code to.
	Origin string `json:"origin,omitempty"`
	// ExpiresIn is how long, in seconds, the message says the answer stays valid; 0 when it
	// does not say.
	ExpiresIn int `json:"expires_in,omitempty"`
	// Confidence, from 0 to 1, is how sure the answer is; 0 when there is no answer.
	Confidence float64 `json:"confidence,omitempty"`

	// Format is how the content was read: "text", "html" or "email".
	Format Format `json:"format,omitempty"`
	// Sender is what a whole email says of who sent it; nil for anything else.
	Sender *Sender `json:"sender,omitempty"`
	// Candidates are the codes and links considered, best first: at most MaxExplained of
	// them, of the Options.MaxCandidates codes and as many links weighed.
	Candidates []Candidate `json:"candidates,omitempty"`
}

// Sender is what a whole email's headers say of its sender. Nothing is verified over the
// network: the verdicts are those the receiving server wrote in Authentication-Results.
type Sender struct {
	Domain string `json:"domain,omitempty"` // the From: address's domain
	SPF    string `json:"spf,omitempty"`    // "pass", "fail", "softfail", "none", … as reported
	DKIM   string `json:"dkim,omitempty"`
	DMARC  string `json:"dmarc,omitempty"`
	// LinkDomainMatch reports, for a link answer, whether the link's registrable domain (or
	// its unwrapped target's) is the sender's.
	LinkDomainMatch *bool `json:"link_domain_match,omitempty"`
}

// Candidate is one possible answer and why it scored as it did.
type Candidate struct {
	Type  Type   `json:"otp_type"`
	Value string `json:"value"` // the code as typed, or the link as written
	Score int    `json:"score"`
	// Confidence, from 0 to 1, maps Score onto how often such a score is right.
	Confidence float64 `json:"confidence,omitempty"`
	// Kind says what a link is for: "sign_in", "password_reset", "account_change",
	// "unsubscribe", … Only sign-in links are answered. Empty for codes.
	Kind    string   `json:"kind,omitempty"`
	Target  string   `json:"target,omitempty"` // a wrapped link's unwrapped destination
	Reasons []Reason `json:"reasons,omitempty"`
	// Context is the line the candidate stands on, shortened around it.
	Context string `json:"context,omitempty"`
}

// Reason is one piece of evidence for or against a candidate.
type Reason struct {
	Rule   string `json:"rule"`             // what was seen, e.g. "keyword-before"
	Weight int    `json:"weight"`           // how much it moved the score
	Detail string `json:"detail,omitempty"` // the words or characters that were seen
}
