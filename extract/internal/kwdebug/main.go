package main

import (
	"fmt"
	"os"

	"github.com/otpkit/otpkit/extract/lexicon"
)

func main() {
	m := lexicon.Default()
	text := os.Args[1]
	all := m.FindAll(text)
	fmt.Println("langs:", m.LangNames(m.Languages(text, all)))
	for _, k := range all {
		fmt.Printf("  %q %s %v\n", text[k.Start:k.End], k.Class, m.LangNames(k.Langs))
	}
	fmt.Println("keywords:")
	for _, k := range m.Keywords(text) {
		fmt.Printf("  %q %s %v\n", text[k.Start:k.End], k.Class, m.LangNames(k.Langs))
	}
}
