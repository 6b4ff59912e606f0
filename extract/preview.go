package extract

import "github.com/otpkit/otpkit/extract/internal/ruleoff"

// An HTML email's hidden preview text (its preheader) is what the inbox shows beside the
// subject: "Your Acme code is 482913". The opened message may then show the code alone, big
// and bold, under a heading that never names it. The preview is read apart from the body: a
// code it names well supports the same code where the message shows it, and is never an
// answer of its own, since nobody sees it in the opened message.

// maxPreviewCodes bounds the candidates read in a preview, which is short by construction.
const maxPreviewCodes = 16

// previewNamed returns the codes that the preview names well enough to be answers, were it
// a message of its own.
func previewNamed(preview string, off ruleoff.Set) []string {
	if preview == "" {
		return nil
	}
	// The preview is read as a text message of its own, which has no preview.
	found := weighCodes(read(preview, FormatText, 0), off, maxPreviewCodes)
	var named []string
	for _, c := range found {
		if c.score >= CodeThreshold {
			named = append(named, c.value)
		}
	}
	return named
}
