package main

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"io"

	"github.com/otpkit/otpkit/extract"
)

// request is one line of -jsonl input.
type request struct {
	ID      json.RawMessage `json:"id"`
	Content *string         `json:"content"`
	Type    string          `json:"type"`
	Source  string          `json:"source"`
	Format  string          `json:"format"`
}

// maxLine bounds one input line: a message at the size limit, escaped as JSON.
const maxLine = 2*extract.DefaultMaxBytes + 4096

// runJSONL answers each line of in with one line on out. Only a failure to read in or write
// out stops it.
func runJSONL(in io.Reader, out io.Writer, defaults extract.Options, explain bool) error {
	r := bufio.NewReaderSize(in, 64<<10)
	w := bufio.NewWriter(out)
	defer w.Flush()
	for {
		line, err := readLine(r)
		if err == nil || errors.Is(err, errLineTooLong) {
			if werr := encode(w, answer(line, err, defaults, explain)); werr != nil {
				return werr
			}
		}
		switch {
		case err == io.EOF:
			return w.Flush()
		case err != nil && !errors.Is(err, errLineTooLong):
			return err
		}
	}
}

var errLineTooLong = fmt.Errorf("line longer than %d bytes", maxLine)

// readLine returns the next line without its end. A line over maxLine is consumed and
// reported as errLineTooLong; the end of the input is io.EOF with no line.
func readLine(r *bufio.Reader) ([]byte, error) {
	var line []byte
	for {
		chunk, err := r.ReadSlice('\n')
		if len(line)+len(chunk) > maxLine {
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

// answer handles one input line.
func answer(line []byte, readErr error, defaults extract.Options, explain bool) output {
	if readErr != nil {
		return output{Error: readErr.Error()}
	}
	if len(line) == 0 {
		return output{Error: "bad line: empty"} // answered all the same: lines pair by position
	}
	var req request
	if err := json.Unmarshal(line, &req); err != nil {
		return output{Error: "bad line: " + err.Error()}
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
	out, _ := extractOne(*req.Content, opts, explain)
	out.ID = req.ID
	return out
}
