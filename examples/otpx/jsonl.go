package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"runtime"
	"strings"
	"sync"

	"github.com/otpkit/otpkit/extract"
)

// request is one line of -jsonl input, its fields as written.
type request struct {
	ID      json.RawMessage
	Content *string
	Type    string
	Source  string
	Format  string
}

// fields are the names a request line may use, exactly as written here: encoding/json would
// take "CONTENT" for "content", and a typo would go unnoticed.
var fields = []string{"id", "content", "type", "source", "format"}

// maxEscape is the most bytes JSON can write one byte of content with: \u00XX.
const maxEscape = 6

// maxOther bounds what a line holds besides its content: the id, the options, the names.
const maxOther = 1 << 20

// lineLimit returns the longest line that can carry content of limit bytes however it is
// escaped. Longer lines are refused without being held in memory; within it, the limit is
// on the content as decoded.
func lineLimit(limit int) int { return maxEscape*limit + maxOther }

// runJSONL answers each line of in with one line on out, in the order of the lines. Only a
// failure to read in or write out stops it. Answers are flushed whenever no whole line waits
// in the input, so a client that writes one request and waits gets its answer.
//
// Lines are answered by a worker per core (GOMAXPROCS) in batches of the lines already
// waiting, at most maxInFlight(workers) batches at a time, and written in input order: a
// backlog is read at the speed of every core, and memory holds at most that many batches.
func runJSONL(in io.Reader, out io.Writer, defaults extract.Options, explain bool) error {
	return runJSONLWorkers(in, out, defaults, explain, runtime.GOMAXPROCS(0))
}

// maxInFlight bounds how many batches are read and not yet written: enough to keep every
// worker busy while the writer waits for the oldest.
func maxInFlight(workers int) int { return 2 * workers }

// A batch closes at maxBatchLines lines or once it holds maxBatchBytes: handing lines one by
// one between goroutines cost a fifth of an SMS's time; a batch pays it once.
const (
	maxBatchLines = 64
	maxBatchBytes = 1 << 20
)

// job is a batch of lines on its way through the workers: their answers arrive in done.
type job struct {
	lines [][]byte
	errs  []error     // the read error each answer reports (a line too long), or nil
	size  int         // bytes in lines
	done  chan []byte // the answers, encoded, a line each
}

func runJSONLWorkers(in io.Reader, out io.Writer, defaults extract.Options, explain bool, workers int) error {
	limit := defaults.MaxBytes
	if limit == 0 {
		limit = extract.DefaultMaxBytes
	}
	workers = max(1, workers)
	jobs := make(chan *job)
	// order carries every job in input order to the writer, and nil where the writer
	// flushes; its capacity bounds the lines in flight.
	order := make(chan *job, maxInFlight(workers))
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				var out bytes.Buffer
				for k, line := range j.lines {
					n := out.Len()
					if err := encode(&out, answer(line, j.errs[k], defaults, explain)); err != nil {
						out.Truncate(n) // an answer always encodes; a line per line all the same
						encode(&out, output{Error: "otpx: " + err.Error()})
					}
				}
				j.done <- out.Bytes()
			}
		}()
	}
	// The writer: answers in input order, flushed where the reader found no waiting line.
	writeErr := make(chan error, 1)
	stop := make(chan struct{}) // closed when the writer fails: the reader stops
	go func() {
		w := bufio.NewWriter(out)
		var err error
		for j := range order {
			if err != nil {
				if j != nil {
					<-j.done // let its worker go on
				}
				continue
			}
			if j == nil {
				err = w.Flush()
			} else {
				_, err = w.Write(<-j.done)
			}
			if err != nil {
				close(stop)
			}
		}
		if err == nil {
			err = w.Flush()
		}
		writeErr <- err
	}()

	readErr := readJobs(in, limit, jobs, order, stop)
	close(jobs)
	close(order)
	wg.Wait()
	if err := <-writeErr; err != nil {
		return err
	}
	return readErr
}

// readJobs reads the lines of in and hands them, in batches of the lines already waiting, to
// the workers and, in order, to the writer, with a flush wherever no whole line waits. It
// returns the error that stopped the reading, nil at the end of the input or when stop is
// closed.
func readJobs(in io.Reader, limit int, jobs, order chan<- *job, stop <-chan struct{}) error {
	r := bufio.NewReaderSize(in, 64<<10)
	first := true
	var batch *job
	// send hands the open batch on; it reports false once the writer has stopped.
	send := func() bool {
		if batch == nil {
			return true
		}
		j := batch
		batch = nil
		select {
		case order <- j:
		case <-stop:
			return false
		}
		jobs <- j // a worker always takes it: workers stop only once jobs is closed
		return true
	}
	for {
		if !lineBuffered(r) {
			// Reading may wait: what was read is answered and flushed first.
			if !send() {
				return nil
			}
			select {
			case order <- nil:
			case <-stop:
				return nil
			}
		}
		line, err := readLine(r, lineLimit(limit))
		if first {
			line, first = bytes.TrimPrefix(line, []byte("\ufeff")), false
		}
		if err == nil || errors.Is(err, errLineTooLong) {
			if batch == nil {
				batch = &job{done: make(chan []byte, 1)}
			}
			batch.lines = append(batch.lines, line)
			batch.errs = append(batch.errs, err)
			batch.size += len(line)
			if len(batch.lines) == maxBatchLines || batch.size >= maxBatchBytes {
				if !send() {
					return nil
				}
			}
		}
		switch {
		case err == io.EOF:
			send()
			return nil
		case err != nil && !errors.Is(err, errLineTooLong):
			send()
			return err
		}
	}
}

// lineBuffered reports whether a whole line is waiting in r: reading it will not block.
func lineBuffered(r *bufio.Reader) bool {
	b, _ := r.Peek(r.Buffered())
	return bytes.IndexByte(b, '\n') >= 0
}

var errLineTooLong = errors.New("line too long")

// readLine returns the next line without its end. A line over max bytes is consumed and
// reported as errLineTooLong; the end of the input is io.EOF with no line.
func readLine(r *bufio.Reader, max int) ([]byte, error) {
	var line []byte
	for {
		chunk, err := r.ReadSlice('\n')
		if len(line)+len(chunk) > max {
			for errors.Is(err, bufio.ErrBufferFull) {
				_, err = r.ReadSlice('\n')
			}
			if err != nil && err != io.EOF {
				return nil, err
			}
			return nil, errLineTooLong
		}
		line = append(line, chunk...)
		switch {
		case errors.Is(err, bufio.ErrBufferFull):
			continue
		case err == io.EOF && len(line) > 0:
			return trimLine(line), nil
		case err != nil:
			return nil, err
		}
		return trimLine(line), nil
	}
}

func trimLine(b []byte) []byte {
	for len(b) > 0 && (b[len(b)-1] == '\n' || b[len(b)-1] == '\r' || b[len(b)-1] == ' ' || b[len(b)-1] == '\t') {
		b = b[:len(b)-1]
	}
	return b
}

// decodeRequest reads one line into a request: an object whose names are exactly those of
// fields, and whose content, type, source and format are strings (or null). The id comes
// back whenever the line is an object with an id, whatever else is wrong with it.
func decodeRequest(line []byte) (request, error) {
	var req request
	var obj map[string]json.RawMessage
	if err := json.Unmarshal(line, &obj); err != nil {
		var typeErr *json.UnmarshalTypeError
		if errors.As(err, &typeErr) {
			return req, errors.New("not a JSON object")
		}
		return req, err
	}
	if obj == nil {
		return req, errors.New("not a JSON object")
	}
	req.ID = obj["id"]
	for name := range obj {
		known := false
		for _, f := range fields {
			known = known || name == f
		}
		if known {
			continue
		}
		for _, f := range fields {
			if strings.EqualFold(name, f) {
				return req, fmt.Errorf("unknown field %q (field names are lower-case: %q)", name, f)
			}
		}
	}
	str := func(name string) (*string, error) {
		raw, ok := obj[name]
		if !ok || string(raw) == "null" {
			return nil, nil
		}
		var s string
		if err := json.Unmarshal(raw, &s); err != nil {
			return nil, fmt.Errorf("%q is not a string", name)
		}
		return &s, nil
	}
	var err error
	if req.Content, err = str("content"); err != nil {
		return req, err
	}
	for _, f := range []struct {
		name string
		to   *string
	}{{"type", &req.Type}, {"source", &req.Source}, {"format", &req.Format}} {
		s, err := str(f.name)
		if err != nil {
			return req, err
		}
		if s != nil {
			*f.to = *s
		}
	}
	return req, nil
}

// answer handles one input line.
func answer(line []byte, readErr error, defaults extract.Options, explain bool) output {
	limit := defaults.MaxBytes
	if limit == 0 {
		limit = extract.DefaultMaxBytes
	}
	if readErr != nil {
		return output{Error: fmt.Sprintf("bad line: line longer than %d bytes, more than content within the limit of %d bytes takes", lineLimit(limit), limit)}
	}
	if len(line) == 0 {
		return output{Error: "bad line: empty"} // answered all the same: lines pair by position
	}
	req, err := decodeRequest(line)
	if err != nil {
		return output{ID: req.ID, Error: "bad line: " + err.Error()}
	}
	if req.Content == nil {
		return output{ID: req.ID, Error: `bad line: no "content"`}
	}
	opts, err := options(req.Type, req.Source, req.Format)
	if err != nil {
		return output{ID: req.ID, Error: err.Error()}
	}
	if req.Type == "" {
		opts.Type = defaults.Type
	}
	if req.Source == "" {
		opts.Source = defaults.Source
	}
	if req.Format == "" {
		opts.Format = defaults.Format
	}
	opts.MaxBytes = defaults.MaxBytes
	out, _ := extractOne(*req.Content, opts, explain)
	out.ID = req.ID
	return out
}
