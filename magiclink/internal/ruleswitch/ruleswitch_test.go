package ruleswitch

import "testing"

func TestDisable(t *testing.T) {
	if Off("pkg/a") {
		t.Fatal("a rule is off before any Disable")
	}
	r1 := Disable("pkg/a")
	r2 := Disable("pkg/a")
	if !Off("pkg/a") || Off("pkg/b") {
		t.Fatal("Disable switched the wrong rules")
	}
	r1()
	if !Off("pkg/a") {
		t.Fatal("one restore of two turned the rule back on")
	}
	r2()
	if Off("pkg/a") || someOff.Load() {
		t.Fatal("the rule stays off after every restore")
	}
}
