//go:build !race

package extract

// linkRulesUnderRace: see linkrules_race_test.go.
const linkRulesUnderRace = true
