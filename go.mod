module github.com/otpkit/otpkit

go 1.23.0

require (
	github.com/PuerkitoBio/goquery v1.10.3
	github.com/google/go-cmp v0.7.0
	golang.org/x/net v0.42.0
	mvdan.cc/xurls/v2 v2.6.0
)

require (
	github.com/andybalholm/cascadia v1.3.3 // indirect
	golang.org/x/text v0.27.0 // indirect
)
