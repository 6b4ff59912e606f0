// Package ruleswitch lets tests switch scoring rules off by name, to show that each rule
// changes at least one answer. Production code only ever asks [Off]; nothing but tests calls
// [Disable].
package ruleswitch

import (
	"sync"
	"sync/atomic"
)

var (
	someOff atomic.Bool // fast path: no rule is off
	mu      sync.RWMutex
	off     = map[string]int{}
)

// Off reports whether the rule named name (as "package/rule", e.g. "magiclink/button") is
// switched off.
func Off(name string) bool {
	if !someOff.Load() {
		return false
	}
	mu.RLock()
	defer mu.RUnlock()
	return off[name] > 0
}

// Disable switches the rule named name off until the returned function is called. Tests that
// use it must not run in parallel with tests that expect every rule on.
func Disable(name string) (restore func()) {
	mu.Lock()
	off[name]++
	someOff.Store(true)
	mu.Unlock()
	return func() {
		mu.Lock()
		if off[name]--; off[name] <= 0 {
			delete(off, name)
		}
		someOff.Store(len(off) > 0)
		mu.Unlock()
	}
}
