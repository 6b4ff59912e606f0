// Package fuzz holds the native Go fuzz targets over otpkit's public entry points: extract
// (FuzzExtract detects the format; FuzzExtractText and FuzzExtractHTML force one; each
// forces every answer type in turn), htmltext and magiclink. Each is seeded from every
// fixture in ../testdata and from inputs that once gave wrong answers, and checks invariants
// rather than answers: no panic; a code that is one unbroken run of the text as a person sees
// it; a link that comes from the input; the same output for the same input, also after the
// parser read something else; allocation bounded per byte of input.
//
//	go test ./fuzz -run='^$' -fuzz='^FuzzExtract$' -fuzztime=30s
//
// The target for otpx -jsonl line handling, FuzzJSONL, lives beside otpx in examples/otpx.
// Inputs that once failed are kept under testdata/fuzz/<Target>/ and run with every go test.
package fuzz
