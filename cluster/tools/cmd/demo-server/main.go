// Command demo-server is the rollout lab's application: an HTTP server that answers with its version
// and pod name, and stops the way common servers do on SIGTERM: it closes its listener at once and
// exits when in-flight requests have finished. Without a preStop delay, requests that kube-proxy
// still routes to it after SIGTERM are refused, which is what the lab measures.
package main

import (
	"context"
	"fmt"
	"log"
	"net"
	"net/http"
	"os"
	"os/signal"
	"strconv"
	"syscall"
	"time"
)

func main() {
	version := envOr("VERSION", "unknown")
	pod := envOr("POD_NAME", envOr("HOSTNAME", "local"))
	delay, _ := strconv.Atoi(envOr("RESPONSE_DELAY_MS", "0"))
	addr := ":" + envOr("PORT", "8080")

	mux := http.NewServeMux()
	mux.HandleFunc("/healthz", func(w http.ResponseWriter, _ *http.Request) { fmt.Fprintln(w, "ok") })
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		if delay > 0 {
			time.Sleep(time.Duration(delay) * time.Millisecond)
		}
		// ?burn=N spends N ms of CPU, so that the lab can drive a CPU-based autoscaler.
		if burn, err := strconv.Atoi(r.URL.Query().Get("burn")); err == nil && burn > 0 && burn <= 1000 {
			spin(time.Duration(burn) * time.Millisecond)
		}
		w.Header().Set("X-Version", version)
		w.Header().Set("X-Pod", pod)
		fmt.Fprintf(w, "version=%s pod=%s\n", version, pod)
	})
	server := &http.Server{Handler: mux, ReadHeaderTimeout: 10 * time.Second}
	listener, err := net.Listen("tcp", addr)
	if err != nil {
		log.Fatal(err)
	}
	log.Printf("demo-server %s (pod %s) listening on %s", version, pod, addr)

	stop := make(chan os.Signal, 1)
	signal.Notify(stop, syscall.SIGTERM, syscall.SIGINT)
	go func() {
		s := <-stop
		log.Printf("%v: closing the listener, finishing in-flight requests", s)
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		defer cancel()
		_ = server.Shutdown(ctx)
	}()
	if err := server.Serve(listener); err != http.ErrServerClosed {
		log.Fatal(err)
	}
	log.Print("stopped")
}

// spin keeps one CPU busy for d of wall time.
func spin(d time.Duration) {
	x := 1
	for end := time.Now().Add(d); time.Now().Before(end); {
		for i := 0; i < 1000; i++ {
			x = x*31 + i
		}
	}
	sink = x
}

var sink int

func envOr(key, fallback string) string {
	if v := os.Getenv(key); v != "" {
		return v
	}
	return fallback
}
