package main

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/browser"
	"github.com/chromedp/chromedp"
)

// chromium returns the path of a Chromium or Chrome binary; "" when none
// is installed.
func chromium() string {
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return ""
}

// TestServeInBrowser drives Chromium through `briefbook serve`: the index,
// the seed's briefing with its key points and fact tables, a ¶ link that
// scrolls to its paragraph, the PDF download (the bytes `build` writes),
// an upload, and a reload when the source is saved. With -update it saves
// the README's screenshots to docs/img/.
func TestServeInBrowser(t *testing.T) {
	exe := chromium()
	if exe == "" {
		t.Skip("no chromium: the browser test needs Debian's chromium (apt-get install chromium)")
	}
	if testing.Short() {
		t.Skip("browser test skipped in -short mode")
	}
	began := time.Now()
	dir := t.TempDir()
	src := filepath.Join(dir, "src")
	if err := os.Mkdir(src, 0o755); err != nil {
		t.Fatal(err)
	}
	seedData, err := os.ReadFile(seed)
	if err != nil {
		t.Skipf("seed: %v", err)
	}
	copyPath := filepath.Join(src, seedName+".txt")
	if err := os.WriteFile(copyPath, seedData, 0o644); err != nil {
		t.Fatal(err)
	}
	if r := run(t, dir, nil, "build", "-o", "out", "src"); r.code != 0 {
		t.Fatalf("build: exit %d: %s", r.code, r.stderr)
	}
	wantPDF, err := os.ReadFile(filepath.Join(dir, "out", seedName+".pdf"))
	if err != nil {
		t.Fatal(err)
	}

	srv := start(t, dir, "serve", "--addr", "127.0.0.1:0", "src")
	i := srv.waitLine(t, 0, time.Minute, "out: ", "serving 1 document on http://")
	base := regexp.MustCompile(`http://[0-9.:]+`).FindString(srv.output()[i])

	opts := append(chromedp.DefaultExecAllocatorOptions[:], chromedp.ExecPath(exe), chromedp.NoSandbox,
		chromedp.Flag("disable-dev-shm-usage", true), chromedp.WindowSize(1200, 900))
	actx, cancelA := chromedp.NewExecAllocator(context.Background(), opts...)
	defer cancelA()
	ctx, cancelC := chromedp.NewContext(actx)
	defer cancelC()
	ctx, cancelT := context.WithTimeout(ctx, 4*time.Minute)
	defer cancelT()
	do := func(what string, steps ...chromedp.Action[chromedp.Void]) {
		t.Helper()
		if err := chromedp.Do(ctx, steps...); err != nil {
			t.Fatalf("%s: %v", what, err)
		}
	}
	shot := func(name string, width, height int64) {
		t.Helper()
		do("viewport "+name, chromedp.EmulateViewport(width, height), chromedp.Sleep(300*time.Millisecond))
		png, err := chromedp.Run(ctx, chromedp.CaptureScreenshot())
		if err != nil {
			t.Fatalf("screenshot %s: %v", name, err)
		}
		if !bytes.HasPrefix(png, []byte("\x89PNG")) {
			t.Fatalf("screenshot %s is not a PNG", name)
		}
		if *update {
			if err := os.WriteFile(filepath.Join("..", "..", "docs", "img", name), png, 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	evalBool := func(what, expr string) bool {
		t.Helper()
		v, err := chromedp.Run(ctx, chromedp.Evaluate[bool](expr))
		if err != nil {
			t.Fatalf("%s: %v", what, err)
		}
		return v
	}

	// waitJS waits until expr is true in the page, across navigations.
	waitJS := func(what, expr string) {
		t.Helper()
		deadline := time.Now().Add(time.Minute)
		for {
			ok, err := chromedp.Run(ctx, chromedp.Evaluate[bool](expr))
			if err == nil && ok {
				return
			}
			if time.Now().After(deadline) {
				t.Fatalf("%s: still not there after a minute (%v)", what, err)
			}
			time.Sleep(100 * time.Millisecond)
		}
	}

	// The index lists the seed with its title and length.
	docLink := chromedp.CSS(`a[href="/doc/` + seedName + `"]`)
	do("index", chromedp.Navigate(base+"/"), chromedp.WaitVisible(docLink))
	if !evalBool("index text", `document.body.innerText.includes("Main vectors of Kazakhstan's foreign policy") && document.body.innerText.includes("min read")`) {
		t.Error("index lacks the title or the reading time")
	}
	shot("serve-index.png", 1200, 520)

	// The briefing: key points and fact tables visible.
	do("open briefing", chromedp.EmulateViewport(1200, 900), chromedp.Click(docLink),
		chromedp.WaitVisible(chromedp.CSS(`aside.keypoints li`)), chromedp.WaitVisible(chromedp.CSS(`table.facts td`)),
		chromedp.WaitVisible(chromedp.CSS(`nav#toc`)), chromedp.WaitVisible(chromedp.CSS(`#p1`)))
	if !evalBool("page markers", `document.querySelectorAll('span[role="doc-pagebreak"]').length >= 3`) {
		t.Error("no page markers of the PDF edition")
	}
	shot("serve-briefing-1200.png", 1200, 1500)
	shot("serve-briefing-400.png", 400, 1500)
	do("viewport", chromedp.EmulateViewport(1200, 900))

	// A ¶ link in the key points scrolls its paragraph into view.
	target, err := chromedp.Run(ctx, chromedp.Evaluate[string](`(function () {
		var links = document.querySelectorAll('aside.keypoints a.pref');
		var a = links[links.length - 1];
		window.scrollTo(0, 0);
		a.click();
		return a.getAttribute('href');
	})()`))
	if err != nil || !strings.HasPrefix(target, "#p") {
		t.Fatalf("¶ link: %q, %v", target, err)
	}
	do("scroll", chromedp.Sleep(500*time.Millisecond))
	if !evalBool("¶ in view", `(function () {
		var el = document.getElementById(`+"'"+target[1:]+"'"+`);
		var r = el.getBoundingClientRect();
		return location.hash === '`+target+`' && window.scrollY > 0 && r.top >= 0 && r.top < window.innerHeight;
	})()`) {
		t.Errorf("paragraph %s not scrolled into view", target)
	}

	// The PDF button downloads what build writes.
	dl := filepath.Join(dir, "downloads")
	if err := os.Mkdir(dl, 0o755); err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.CallBrowser(ctx, browser.SetDownloadBehavior, browser.SetDownloadBehaviorParams{
		Behavior: browser.SetDownloadBehaviorBehaviorAllow, DownloadPath: dl}); err != nil {
		t.Fatalf("download behaviour: %v", err)
	}
	do("download", chromedp.Click(chromedp.CSS(`a.bb-download[href$="/download/pdf"]`)))
	got := waitFile(t, filepath.Join(dl, seedName+".pdf"), time.Minute)
	if !bytes.HasPrefix(got, []byte("%PDF-")) || !bytes.Equal(got, wantPDF) {
		t.Errorf("downloaded PDF (%d bytes) is not the one build writes (%d bytes)", len(got), len(wantPDF))
	}
	if q, err := exec.LookPath("qpdf"); err == nil {
		if out, err := exec.Command(q, "--check", filepath.Join(dl, seedName+".pdf")).CombinedOutput(); err != nil {
			t.Errorf("qpdf --check: %v\n%s", err, out)
		}
	}

	// Upload a small Markdown file and see its briefing.
	md := filepath.Join(dir, "upload-note.md")
	if err := os.WriteFile(md, []byte(watchDoc), 0o644); err != nil {
		t.Fatal(err)
	}
	do("upload", chromedp.SetUploadFiles(chromedp.CSS(`#bb-upload input[type=file]`), []string{md}))
	waitJS("upload's briefing", `location.pathname.startsWith('/upload/') && document.readyState === 'complete' && document.getElementById('title-h') !== null`)
	loc, _ := chromedp.Run(ctx, chromedp.Location())
	if !strings.Contains(loc, "/upload/") || !evalBool("upload title", `document.getElementById('title-h').textContent === 'Watched note'`) {
		t.Errorf("upload shows %s, not its briefing", loc)
	}
	if entries, _ := os.ReadDir(src); len(entries) != 1 {
		t.Errorf("the upload left %d files in the served folder", len(entries))
	}

	// Saving the source reloads its page.
	do("back to the briefing", chromedp.Navigate(base+"/doc/"+seedName), chromedp.WaitVisible(chromedp.CSS(`h1#title-h`)),
		chromedp.Evaluate[chromedp.Void](`window.bbBeforeReload = true`), chromedp.Sleep(500*time.Millisecond))
	edited := bytes.Replace(seedData, []byte("Main vectors of Kazakhstan's foreign policy"), []byte("Main vectors, edited"), 1)
	if err := os.WriteFile(copyPath, edited, 0o644); err != nil {
		t.Fatal(err)
	}
	waitJS("reload after the save", `window.bbBeforeReload === undefined && document.getElementById('title-h') !== null && document.getElementById('title-h').textContent === 'Main vectors, edited'`)
	t.Logf("browser test took %v", time.Since(began).Round(time.Millisecond))
}

// waitFile waits for a download to complete and returns its bytes.
func waitFile(t *testing.T, path string, d time.Duration) []byte {
	t.Helper()
	deadline := time.Now().Add(d)
	for time.Now().Before(deadline) {
		if _, err := os.Stat(path + ".crdownload"); err != nil {
			if data, err := os.ReadFile(path); err == nil && len(data) > 0 {
				return data
			}
		}
		time.Sleep(100 * time.Millisecond)
	}
	entries, _ := os.ReadDir(filepath.Dir(path))
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	t.Fatalf("download %s not complete after %v (folder holds %q)", filepath.Base(path), d, names)
	return nil
}
