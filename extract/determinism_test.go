package extract

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// determinismInputs are messages whose reading could depend on something of the process:
// custom element names (compared by hash before issue 9, defect 6), map order, memory
// addresses. A sample of the fixtures and crafted markup.
func determinismInputs(t *testing.T) []string {
	paths, _ := filepath.Glob("../testdata/*/*.*")
	var out []string
	for i, p := range paths {
		if strings.HasSuffix(p, ".want") || strings.HasSuffix(p, ".golden") || i%8 != 0 {
			continue
		}
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, string(b))
	}
	var soup strings.Builder
	for i := 0; i < 3000; i++ {
		soup.WriteString(`<x-` + strconv.Itoa(i) + ` style="display:none">code 11` + strconv.Itoa(1000+i) + `</x-` + strconv.Itoa(i*7919%5000) + `>`)
	}
	soup.WriteString("<p>Your verification code is 482913</p>")
	return append(out, soup.String(), "Your code is 482913 or 551203", "<b>code</b> 48 29 13 <o:p>7741</o:p>")
}

// TestDeterminismChild writes what Extract answers for every input, when the parent test
// runs it in a fresh process.
func TestDeterminismChild(t *testing.T) {
	if os.Getenv("OTPKIT_DETERMINISM_CHILD") != "1" {
		t.Skip("run by TestDeterminismAcrossProcesses")
	}
	fmt.Print(answers(t))
}

func answers(t *testing.T) string {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	for _, in := range determinismInputs(t) {
		res, err := Extract(in, Options{})
		enc.Encode(struct {
			Result
			Err string
		}{res, fmt.Sprint(err)})
	}
	return b.String()
}

// TestDeterminismAcrossProcesses: two fresh processes, and this one, give the same answers
// with the same explanations for the same messages.
func TestDeterminismAcrossProcesses(t *testing.T) {
	if os.Getenv("OTPKIT_DETERMINISM_CHILD") == "1" {
		return
	}
	want := answers(t)
	for i := 0; i < 2; i++ {
		cmd := exec.Command(os.Args[0], "-test.run=^TestDeterminismChild$", "-test.count=1")
		cmd.Env = append(os.Environ(), "OTPKIT_DETERMINISM_CHILD=1")
		out, err := cmd.Output()
		if err != nil {
			t.Fatalf("child %d: %v", i, err)
		}
		got := strings.TrimSuffix(string(out), "PASS\n")
		if got != want {
			t.Errorf("process %d answered differently from this one", i+1)
		}
	}
}
