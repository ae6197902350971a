package serve

// CardUser is the SSH user name a participant card joins with; the card's
// code is the password: ssh card@HOST -p PORT. The password handler
// (auth.go) lets the card in as a participant voting under the card's own
// voter code; a refused card is a failed login like a wrong passcode, and
// the log never names the card.
const CardUser = "card"
