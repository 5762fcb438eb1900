// Package main runs a server.
package main

import (
	"fmt"
	"log"
	"net/http"
	"strings"
)

/* Config holds settings. */
type Config struct {
	Port    int    `json:"port"`
	Host    string `json:"host"`
	Verbose bool
}

type Handler interface {
	ServeHTTP(w http.ResponseWriter, r *http.Request)
}

const (
	defaultPort = 8080
	ratio       = 1.5e-3
	mask        = 0x1F
	octal       = 0755
	imag        = 2i + 1.5i
)

var errNotFound = fmt.Errorf("not found: %s", "x")

func (c *Config) Addr() string {
	return fmt.Sprintf("%s:%d", c.Host, c.Port)
}

func main() {
	cfg := &Config{Port: defaultPort, Host: "localhost"}
	ch := make(chan int, 10)
	defer close(ch)
	go func() {
		for i := range [3]int{} {
			ch <- i
		}
	}()
	select {
	case v, ok := <-ch:
		if !ok || v >= 3 {
			break
		}
	default:
	}
	r := 'x'
	esc := '\n'
	uni := '\u00e9'
	s := "line\tbreak\n \x41 \q"
	raw := `raw
string \n`
	http.HandleFunc("/", func(w http.ResponseWriter, req *http.Request) {
		fmt.Fprintln(w, strings.ToUpper(req.URL.Path), len(raw), r, esc, uni, s, nil, iota)
	})
	log.Fatal(http.ListenAndServe(cfg.Addr(), nil))
}
