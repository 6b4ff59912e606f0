package extract

import (
	"math"

	"github.com/otpkit/otpkit/magiclink"
)

// Confidence is a monotone map of a candidate's score onto 0–1: 0.5 at the threshold of
// its kind, rising quickly above it. It orders candidates as their scores do and is not a
// calibrated probability; an answer's confidence also falls as the runner-up comes closer.

// confidenceScale is how many points above the threshold double the odds, roughly.
const confidenceScale = 10.0

// confidence maps a score to 0–1 around threshold, rounded to two decimals.
func confidence(score, threshold int) float64 {
	c := 1 / (1 + math.Exp(-float64(score-threshold)/confidenceScale))
	return math.Round(c*100) / 100
}

// setConfidence fills every candidate's confidence.
func setConfidence(cs []Candidate) {
	for i := range cs {
		threshold := CodeThreshold
		if cs[i].Type == MagicLink {
			threshold = magiclink.Threshold
		}
		cs[i].Confidence = confidence(cs[i].Score, threshold)
	}
}

// answerConfidence is the answer's confidence: its own, scaled down when the runner-up of
// the same kind stands within twice the ambiguity margin.
func answerConfidence(best Candidate, runnerUp *Candidate) float64 {
	c := best.Confidence
	if runnerUp != nil && runnerUp.Score > 0 {
		if gap := best.Score - runnerUp.Score; gap < 2*ambiguityMargin {
			c *= float64(gap) / float64(2*ambiguityMargin)
		}
	}
	return math.Round(c*100) / 100
}
