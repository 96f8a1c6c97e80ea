// Command psc-ferretdb runs FerretDB through its embeddable package.
//
// Building FerretDB's own cmd from the module proxy yields a binary that panics at start
// (its build/version/version.txt is generated in FerretDB's repo, not shipped in the module),
// so the local stack builds this wrapper instead.
package main

import (
	"context"
	"flag"
	"fmt"
	"log/slog"
	"net"
	"net/url"
	"os"
	"os/signal"
	"syscall"

	"github.com/FerretDB/FerretDB/ferretdb"
)

func main() {
	listen := flag.String("listen", "127.0.0.1:27017", "TCP address to listen on")
	handler := flag.String("handler", "postgresql", "backend: postgresql or sqlite")
	pgURL := flag.String("postgresql-url", "postgres://postgres@127.0.0.1:5432/ferretdb", "PostgreSQL URL for the postgresql handler")
	sqliteURL := flag.String("sqlite-url", "file:data/", "SQLite directory URI for the sqlite handler")
	logLevel := flag.String("log-level", "info", "debug, info, warn or error")
	flag.Parse()

	var level slog.Level
	if err := level.UnmarshalText([]byte(*logLevel)); err != nil {
		fail("bad -log-level: %v", err)
	}
	logger := slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: level}))

	// FerretDB itself listens on a private port; clients reach it through the write gate (gate.go).
	cfg := &ferretdb.Config{
		Listener: ferretdb.ListenerConfig{TCP: "127.0.0.1:0"},
		Logger:   logger,
		Handler:  *handler,
	}
	switch *handler {
	case "postgresql":
		cfg.PostgreSQLURL = *pgURL
	case "sqlite":
		cfg.SQLiteURL = *sqliteURL
	default:
		fail("unknown -handler %q (want postgresql or sqlite)", *handler)
	}

	f, err := ferretdb.New(cfg)
	if err != nil {
		fail("%v", err)
	}

	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGTERM, syscall.SIGINT)
	defer stop()

	// New has already bound FerretDB's listener, so its address is known before Run.
	private, err := url.Parse(f.MongoDBURI())
	if err != nil {
		fail("%v", err)
	}
	ln, err := net.Listen("tcp", *listen)
	if err != nil {
		fail("%v", err)
	}
	fmt.Printf("mongodb://%s/\n", ln.Addr())

	go func() {
		if err := newGate(private.Host, logger).serve(ln); err != nil {
			fail("%v", err)
		}
	}()
	go func() {
		<-ctx.Done()
		ln.Close()
	}()

	if err := f.Run(ctx); err != nil {
		fail("%v", err)
	}
}

func fail(format string, args ...any) {
	fmt.Fprintf(os.Stderr, "psc-ferretdb: "+format+"\n", args...)
	os.Exit(1)
}
