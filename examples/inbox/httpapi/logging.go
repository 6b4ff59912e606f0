package httpapi

import (
	"context"
	"log/slog"
	"net"
	"net/http"
	"time"
)

// logLine gathers what handlers note about a request, for the one line logged at its end.
type logLine struct{ attrs []any }

type logKey struct{}

// note adds key-value pairs to the request's log line. Handlers note outcomes (a status, a
// type, a count), never content, codes, identifiers or keys.
func note(r *http.Request, kv ...any) {
	if l, ok := r.Context().Value(logKey{}).(*logLine); ok {
		l.attrs = append(l.attrs, kv...)
	}
}

// recorder remembers the status and size of a response.
type recorder struct {
	http.ResponseWriter
	status int
	bytes  int
}

func (r *recorder) WriteHeader(status int) {
	if r.status == 0 {
		r.status = status
	}
	r.ResponseWriter.WriteHeader(status)
}

func (r *recorder) Write(b []byte) (int, error) {
	if r.status == 0 {
		r.status = http.StatusOK
	}
	n, err := r.ResponseWriter.Write(b)
	r.bytes += n
	return n, err
}

// logRequests logs one line per request: method, path (without the query string, which
// carries identifiers), status, size, duration, client address, and the handler's notes.
func logRequests(log *slog.Logger, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		line := &logLine{}
		rec := &recorder{ResponseWriter: w}
		next.ServeHTTP(rec, r.WithContext(context.WithValue(r.Context(), logKey{}, line)))
		if rec.status == 0 {
			rec.status = http.StatusOK
		}
		host, _, _ := net.SplitHostPort(r.RemoteAddr)
		attrs := append([]any{"method", r.Method, "path", r.URL.Path, "status", rec.status,
			"bytes", rec.bytes, "ms", time.Since(start).Milliseconds(), "client", host}, line.attrs...)
		level := slog.LevelInfo
		if rec.status >= 500 {
			level = slog.LevelError
		}
		log.Log(r.Context(), level, "request", attrs...)
	})
}
