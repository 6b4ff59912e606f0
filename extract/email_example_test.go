package extract_test

import (
	"fmt"

	"github.com/otpkit/otpkit/extract"
)

// A whole email, as a mail server's pipe hands it over: the header block is detected, the
// quoted-printable body decoded (the soft line break inside the code is undone), and the
// sender's domain and the receiver's verdicts reported.
func ExampleExtract_wholeEmail() {
	raw := "Received: from mail.acme.com by mx.lumenmail.net; Mon, 3 Mar 2025 09:14:27 +0000\r\n" +
		"Authentication-Results: mx.lumenmail.net; spf=pass smtp.mailfrom=acme.com;\r\n" +
		" dkim=pass header.d=acme.com; dmarc=pass header.from=acme.com\r\n" +
		"From: =?UTF-8?Q?Acme_S=C3=A9curit=C3=A9?= <no-reply@acme.com>\r\n" +
		"To: dana@lumenmail.net\r\n" +
		"Subject: Your sign-in code\r\n" +
		"MIME-Version: 1.0\r\n" +
		"Content-Type: text/plain; charset=utf-8\r\n" +
		"Content-Transfer-Encoding: quoted-printable\r\n" +
		"\r\n" +
		"Your Acme verification code is 4829=\r\n13. It expires in 10 minutes.\r\n"
	res, err := extract.Extract(raw, extract.Options{})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(res.Format, res.Code, res.Sender.Domain, res.Sender.SPF, res.Sender.DKIM, res.Sender.DMARC)
	// Output: email 482913 acme.com pass pass pass
}
