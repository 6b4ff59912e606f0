// Command otpx prints the one-time code or sign-in link in a message, as JSON.
//
//	otpx [-type totp|magic_link] [-source sms|email|app] [-format auto|text|html|email] [-explain] [FILE|-]
//	otpx -jsonl [-explain] [FILE|-]
//
// With a FILE (or "-" or nothing: standard input) it reads one message and prints one JSON
// object, {"otp_type":"totp","code":"123456"} or {"otp_type":"magic_link","link":"https://…"},
// with "candidates" (every code and link weighed, with scores and reasons) under -explain.
// It exits 0 when it found an answer, 1 when it found none (the object then has an
// "error"), and 2 on bad usage, unreadable input or input over the limit of
// extract.DefaultMaxBytes (the object then has an "error" too).
//
// With -jsonl it reads JSON lines {"id":…,"content":…,"type":…,"source":…,"format":…}, all
// but content optional (the flags give their defaults), and writes one line per input line,
// in order: {"id":…,"otp_type":…,"code":…,"link":…,"error":…}, flushed as soon as no
// further line waits, so a client may write one request and wait for its answer. A bad or
// blank line gets an "error" naming what is wrong, with its id whenever the line is an object
// that has one; the others go on. Field names match exactly; a UTF-8 byte order mark is
// skipped. The size limit is on each content as decoded. Lines are answered on every core
// (GOMAXPROCS) and written in input order. It exits 0 unless the input cannot be read.
package main

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/otpkit/otpkit/extract"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

// Exit codes.
const (
	exitFound    = 0
	exitNotFound = 1
	exitUsage    = 2
)

// output is what otpx prints for one message: the result, and the error when there is no
// answer.
type output struct {
	ID json.RawMessage `json:"id,omitempty"`
	extract.Result
	Error string `json:"error,omitempty"`
}

func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("otpx", flag.ContinueOnError)
	fs.SetOutput(stderr)
	typ := fs.String("type", "", "force the kind of answer: totp or magic_link")
	source := fs.String("source", "", "where the message came from: sms, email or app")
	format := fs.String("format", "auto", "how the message is written: auto, text, html or email")
	explain := fs.Bool("explain", false, "print every candidate with its score and reasons")
	jsonl := fs.Bool("jsonl", false, "read JSON lines of messages and write one JSON line each")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: otpx [-type totp|magic_link] [-source sms|email|app] [-format auto|text|html|email] [-explain] [FILE|-]")
		fmt.Fprintln(stderr, "       otpx -jsonl [-type …] [-source …] [-format …] [-explain] [FILE|-]")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return exitUsage // asked for the usage, which is printed: no error to report
		}
		return usageError(stdout, err)
	}
	if fs.NArg() > 1 {
		fs.Usage()
		return usageError(stdout, errors.New("more than one input"))
	}
	opts, err := options(*typ, *source, *format)
	if err != nil {
		fmt.Fprintln(stderr, "otpx:", err)
		return usageError(stdout, err)
	}
	in, closeIn, err := open(fs.Arg(0), stdin)
	if err != nil {
		fmt.Fprintln(stderr, "otpx:", err)
		return usageError(stdout, err)
	}
	defer closeIn()

	if *jsonl {
		if err := runJSONL(in, stdout, opts, *explain); err != nil {
			fmt.Fprintln(stderr, "otpx:", err)
			return exitUsage
		}
		return exitFound
	}

	// One byte past the limit tells that the input is over it, without reading the rest.
	limit := extract.DefaultMaxBytes
	content, err := io.ReadAll(io.LimitReader(in, int64(limit)+1))
	if err != nil {
		fmt.Fprintln(stderr, "otpx:", err)
		return usageError(stdout, err)
	}
	if len(content) > limit {
		err := fmt.Errorf("input is over the limit of %d bytes", limit)
		fmt.Fprintln(stderr, "otpx:", err)
		return usageError(stdout, err)
	}
	out, err := extractOne(string(content), opts, *explain)
	if err := encode(stdout, out); err != nil {
		fmt.Fprintln(stderr, "otpx:", err)
		return exitUsage
	}
	switch {
	case err == nil:
		return exitFound
	case errors.Is(err, extract.ErrNotFound), errors.Is(err, extract.ErrEmpty):
		return exitNotFound
	default:
		fmt.Fprintln(stderr, "otpx:", err)
		return exitUsage
	}
}

// usageError prints err as the JSON object of a run that could not start, so that a caller
// reading standard output learns why, and returns the exit code for bad usage.
func usageError(stdout io.Writer, err error) int {
	encode(stdout, output{Error: "otpx: " + err.Error()}) // exit 2 says it all if this fails
	return exitUsage
}

// open returns the named file, or stdin for "" and "-".
func open(name string, stdin io.Reader) (io.Reader, func(), error) {
	if name == "" || name == "-" {
		return stdin, func() {}, nil
	}
	f, err := os.Open(name)
	if err != nil {
		return nil, nil, err
	}
	return f, func() { f.Close() }, nil
}

// options reads the option flags (or JSON fields) into extract.Options.
func options(typ, source, format string) (extract.Options, error) {
	var opts extract.Options
	var err error
	if opts.Type, err = extract.ParseType(typ); err != nil {
		return opts, err
	}
	if opts.Source, err = extract.ParseSource(source); err != nil {
		return opts, err
	}
	opts.Format, err = extract.ParseFormat(format)
	return opts, err
}

// extractOne runs the extraction and shapes its output.
func extractOne(content string, opts extract.Options, explain bool) (output, error) {
	res, err := extract.Extract(content, opts)
	if !explain {
		res.Candidates = nil
	}
	out := output{Result: res}
	if err != nil {
		out.Error = err.Error()
	}
	return out, err
}

// encode writes v as one line of JSON, URLs as they are (no \u0026 for &).
func encode(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}
