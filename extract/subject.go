package extract

// scoreSubject weighs the agreement of an email's subject with its body. A subject that
// alone names a number as the code ("482913 is your Kestrel code"), where the body writes
// that number too, tells which of the body's numbers the sender means: the body may name
// two ("Anti-phishing code: 517720" above "Verification code: 482913") in words that alone
// cannot choose. Every reading of that number gains; one the subject only mentions ("Order
// 4021587: your delivery PIN") or the body alone writes gains nothing.
func scoreSubject(m *message, codes []*code) {
	if m.subjectEnd == 0 {
		return
	}
	named := map[string]bool{}  // values the subject alone reads as the answer
	inBody := map[string]bool{} // values the body writes, not as another kind of number
	for _, c := range codes {
		switch {
		case c.end <= m.subjectEnd && c.score >= CodeThreshold:
			named[c.value] = true
		case c.start > m.subjectEnd && c.score > 0:
			inBody[c.value] = true
		}
	}
	for _, c := range codes {
		if named[c.value] && inBody[c.value] {
			c.add(ruleSubjectAgrees, "")
		}
	}
}
