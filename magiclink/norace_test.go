//go:build !race

package magiclink_test

// underRace: see race_test.go.
const underRace = false
