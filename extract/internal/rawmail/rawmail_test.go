package rawmail

import (
	"errors"
	"strings"
	"testing"
)

func TestVerdicts(t *testing.T) {
	for _, c := range []struct {
		value, from string
		want        Verdicts
	}{
		{"mx.google.com;\r\n dkim=pass header.i=@acme.com header.s=s1;\r\n spf=pass (google.com: domain of b@em.acme.com designates 1.2.3.4 as permitted sender) smtp.mailfrom=b@em.acme.com;\r\n dmarc=pass (p=REJECT sp=REJECT dis=NONE) header.from=acme.com",
			"acme.com", Verdicts{SPF: "pass", DKIM: "pass", DMARC: "pass"}},
		// The mail service's own signature passes, the sender's fails: the sender's counts.
		{"mx.x.net; dkim=pass header.d=sendgrid.info; dkim=fail header.d=acme.com; spf=softfail; dmarc=fail header.from=acme.com",
			"acme.com", Verdicts{SPF: "softfail", DKIM: "fail", DMARC: "fail"}},
		// Aligned by a parent domain; the unaligned one first.
		{"mx.x.net; dkim=neutral header.d=esp.net; dkim=pass header.d=mail.acme.com", "acme.com", Verdicts{DKIM: "pass"}},
		// No aligned signature: the first.
		{"mx.x.net; dkim=pass header.d=esp.net", "acme.com", Verdicts{DKIM: "pass"}},
		// Microsoft 365: no authserv-id; comments with semicolons and parentheses.
		{"spf=pass (sender IP is 1.2.3.4; see (x)) smtp.mailfrom=acme.com; dkim=pass (signature was verified) header.d=acme.com;dmarc=pass action=none header.from=acme.com;compauth=pass reason=100",
			"acme.com", Verdicts{SPF: "pass", DKIM: "pass", DMARC: "pass"}},
		{"mx.x.net; none", "acme.com", Verdicts{}},
		{"mx.x.net 1; SPF=Fail smtp.mailfrom=acme.com; dkim/1=temperror", "acme.com", Verdicts{SPF: "fail", DKIM: "temperror"}},
	} {
		if got := verdicts(c.value, c.from); got != c.want {
			t.Errorf("verdicts(%q) = %+v, want %+v", c.value, got, c.want)
		}
	}
}

func TestForwardMarkers(t *testing.T) {
	for _, c := range []struct {
		name, text, html, from string
	}{
		{"gmail text", "note 123456\n\n---------- Forwarded message ---------\nFrom: Acme <a@acme.com>\nDate: x\n\nbody", "", "acme.com"},
		{"gmail html", "", `<div>note</div><div class="gmail_attr">---------- Forwarded message ---------<br>From: <strong>Acme</strong> &lt;<a href="mailto:a@acme.com">a@acme.com</a>&gt;<br>`, "acme.com"},
		{"localized", "Hallo\n\n---------- Weitergeleitete Nachricht ---------\nVon: Acme <a@acme.de>\nDatum: Mo., 3. März 2025\n\nbody", "", "acme.de"},
		{"outlook rule", "sig\n________________________________\nFrom: Acme <a@acme.com>\nSent: Monday\nSubject: x\n\nbody", "", "acme.com"},
		{"outlook bare", "sig\n\nFrom: Acme <a@acme.com>\nSent: Monday\nTo: b@c.com\n\nbody", "", "acme.com"},
		{"outlook html", "", `<p>sig</p><div id="divRplyFwdMsg" dir="ltr"><b>From:</b> Acme &lt;a@acme.com&gt;<br><b>Sent:</b>`, "acme.com"},
		{"outlook desktop html", "", `<p>sig</p><p class=MsoNormal><b><span lang=EN-US>From:</span></b><span lang=EN-US> Acme &lt;a@acme.com&gt;<br><b>Sent:</b>`, "acme.com"},
		{"original message", "sig\n-----Original Message-----\nFrom: a@acme.com\nSent: x\n\nbody", "", "acme.com"},
		{"thunderbird html", "", `<p>sig</p><div class="moz-forward-container"><br><br>-------- Forwarded Message --------<table class="moz-email-headers-table" border="0" cellspacing="0" cellpadding="0"><tbody><tr><th valign="BASELINE" nowrap="nowrap" align="RIGHT">Subject: </th><td>Ihr Anmeldecode</td></tr><tr><th valign="BASELINE" nowrap="nowrap" align="RIGHT">Date: </th><td>Mon, 3 Mar 2025 10:14:27 +0100</td></tr><tr><th valign="BASELINE" nowrap="nowrap" align="RIGHT">From: </th><td>Brandt <a class="moz-txt-link-rfc2396E" href="mailto:service@brandt-werkzeug.de">&lt;service@brandt-werkzeug.de&gt;</a></td></tr></tbody></table>`, "brandt-werkzeug.de"},
		{"apple", "sig\n\nBegin forwarded message:\n\n> From: Acme <a@acme.com>\n> Date: March 3, 2025\n", "", "acme.com"},
		{"outlook de", "sig\n\nVon: Brandt <service@brandt.de>\nGesendet: Montag, 3. März 2025 10:14\nAn: a@b.de\nBetreff: Code\n\nbody", "", "brandt.de"},
		{"outlook fr", "sig\n\nDe : Lumio <no-reply@lumio.fr>\nEnvoyé : lundi 3 mars 2025 10:14\nÀ : a@b.fr\n\nbody", "", "lumio.fr"},
		{"outlook es", "sig\n\nDe: Cuenta <hola@cuenta.es>\nEnviado el: lunes, 3 de marzo de 2025 10:14\nPara: a@b.es\n\nbody", "", "cuenta.es"},
		{"outlook it", "sig\n\nDa: Banca <info@banca.it>\nInviato: lunedì 3 marzo 2025 10:14\nA: a@b.it\n\nbody", "", "banca.it"},
		{"outlook nl", "sig\n\nVan: Bank <info@bank.nl>\nVerzonden: maandag 3 maart 2025 10:14\nAan: a@b.nl\n\nbody", "", "bank.nl"},
		{"outlook pl", "sig\n\nOd: Sklep <kontakt@sklep.pl>\nWysłano: poniedziałek, 3 marca 2025 10:14\nDo: a@b.pl\n\nbody", "", "sklep.pl"},
		{"outlook ja", "sig\n\n差出人: ショップ <info@shop.jp>\n送信日時: 2025年3月3日 10:14\n宛先: a@b.jp\n\nbody", "", "shop.jp"},
		{"outlook zh", "sig\n\n发件人: 商城 <service@mall.cn>\n发送时间: 2025年3月3日 10:14\n收件人: a@b.cn\n\nbody", "", "mall.cn"},
		{"outlook de html", "", `<p>sig</p><p class=MsoNormal><b><span lang=DE>Von:</span></b><span lang=DE> Brandt &lt;service@brandt.de&gt;<br><b>Gesendet:</b>`, "brandt.de"},
		{"outlook fr html", "", `<p>sig</p><p class=MsoNormal><b>De&nbsp;:</b> Lumio &lt;no-reply@lumio.fr&gt;<br><b>Envoyé&nbsp;:</b>`, "lumio.fr"},
		{"apple fr", "sig\n\nDébut du message réexpédié :\n\nDe: Lumio <no-reply@lumio.fr>\nObjet: Code\n", "", "lumio.fr"},
		{"apple de html", "", `<div>sig</div><div><br><div>Anfang der weitergeleiteten Nachricht:</div><br><blockquote type="cite"><div><b>Von: </b>Brandt &lt;service@brandt.de&gt;</div>`, "brandt.de"},
		{"thunderbird pl", "sig\n\n--- Treść przekazanej wiadomości ---\nTemat: Kod\nData: 3.03.2025\nNadawca: Sklep <kontakt@sklep.pl>\n\nbody", "", "sklep.pl"},
		{"gmail de", "sig\n\n---------- Weitergeleitete Nachricht ---------\nVon: Brandt <service@brandt.de>\nDate: Mo., 3. März 2025\nSubject: Code\n", "", "brandt.de"},
	} {
		m := &Message{Text: c.text, HTML: c.html}
		cutForward(m)
		if m.Forward == nil || m.Forward.FromDomain != c.from {
			t.Errorf("%s: forward %+v, want one from %s", c.name, m.Forward, c.from)
			continue
		}
		if strings.Contains(m.Text+m.HTML, "sig") || strings.Contains(m.Text+m.HTML, "note") {
			t.Errorf("%s: the forwarder's part is still there: %q %q", c.name, m.Text, m.HTML)
		}
	}
	// Dashes around a title that no header line follows are a layout, not a forward.
	for _, s := range []string{"----- Your code -----\n482913\n", "__________\n\nThanks\n", "From: the team\n\nCode 1",
		"Code 482913\n__________\nQuestions: write to help@acme.com\n", "<!-- ------- header ------- --><p>From: Acme &lt;a@acme.com&gt;</p>",
		"Von: Ihrem Team\nGesendet: heute\n\nCode 1", "De : l'équipe Lumio\n\nVotre code : 482913\n",
		"<p>Tu código: 482913</p><table><tr><td><b>De:</b></td><td>Banco Sol &lt;avisos@bancosol.es&gt;</td></tr></table>"} {
		m := &Message{Text: s, HTML: s}
		if cutForward(m); m.Forward != nil {
			t.Errorf("%q read as a forward", s)
		}
	}
}

func TestParse(t *testing.T) {
	if _, err := Parse("just text, no header", DefaultLimits(1000)); !errors.Is(err, ErrNotMail) {
		t.Errorf("err = %v, want ErrNotMail", err)
	}
	m, err := Parse("Subject: =?ISO-2022-JP?B?GyRCRydfREUqGyhC?= 1\r\nFrom: =?UTF-8?Q?J=C3=BCrgen?= <J@Example.DE>\r\n\r\nx", DefaultLimits(1000))
	if err != nil || m.FromDomain != "example.de" || !strings.HasSuffix(m.Subject, " 1") || strings.Contains(m.Subject, "=?") {
		t.Errorf("Parse = %+v, %v", m, err)
	}
	var le *LimitError
	_, err = Parse("From: a@b.c\nSubject: x\nContent-Type: multipart/mixed; boundary=b\n\n"+strings.Repeat("--b\n\nx\n", 10)+"--b--\n", Limits{MaxDecoded: 100, MaxDepth: 5, MaxParts: 5})
	if !errors.As(err, &le) || le.What != "parts" || !errors.Is(err, ErrLimit) {
		t.Errorf("err = %v, want a parts *LimitError", err)
	}
}

func TestToUTF8(t *testing.T) {
	for _, c := range []struct {
		in, label string
		html      bool
		want      string
	}{
		{"caf\xe9", "", false, "café"},          // no label, not UTF-8: windows-1252
		{"café", "", false, "café"},             // no label, UTF-8
		{"caf\xe9", "x-unknown", false, "café"}, // unknown label
		{"\xa4", "iso-8859-15", false, "€"},     // the euro of Latin-9
		{"<meta charset=koi8-r>\xcb\xcf\xc4", "", true, "<meta charset=koi8-r>код"},
		{"\x1b$B%3!<%I\x1b(B", "ISO-2022-JP", false, "コード"},
	} {
		if got := toUTF8(c.in, c.label, c.html); got != c.want {
			t.Errorf("toUTF8(%q, %q) = %q, want %q", c.in, c.label, got, c.want)
		}
	}
}
