// Package fuzz holds the native Go fuzz targets over otpkit's public entry points: extract,
// htmltext and magiclink. Each is seeded from every fixture in ../testdata and checks
// invariants rather than answers: no panic, answers that come from the input, the same
// output for the same input.
//
//	go test ./fuzz -fuzz=FuzzExtract -fuzztime=30s
//
// Inputs that once failed are kept under testdata/fuzz/<Target>/ and run with every go test.
package fuzz
