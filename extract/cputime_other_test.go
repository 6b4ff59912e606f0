//go:build !unix

package extract

import (
	"testing"
	"time"
)

// cpuTime is unknown here: reportCPU reports nothing.
func cpuTime() time.Duration { return 0 }

// reportCPU reports nothing where the CPU time is unknown.
func reportCPU(b *testing.B, start time.Duration) {}
