// Package extract reads a message a person received when a site asked them to prove who they
// are — an SMS, an app notification, an email as HTML, plain text or a whole RFC 5322
// message — and answers which one-time code to type, or which sign-in link to open, with the
// evidence for that answer.
//
// # Use
//
//	res, err := extract.Extract(content, extract.Options{})
//	switch {
//	case errors.Is(err, extract.ErrNotFound):
//		// nothing to type or open (ErrAmbiguous, a kind of ErrNotFound, when two codes tie)
//	case err != nil:
//		// bad input or options: ErrEmpty, ErrTooLarge (a *SizeError), *OptionError
//	case res.Type == extract.TOTP:
//		fmt.Println(res.Code)
//	case res.Type == extract.MagicLink:
//		fmt.Println(res.Link)
//	}
//
// # How it decides
//
// A whole email (a header block, a blank line, a body) is detected first and read as a mail
// client shows it: its MIME parts decoded to UTF-8, its subject as the first line (a code the
// subject names and the body writes too gains), only the original of a forward; [Result.Sender] reports its sender's domain and the receiving
// server's SPF, DKIM and DMARC verdicts. Otherwise the content is detected as HTML or text.
// The text is turned into normalized lines: HTML through
// [github.com/otpkit/otpkit/htmltext] (hidden preheaders, styles and scripts dropped; links and
// emphasized spans kept), then Unicode decimal digits and full-width forms folded to ASCII.
// Every run of digits that could be typed (4 to 8 digits, "123 456" and "123-456" joined,
// "G-483920" without its prefix) and every letter code (K7PX2Q, qzt4wk, Q7F-4KD, FRT-KQZ, a
// word code such as maple-river-stone) is a candidate code; every http(s) link is a
// candidate link, scored by [github.com/otpkit/otpkit/magiclink].
//
// The message gets its languages from which keyword tables of
// [github.com/otpkit/otpkit/extract/lexicon] match it, and only those tables' words count
// (names for codes count in any language). A candidate code gains score from those words —
// "verification code", "código", "验证码" before or after it, on its line or on the lines
// around — from being set apart (bold, large, letter-spaced, alone on its line) and from a
// WebOTP last line binding it to a site, and loses it for what marks other numbers: dates,
// times, years, amounts and currencies, "order number" and its kin, card endings, masked
// numbers, promotion codes that spell words, and lines that speak of another purpose (a
// meeting ID, a courier, a locker). Each gain and loss is a [Reason] naming one of
// [Rules], so every answer can be explained.
//
// The best code wins when it scores at least [CodeThreshold] and clearly beats any other
// code; a link wins when there is no such code and it scores at least
// [github.com/otpkit/otpkit/magiclink.Threshold]. When evidence is weak there is no answer: a
// wrong code is worse than none. [Options.Type] forces the kind of answer.
package extract
