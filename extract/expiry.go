package extract

import (
	"sort"
	"strconv"
	"strings"

	"github.com/otpkit/otpkit/extract/lexicon"
)

// How long the answer stays valid, from what the message says: "valid for 10 minutes",
// "有効期限は5分", "gültig für 15 Minuten". The number stands right before a unit of the
// [duration] tables; the unit's length comes from its stem below. A unit whose stem is not
// listed tells nothing, and the message then says nothing of its expiry.

// unitStems maps the folded stem of a unit of time to its length in seconds. Longer stems
// are tried first, so that "min" is never taken for "mínútur"'s "m".
var unitStems = func() []struct {
	stem    string
	seconds int
} {
	table := map[int][]string{
		1: {"sec", "sek", "seg", "secund", "second", "saniy", "detik", "giay", "giây", "soniya", "másodperc", "masodperc",
			"секунд", "сек", "秒", "초", "δευτ", "ثاني", "ثوان", "שני", "सेकंड", "सेकेंड", "সেকেন্ড", "วินาที"},
		60: {"min", "mín", "dakik", "daqiq", "dəq", "dk", "perc", "menit", "minit", "phut", "phút", "мин", "хв", "мүнөт",
			"分", "분", "λεπτ", "دقي", "دقی", "דק", "मिनट", "मिनिट", "মিনিট", "นาที", "րոպե", "umzuzu", "imizuzu"},
		3600: {"hour", "hr", "heure", "hora", "ora", "ore", "orë", "oră", "uur", "stund", "std", "tunti", "tunnin", "tund", "timm",
			"timer", "tim", "óra", "ora", "godz", "hod", "giờ", "gio", "saat", "sat", "soat", "jam", "saa", "час", "год",
			"сағ", "цаг", "ժամ", "ώρ", "ωρ", "ساع", "שע", "घंट", "ঘণ্টা", "ঘন্টা", "ชั่วโมง", "時間", "小时", "小時", "시간"},
		86400: {"day", "jour", "día", "dia", "dies", "giorn", "tag", "dag", "døgn", "dygn", "dzie", "dni", "dny", "nap", "päiv",
			"ngày", "hari", "siku", "gün", "день", "дн", "дні", "доб", "сутк", "ημέρ", "μέρ", "يوم", "أيام", "ايام", "روز",
			"יום", "ימים", "दिन", "দিন", "วัน", "天", "日", "일"},
	}
	var out []struct {
		stem    string
		seconds int
	}
	for seconds, stems := range table {
		for _, s := range stems {
			out = append(out, struct {
				stem    string
				seconds int
			}{lexicon.Fold(s), seconds})
		}
	}
	sort.Slice(out, func(i, j int) bool {
		if len(out[i].stem) != len(out[j].stem) {
			return len(out[i].stem) > len(out[j].stem)
		}
		return out[i].stem < out[j].stem
	})
	return out
}()

// unitSeconds returns the length of the unit named by word, or 0.
func unitSeconds(word string) int {
	w := lexicon.Fold(word)
	for _, u := range unitStems {
		if strings.HasPrefix(w, u.stem) {
			return u.seconds
		}
	}
	return 0
}

// expiresIn returns how many seconds the message says its code or link stays valid: the
// first duration written as a number right before a unit, or 0.
func expiresIn(m *message) int {
	ks := m.keywords
	if len(ks) == 0 { // none found near codes (a link's message may have no code at all)
		ks, _ = keywordsIn(m.text[:runeStart(m.text, min(len(m.text), 8<<10))], 8<<10)
	}
	for _, k := range ks {
		// A unit may open a longer phrase: "Minuten gültig" is a sign-in phrase that holds
		// one.
		if k.Class&(lexicon.Duration|lexicon.Auth) == 0 {
			continue
		}
		before := strings.TrimRight(m.text[max(0, k.Start-8):k.Start], " -")
		i := len(before)
		for i > 0 && '0' <= before[i-1] && before[i-1] <= '9' {
			i--
		}
		if i == len(before) || len(before)-i > 4 || i > 0 && isAlnum(before[i-1]) {
			continue // no number, a long one, or one inside a word
		}
		n, _ := strconv.Atoi(before[i:])
		word, _, _ := strings.Cut(m.text[k.Start:k.End], " ")
		if s := unitSeconds(word); n > 0 && s > 0 {
			return n * s
		}
	}
	return 0
}
