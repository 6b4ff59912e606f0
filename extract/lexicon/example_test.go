package lexicon_test

import (
	"fmt"

	"github.com/otpkit/otpkit/extract/lexicon"
)

func ExampleMatcher_Keywords() {
	text := "Tu CÓDIGO de verificación es 482913. No lo compartas. Promo code SAVE10."
	for _, m := range lexicon.Default().Keywords(text) {
		fmt.Printf("%q %s\n", text[m.Start:m.End], m.Class)
	}
	// Output:
	// "CÓDIGO de verificación" code
	// "es" is
	// "No lo compartas" auth
	// "Promo code" not-code
}
