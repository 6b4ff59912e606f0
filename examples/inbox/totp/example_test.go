package totp_test

import (
	"fmt"
	"time"

	"github.com/otpkit/otpkit/examples/inbox/totp"
)

// A key from an otpauth:// URI, as a site's QR code holds it.
func ExampleParse() {
	k, err := totp.Parse("otpauth://totp/Pinecrest:jane?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=Pinecrest")
	if err != nil {
		fmt.Println(err)
		return
	}
	t := time.Unix(1111111109, 0)
	fmt.Println(k.At(t), k.ExpiresAt(t).Unix())
	// Output: 081804 1111111110
}
