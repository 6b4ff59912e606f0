package extract

// Result is the answer for one message, with its evidence. JSON names follow the TOTP API, so
// a Result drops into a code record.
type Result struct {
	Type Type   `json:"otp_type,omitempty"` // TOTP or MagicLink; empty when there is no answer
	Code string `json:"code,omitempty"`     // the code to type, when Type is TOTP
	Link string `json:"link,omitempty"`     // the link to open, byte for byte, when Type is MagicLink

	// Format is how the content was read: "text" or "html".
	Format Format `json:"format,omitempty"`
	// Candidates are every code and link considered, best first.
	Candidates []Candidate `json:"candidates,omitempty"`
}

// Candidate is one possible answer and why it scored as it did.
type Candidate struct {
	Type    Type     `json:"otp_type"`
	Value   string   `json:"value"` // the code as typed, or the link as written
	Score   int      `json:"score"`
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
