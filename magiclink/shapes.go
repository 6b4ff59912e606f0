package magiclink

import (
	_ "embed"
	"fmt"
	"net/url"
	"path"
	"strings"
	"sync"
)

//go:embed shapes.txt
var shapesText string

// shape is one line of shapes.txt.
type shape struct {
	name, host, path string
	segments         []string    // path's segments, split once
	query            [][2]string // key, and the value it must have ("" for any)
}

// parseShapes reads shapes.txt.
func parseShapes(text string) ([]shape, error) {
	var out []shape
	for i, line := range strings.Split(text, "\n") {
		line = strings.TrimSpace(line)
		if line == "" || line[0] == '#' {
			continue
		}
		f := strings.Fields(line)
		if len(f) < 3 {
			return nil, fmt.Errorf("shapes.txt:%d: want name, host and path", i+1)
		}
		s := shape{name: f[0], host: strings.ToLower(f[1]), path: f[2]}
		s.segments = strings.Split(strings.Trim(s.path, "/"), "/")
		if _, err := path.Match(s.path, ""); err != nil {
			return nil, fmt.Errorf("shapes.txt:%d: %v", i+1, err)
		}
		for _, q := range f[3:] {
			k, v, _ := strings.Cut(q, "=")
			s.query = append(s.query, [2]string{k, v})
		}
		out = append(out, s)
	}
	return out, nil
}

var shapes = sync.OnceValue(func() []shape {
	s, err := parseShapes(shapesText)
	if err != nil {
		panic(err) // embedded data, checked by the tests
	}
	return s
})

// matchShape returns the name of the first shape u has, or "".
func matchShape(u *url.URL) string {
	host := strings.ToLower(u.Hostname())
	var segments []string // u's path segments, split once the first shape's host matches
	for _, s := range shapes() {
		if s.matches(u, host, &segments) {
			return s.name
		}
	}
	return ""
}

func (s shape) matches(u *url.URL, host string, segments *[]string) bool {
	switch {
	case s.host == "*":
	case strings.HasPrefix(s.host, "*."):
		if !strings.HasSuffix(host, s.host[1:]) {
			return false
		}
	case strings.HasSuffix(s.host, ".*"):
		if !strings.HasPrefix(host, s.host[:len(s.host)-1]) {
			return false
		}
	case host != s.host:
		return false
	}
	if s.path != "*" {
		if *segments == nil {
			*segments = strings.Split(strings.Trim(u.Path, "/"), "/")
		}
		got := *segments
		if len(got) < len(s.segments) {
			return false
		}
		for i, w := range s.segments {
			if ok, _ := path.Match(w, got[i]); !ok {
				return false
			}
		}
	}
	for _, q := range s.query {
		v := queryValue(u, q[0])
		if v == "" || q[1] != "" && !strings.EqualFold(v, q[1]) {
			return false
		}
	}
	return true
}
