package main

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"
	"testing"
	"time"

	"github.com/otpkit/otpkit/extract"
)

// TestJSONLWorkersKeepOrder: answers come in input order whatever the number of workers, byte
// for byte as one worker writes them, also when short and long messages alternate (a long one
// finishes after the short ones read behind it).
func TestJSONLWorkersKeepOrder(t *testing.T) {
	var in strings.Builder
	long := strings.Repeat("Order 40215877 shipped from our warehouse. ", 2000)
	for i := range 300 {
		content := fmt.Sprintf("%06d is your Acme code", 100000+i)
		if i%7 == 0 {
			content = long + content
		}
		fmt.Fprintf(&in, `{"id":%d,"content":%q}`+"\n", i, content)
		if i%50 == 0 {
			in.WriteString("not json\n")
		}
	}
	var one bytes.Buffer
	if err := runJSONLWorkers(strings.NewReader(in.String()), &one, extract.Options{}, false, 1); err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(one.String(), "\n"); n != 306 {
		t.Fatalf("one worker wrote %d lines, want 306", n)
	}
	for _, workers := range []int{2, 3, 8} {
		var many bytes.Buffer
		if err := runJSONLWorkers(strings.NewReader(in.String()), &many, extract.Options{}, false, workers); err != nil {
			t.Fatal(err)
		}
		if many.String() != one.String() {
			t.Errorf("%d workers answer otherwise than one", workers)
		}
	}
}

// TestJSONLAnswersBeforeNextLine: a client that writes one line and waits gets its answer
// before it writes the next, with any number of workers.
func TestJSONLAnswersBeforeNextLine(t *testing.T) {
	for _, workers := range []int{1, 4} {
		inR, inW := io.Pipe()
		outR, outW := io.Pipe()
		done := make(chan error, 1)
		go func() {
			err := runJSONLWorkers(inR, outW, extract.Options{}, false, workers)
			outW.Close()
			done <- err
		}()
		answers := bufio.NewReader(outR)
		for i := range 3 {
			fmt.Fprintf(inW, `{"id":%d,"content":"48291%d is your code"}`+"\n", i, i)
			got := make(chan string, 1)
			go func() { line, _ := answers.ReadString('\n'); got <- line }()
			select {
			case line := <-got:
				if want := fmt.Sprintf(`"code":"48291%d"`, i); !strings.Contains(line, want) {
					t.Errorf("%d workers, line %d: got %q, want %s", workers, i, line, want)
				}
			case <-time.After(10 * time.Second):
				t.Fatalf("%d workers: no answer to line %d while the client waits", workers, i)
			}
		}
		inW.Close()
		if err := <-done; err != nil {
			t.Fatal(err)
		}
	}
}

// failingWriter fails once it has taken n bytes.
type failingWriter struct{ n int }

var errWrite = errors.New("disk full")

func (w *failingWriter) Write(p []byte) (int, error) {
	if len(p) > w.n {
		return 0, errWrite
	}
	w.n -= len(p)
	return len(p), nil
}

// TestJSONLWriteError: a failing output stops the run with its error, without waiting for
// the rest of the input.
func TestJSONLWriteError(t *testing.T) {
	in := strings.Repeat(`{"content":"482913 is your code"}`+"\n", 5000)
	for _, workers := range []int{1, 4} {
		err := runJSONLWorkers(strings.NewReader(in), &failingWriter{n: 100}, extract.Options{}, false, workers)
		if !errors.Is(err, errWrite) {
			t.Errorf("%d workers: error %v, want %v", workers, err, errWrite)
		}
	}
}
