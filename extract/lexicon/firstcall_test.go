package lexicon_test

import (
	"fmt"
	"os"
	"os/exec"
	"runtime"
	"testing"
	"time"

	"github.com/otpkit/otpkit/extract"
)

// firstCallEnv names, in a child process of BenchmarkFirstExtract, the message to answer.
const firstCallEnv = "OTPKIT_FIRST_CALL"

// firstCallMessages are SMS as a short-lived process (a CLI, a serverless function) answers
// them: its first call pays for whatever is built on first use.
var firstCallMessages = map[string]string{
	"sms":      "Your Acme verification code is 482913. It expires in 10 minutes. Do not share it.",
	"sms-link": "Your Acme code is 482913, or sign in with https://acme.com/l/Zx81Ka0Qm3Lp9Rt2 (expires in 10 minutes).",
}

// BenchmarkFirstExtract starts a fresh process per iteration and reports, from inside it,
// the time and allocations of its first extract.Extract call (first-ns/op, first-allocs/op)
// beside the same call once warm (steady-ns/op). ns/op is the whole process: start, the
// first call, the warm calls, exit.
func BenchmarkFirstExtract(b *testing.B) {
	exe, err := os.Executable()
	if err != nil {
		b.Skip(err)
	}
	for _, name := range []string{"sms", "sms-link"} {
		b.Run(name, func(b *testing.B) {
			var first, allocs, steady float64
			for i := 0; i < b.N; i++ {
				cmd := exec.Command(exe, "-test.run=^TestFirstExtractChild$")
				cmd.Env = append(os.Environ(), firstCallEnv+"="+name)
				out, err := cmd.Output()
				if err != nil {
					b.Fatalf("%v: %s", err, out)
				}
				var f, a, s float64
				if _, err := fmt.Sscanf(string(out), "first=%g allocs=%g steady=%g", &f, &a, &s); err != nil {
					b.Fatalf("child said %q: %v", out, err)
				}
				first, allocs, steady = first+f, allocs+a, steady+s
			}
			n := float64(b.N)
			b.ReportMetric(first/n, "first-ns/op")
			b.ReportMetric(allocs/n, "first-allocs/op")
			b.ReportMetric(steady/n, "steady-ns/op")
		})
	}
}

// TestFirstExtractChild is BenchmarkFirstExtract's fresh process; it does nothing otherwise.
func TestFirstExtractChild(t *testing.T) {
	msg, ok := firstCallMessages[os.Getenv(firstCallEnv)]
	if !ok {
		t.Skip("run by BenchmarkFirstExtract")
	}
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	start := time.Now()
	if _, err := extract.Extract(msg, extract.Options{}); err != nil {
		t.Fatal(err)
	}
	first := time.Since(start)
	runtime.ReadMemStats(&after)
	const warm = 200
	start = time.Now()
	for range warm {
		extract.Extract(msg, extract.Options{})
	}
	steady := time.Since(start) / warm
	fmt.Printf("first=%d allocs=%d steady=%d\n", first.Nanoseconds(), after.Mallocs-before.Mallocs, steady.Nanoseconds())
}

// BenchmarkSteadyExtract is the warm call BenchmarkFirstExtract compares the first one with,
// measured in this process.
func BenchmarkSteadyExtract(b *testing.B) {
	for _, name := range []string{"sms", "sms-link"} {
		msg := firstCallMessages[name]
		b.Run(name, func(b *testing.B) {
			extract.Extract(msg, extract.Options{})
			b.ReportAllocs()
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				extract.Extract(msg, extract.Options{})
			}
		})
	}
}
