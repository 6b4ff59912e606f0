//go:build !race

package extract

// underRace: see race_test.go.
const underRace = false
