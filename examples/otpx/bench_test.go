package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/otpkit/otpkit/extract"
)

// BenchmarkJSONL is otpx -jsonl's throughput over backlogs of the fixtures as JSON lines, in
// messages per second, with one worker (the throughput per core) and with a worker per core
// as otpx runs, beside its floor: decoding each line and encoding an answer, without reading
// the message. msgs/cpu-s counts the process's CPU time instead of the wall clock: the
// throughput per core, whatever else runs on the machine.
//
//	go test ./examples/otpx -run '^$' -bench JSONL -benchmem
func BenchmarkJSONL(b *testing.B) {
	for _, in := range []struct{ name, glob string }{
		{"sms", "../../testdata/sms/*.txt"},
		{"html", "../../testdata/email/*.html"},
	} {
		backlog, n := jsonlBacklog(b, in.glob)
		// One worker gives the throughput per core; otpx itself runs a worker per core.
		for _, workers := range []int{1, runtime.GOMAXPROCS(0)} {
			b.Run(fmt.Sprintf("%s/otpx-%dworker", in.name, workers), func(b *testing.B) {
				b.SetBytes(int64(len(backlog)))
				b.ReportAllocs()
				start := cpuTime()
				for i := 0; i < b.N; i++ {
					if err := runJSONLWorkers(bytes.NewReader(backlog), io.Discard, extract.Options{}, false, workers); err != nil {
						b.Fatal(err)
					}
				}
				b.ReportMetric(float64(n*b.N)/b.Elapsed().Seconds(), "msgs/s")
				reportMsgsPerCPU(b, start, n)
			})
		}
		b.Run(in.name+"/decode-encode", func(b *testing.B) {
			b.SetBytes(int64(len(backlog)))
			b.ReportAllocs()
			start := cpuTime()
			for i := 0; i < b.N; i++ {
				for _, line := range bytes.Split(backlog, []byte("\n")) {
					if len(line) == 0 {
						continue
					}
					var req struct {
						ID      json.RawMessage `json:"id"`
						Content string          `json:"content"`
					}
					if err := json.Unmarshal(line, &req); err != nil {
						b.Fatal(err)
					}
					if err := encode(io.Discard, output{ID: req.ID, Error: "none"}); err != nil {
						b.Fatal(err)
					}
				}
			}
			b.ReportMetric(float64(n*b.N)/b.Elapsed().Seconds(), "msgs/s")
			reportMsgsPerCPU(b, start, n)
		})
	}
}

// reportMsgsPerCPU reports messages per second of the process's CPU time (all threads), the
// throughput per core whatever else runs on the machine.
func reportMsgsPerCPU(b *testing.B, start time.Duration, n int) {
	if cpu := cpuTime() - start; start != 0 && cpu > 0 {
		b.ReportMetric(float64(n*b.N)/cpu.Seconds(), "msgs/cpu-s")
	}
}

// jsonlBacklog returns the files matching glob as JSON lines, and how many there are.
func jsonlBacklog(b *testing.B, glob string) ([]byte, int) {
	files, err := filepath.Glob(glob)
	if err != nil || len(files) == 0 {
		b.Fatalf("no files for %s: %v", glob, err)
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	for i, f := range files {
		content, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		line := map[string]any{"id": i, "content": string(content)}
		if strings.Contains(glob, "/sms/") {
			line["source"] = "sms"
		}
		if err := enc.Encode(line); err != nil {
			b.Fatal(err)
		}
	}
	return buf.Bytes(), len(files)
}
