package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/briefbook/briefbook/internal/pipeline"
	"github.com/briefbook/briefbook/internal/serve"
	"github.com/briefbook/briefbook/internal/source"
)

// runServe runs the preview server until SIGINT or SIGTERM, then shuts it
// down gracefully.
func runServe(args []string, stdout, stderr io.Writer, getenv func(string) string) error {
	fs := newFlagSet("serve", "[--addr HOST:PORT] [flags] [PATH...]", stdout)
	addr := fs.String("addr", "127.0.0.1:8080", "listen on `host:port` (another host than the loopback one serves the network: only when asked)")
	maxUpload := fs.String("max-upload", "4M", "largest file a browser may hand over: `size` in bytes or with K, M")
	bf := addBuildFlags(fs, false)
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	opts, _, err := bf.options(getenv, stderr)
	if err != nil {
		return err
	}
	upLimit, err := source.ParseSize(*maxUpload)
	if err != nil || upLimit <= 0 {
		return &usageError{fmt.Sprintf("--max-upload: %q is not a size", *maxUpload)}
	}
	paths := pathArgs(fs)
	files, ws, err := pipeline.SourceFiles(paths, os.Stat, os.ReadDir)
	printWarnings(stderr, ws)
	if err != nil {
		return err
	}
	if err := checkCollisions(files); err != nil {
		return err
	}
	loopback := serve.IsLoopback(*addr)
	srv := serve.New(serve.Config{Paths: paths, Options: opts, MaxUpload: upLimit, AnyHost: !loopback,
		OnBuild: func(path string, b *serve.Built, ws []source.Warning, err error) {
			if err != nil {
				fmt.Fprintf(stderr, "%s briefbook: %s\n", time.Now().Format("15:04:05"), safe(oneLine(err.Error())))
				return
			}
			fmt.Fprintf(stderr, "%s built %s (%s, %s)\n", time.Now().Format("15:04:05"), safe(path),
				fmtDuration(b.Took), countOf(len(ws), "warning", "warnings"))
		}})
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		return &pipeline.InputError{Err: fmt.Errorf("--addr %s: %v", *addr, err)}
	}
	if !loopback {
		fmt.Fprintf(stderr, "briefbook: warning: serving on %s, reachable from other machines; the documents and uploads are open to anyone who can reach it\n", safe(*addr))
	}
	hs := &http.Server{Handler: srv, ReadHeaderTimeout: 10 * time.Second, ReadTimeout: 2 * time.Minute, IdleTimeout: 2 * time.Minute}
	hs.RegisterOnShutdown(srv.Close)
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	go func() {
		if err := srv.Watch(ctx, func(err error) { fmt.Fprintf(stderr, "briefbook: %s\n", safe(err.Error())) }); err != nil && !errors.Is(err, context.Canceled) {
			fmt.Fprintf(stderr, "briefbook: %s (pages will not reload on save)\n", safe(err.Error()))
		}
	}()
	fmt.Fprintf(stdout, "briefbook: serving %s on http://%s/ (Ctrl-C to stop)\n", countOf(len(files), "document", "documents"), ln.Addr())
	errc := make(chan error, 1)
	go func() { errc <- hs.Serve(ln) }()
	select {
	case err := <-errc:
		return fmt.Errorf("serve: %v", err)
	case <-ctx.Done():
	}
	stop()
	sctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := hs.Shutdown(sctx); err != nil {
		return fmt.Errorf("serve: shutdown: %v", err)
	}
	fmt.Fprintln(stderr, "briefbook: server stopped")
	return nil
}

// fmtDuration writes a build time in seconds or milliseconds.
func fmtDuration(d time.Duration) string {
	if d < time.Second {
		return fmt.Sprintf("%d ms", d.Milliseconds())
	}
	return fmt.Sprintf("%.1f s", d.Seconds())
}
