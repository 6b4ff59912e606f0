//go:build race

package extract

// underRace: the per-rule test reruns every fixture once per rule, minutes under the race
// detector, and finds no race the single fixture pass does not. .ci/run runs it without.
const underRace = true
