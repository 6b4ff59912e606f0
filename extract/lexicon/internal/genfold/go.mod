module github.com/otpkit/otpkit/extract/lexicon/internal/genfold

go 1.23.0

require golang.org/x/text v0.27.0
