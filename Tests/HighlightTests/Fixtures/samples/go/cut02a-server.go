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