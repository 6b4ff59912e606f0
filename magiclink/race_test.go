//go:build race

package magiclink_test

// underRace: the per-rule test reruns every fixture once per rule, minutes under the race
// detector, and finds no race the single fixture pass does not. .ci/run runs it without.
const underRace = true
