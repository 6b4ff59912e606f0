//go:build race

package extract

// linkRulesUnderRace is false under the race detector: switching each link rule off reruns
// the link fixtures some thirty times, minutes with -race, and finds no race the single
// fixture pass does not.
const linkRulesUnderRace = false
