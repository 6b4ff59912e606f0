// Package ruleoff names the rules of evidence switched off for one call. otpkit's tests
// switch each rule off in turn, to show that every rule decides some fixture's answer; the
// set travels with the call (extract's unexported option, handed down to
// magiclink.ClassifyWithout as a predicate), so nothing global changes and tests may run in
// parallel.
//
// A rule is named "package/rule", as its package's rule table names it: "extract/six-digits",
// "magiclink/button".
package ruleoff

// Set is a set of rules switched off. The zero Set switches nothing off. It is one pointer
// wide, as small as the bit set it replaced in every candidate.
type Set struct {
	names *[]string
}

// Of returns the set of the rules named.
func Of(names ...string) Set {
	c := append([]string(nil), names...)
	return Set{names: &c}
}

// Empty reports whether s switches nothing off.
func (s Set) Empty() bool { return s.names == nil || len(*s.names) == 0 }

// Has reports whether the rule named name of package pkg is switched off. It allocates
// nothing: it is asked for every piece of evidence.
func (s Set) Has(pkg, name string) bool {
	if s.names == nil {
		return false
	}
	for _, n := range *s.names {
		if len(n) == len(pkg)+1+len(name) && n[len(pkg)] == '/' && n[:len(pkg)] == pkg && n[len(pkg)+1:] == name {
			return true
		}
	}
	return false
}
