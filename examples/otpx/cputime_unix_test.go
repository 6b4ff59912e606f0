//go:build unix

package main

import (
	"syscall"
	"testing"
	"time"
)

// cpuTime returns the CPU time the process has used, in user and system mode. On a machine
// shared with other work, a benchmark's wall time counts the time others held the cores;
// its CPU time does not, and compares across runs (see reportCPU).
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// reportCPU reports the process's CPU time per operation since start, the garbage
// collector's work on other threads included, as cpu-ns/op.
func reportCPU(b *testing.B, start time.Duration) {
	if start == 0 || b.N == 0 {
		return
	}
	b.ReportMetric(float64(cpuTime()-start)/float64(b.N), "cpu-ns/op")
}
