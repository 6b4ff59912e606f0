package extract

import (
	"cmp"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/otpkit/otpkit/extract/internal/ruleoff"
)

// Extract reads one message and returns the code to type or the link to open.
//
// The error is ErrNotFound (or ErrAmbiguous, which matches ErrNotFound too) when there is
// no answer; the Result then still holds the candidates that were weighed. Bad input gives
// ErrEmpty, an error matching ErrTooLarge, or an *OptionError. Extract never panics, its
// time and memory grow linearly with the content (it weighs at most Options.MaxCandidates
// codes and as many links), its answers are the same in every process, and it is safe for
// concurrent use.
func Extract(content string, opts Options) (Result, error) {
	content, opts, err := prepare(content, opts)
	if err != nil {
		return Result{}, err
	}
	if strings.TrimSpace(content) == "" {
		return Result{}, ErrEmpty
	}
	format := detect(content, opts)
	if format == FormatEmail {
		return extractEmail(content, opts)
	}
	return decide(read(content, format, opts.MaxCandidates), opts, Result{Format: format})
}

// decide weighs every code and link of m and answers, adding to res.
func decide(m *message, opts Options, res Result) (Result, error) {
	var codes []Candidate
	if opts.Type != MagicLink {
		found := weighCodes(m, opts.off, opts.MaxCandidates)
		for _, c := range found {
			scoreDisplay(m, c)
		}
		scoreSubject(m, found)
		codes = mergeCodes(m.text, found)
	}
	var links []Candidate
	var dest destinations
	if opts.Type != TOTP {
		links, dest = linkCandidates(m, opts.off)
	}
	sortCandidates(codes)
	sortCandidates(links)
	setConfidence(codes)
	setConfidence(links)
	res.Candidates = append(append(res.Candidates, codes...), links...)
	sortCandidates(res.Candidates)
	res.Candidates = res.Candidates[:min(len(res.Candidates), MaxExplained)]

	// A clear code first; then a sign-in link; ties between codes, or between links to
	// different places, are no answer. A forced link answer takes the best sign-in link.
	answerable := signInLinks(links, opts.Type == MagicLink)
	if len(codes) > 0 && codes[0].Score >= CodeThreshold {
		if len(codes) > 1 && codes[1].Score >= CodeThreshold && codes[0].Score-codes[1].Score < ambiguityMargin {
			if opts.Type == TOTP || len(answerable) == 0 {
				return res, ErrAmbiguous
			}
		} else {
			res.Type, res.Code = TOTP, codes[0].Value
			if m.origin.host != "" && codes[0].Value == m.text[m.origin.start:m.origin.end] {
				res.Origin = m.origin.host
			}
			res.Confidence = answerConfidence(codes[0], second(codes))
			res.ExpiresIn = expiresIn(m)
			return res, nil
		}
	}
	if len(answerable) > 0 {
		if tiedLinks(answerable, dest) {
			return res, ErrAmbiguous
		}
		best := answerable[0]
		res.Type, res.Link, res.Target = MagicLink, best.Value, best.Target
		res.Confidence = answerConfidence(best, second(answerable))
		res.ExpiresIn = expiresIn(m)
		if opts.SenderDomain != "" {
			if res.Sender == nil {
				res.Sender = &Sender{}
			}
			match := linkDomainMatch(best, opts.SenderDomain)
			res.Sender.LinkDomainMatch = &match
		}
		return res, nil
	}
	return res, ErrNotFound
}

// weighCodes finds the candidate codes of m, at most limit of them (all when limit is 0),
// and scores them by the rules of evidence, those in off switched off.
func weighCodes(m *message, off ruleoff.Set, limit int) []*code {
	found := findCodes(m.text, m.urls, limit)
	m.findKeywords(found)
	found = withoutWords(m, found)
	found = withoutGlued(m, found)
	for _, c := range found {
		c.off = off
	}
	m.previewNamed = previewNamed(m.preview, off)
	scoreCodes(m, found)
	return found
}

// Text returns the normalized visible text Extract reads in content: what the rules and the
// explanations' contexts refer to. It fails as Extract does on bad options or input.
func Text(content string, opts Options) (string, error) {
	content, opts, err := prepare(content, opts)
	if err != nil {
		return "", err
	}
	if strings.TrimSpace(content) == "" {
		return "", ErrEmpty
	}
	if format := detect(content, opts); format == FormatEmail {
		return emailText(content, opts)
	}
	return read(content, detect(content, opts), opts.MaxCandidates).text, nil
}

// prepare checks the options and the size, and makes content valid UTF-8.
func prepare(content string, opts Options) (string, Options, error) {
	opts, err := opts.check()
	if err != nil {
		return "", opts, err
	}
	if len(content) > opts.MaxBytes {
		return "", opts, &SizeError{Size: len(content), Limit: opts.MaxBytes}
	}
	if opts.Format == FormatEmail || opts.Format == FormatAuto && opts.Source != SMS && looksLikeEmail(content) {
		// A whole email keeps its bytes: its parts say in which charset to read them.
		opts.Format = FormatEmail
		return content, opts, nil
	}
	if !utf8.ValidString(content) { // checks eight bytes at a time while they are ASCII
		content = strings.ToValidUTF8(content, "\uFFFD")
	}
	return content, opts, nil
}

// mergeCodes turns candidate codes into Candidates, one per value: a code written twice
// keeps its best reading.
func mergeCodes(text string, found []*code) []Candidate {
	var best bestByValue
	for _, c := range found {
		best.keep(Candidate{Type: TOTP, Value: c.value, Score: c.score, Reasons: c.reasons, Context: context(text, c.start, c.end)})
	}
	return best.list
}

// bestByValue keeps one candidate per value, the best scored, in the order values first
// appear.
type bestByValue struct {
	list  []Candidate
	index map[string]int
}

func (b *bestByValue) keep(c Candidate) {
	if b.index == nil && len(b.list) < 16 {
		// A few candidates are looked through: no map to allocate.
		for i := range b.list {
			if b.list[i].Value == c.Value {
				if c.Score > b.list[i].Score {
					b.list[i] = c
				}
				return
			}
		}
		b.list = append(b.list, c)
		return
	}
	if b.index == nil {
		b.index = make(map[string]int, 2*len(b.list))
		for i, l := range b.list {
			b.index[l.Value] = i
		}
	}
	if i, ok := b.index[c.Value]; ok {
		if c.Score > b.list[i].Score {
			b.list[i] = c
		}
		return
	}
	b.index[c.Value] = len(b.list)
	b.list = append(b.list, c)
}

// second returns the runner-up of cs, or nil.
func second(cs []Candidate) *Candidate {
	if len(cs) < 2 {
		return nil
	}
	return &cs[1]
}

// sortCandidates orders candidates best first; equal scores keep document order.
func sortCandidates(cs []Candidate) {
	slices.SortStableFunc(cs, func(a, b Candidate) int { return cmp.Compare(b.Score, a.Score) })
}

// context returns the line around text[start:end], shortened to about 80 characters
// around it.
func context(text string, start, end int) string {
	const side = 40
	ls, le := lineAt(text, start)
	if end > le {
		end = le
	}
	// A long anchor text is cut too: a context shows where, not everything.
	for n, e := 0, start; e < end; n++ {
		if n == 2*side {
			end = e
			break
		}
		_, size := utf8.DecodeRuneInString(text[e:end])
		e += size
	}
	from, to := start, end
	for n := 0; from > ls && n < side; n++ {
		_, size := utf8.DecodeLastRuneInString(text[ls:from])
		from -= size
	}
	for n := 0; to < le && n < side; n++ {
		_, size := utf8.DecodeRuneInString(text[to:le])
		to += size
	}
	s := text[from:to]
	if from > ls {
		s = "…" + s
	}
	if to < le {
		s += "…"
	}
	return s
}
