package rawmail

import "flag"

// The module's golden files are rewritten with `go test ./... -update`; this package has none,
// but takes the flag so that the command runs across the whole module.
var _ = flag.Bool("update", false, "rewrite golden files (none in this package)")
