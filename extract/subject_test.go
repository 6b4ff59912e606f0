package extract

import "testing"

// valueHasReason reports whether the candidate of value v carries rule name.
func valueHasReason(res Result, v, name string) bool {
	for _, c := range res.Candidates {
		if c.Value != v {
			continue
		}
		for _, r := range c.Reasons {
			if r.Rule == name {
				return true
			}
		}
	}
	return false
}

// TestSubjectAgrees: only a number the subject itself names as a code, written in the body
// too, gains; a number the subject mentions as something else, or only the body writes,
// does not; text without a subject never does.
func TestSubjectAgrees(t *testing.T) {
	const head = "From: Orbitel <no-reply@orbitel.com>\r\nTo: a@b.com\r\nMIME-Version: 1.0\r\nContent-Type: text/plain\r\n"
	mail := func(subject, body string) Result {
		res, _ := Extract(head+"Subject: "+subject+"\r\n\r\n"+body, Options{})
		return res
	}
	// The verification code comes first: under the delivery PIN's line it would be read as
	// serving the delivery too (purpose-near).
	body := "Verification code: 482913\r\nYour order 4021587 is on its way.\r\nDelivery PIN: 7342\r\n"
	res := mail("482913 is your Orbitel verification code", body)
	if !valueHasReason(res, "482913", "subject-agrees") {
		t.Errorf("the code the subject names does not gain: %+v", res.Candidates)
	}
	if valueHasReason(res, "7342", "subject-agrees") {
		t.Errorf("a code only the body names gains: %+v", res.Candidates)
	}
	res = mail("Order 4021587: your delivery PIN", body)
	if valueHasReason(res, "4021587", "subject-agrees") {
		t.Errorf("an order number the subject mentions gains: %+v", res.Candidates)
	}
	res, _ = Extract("482913 is your Orbitel verification code\n\n"+body, Options{})
	if valueHasReason(res, "482913", "subject-agrees") {
		t.Errorf("a text's first line read as a subject: %+v", res.Candidates)
	}
}
