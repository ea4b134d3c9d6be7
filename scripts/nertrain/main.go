// Command nertrain trains the English name tagger of internal/ner from
// IOB2 files and writes its weights.
//
// The embedded model is rebuilt with (see internal/ner/data/SOURCE.md for
// where the files come from):
//
//	go run ./scripts/nertrain -train en_ewt-ud-train.iob2 -dev en_ewt-ud-dev.iob2 \
//	    -o internal/ner/data/en.model
//
// With -test FILE it also prints the scores on a held-apart file; choose
// settings on -dev only.
package main

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"strings"

	"github.com/briefbook/briefbook/internal/ner"
)

func main() {
	train := flag.String("train", "", "training `files` (IOB2 or CoNLL, comma-separated)")
	dev := flag.String("dev", "", "development `file` (IOB2), scored after each epoch")
	test := flag.String("test", "", "held-apart `file` (IOB2), scored once at the end")
	out := flag.String("o", "", "write the model to `file`")
	epochs := flag.Int("epochs", 10, "passes over the training data")
	minWeight := flag.Float64("min-weight", 0, "drop features whose averaged weights are all smaller")
	caps := flag.Int("caps-every", 10, "add a copy in capitals of every n-th sentence (0: none)")
	flag.Parse()
	if err := run(*train, *dev, *test, *out, *epochs, *minWeight, *caps); err != nil {
		fmt.Fprintln(os.Stderr, "nertrain:", err)
		os.Exit(1)
	}
}

// read reads the examples of a comma-separated list of files.
func read(paths string) ([]ner.Example, error) {
	var all []ner.Example
	for _, p := range strings.Split(paths, ",") {
		if p == "" {
			continue
		}
		ex, err := readFile(p)
		if err != nil {
			return nil, err
		}
		all = append(all, ex...)
	}
	return all, nil
}

func readFile(path string) ([]ner.Example, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	ex, err := ner.ReadIOB2(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return ex, nil
}

func run(trainPath, devPath, testPath, out string, epochs int, minWeight float64, caps int) error {
	tr, err := read(trainPath)
	if err != nil {
		return err
	}
	if len(tr) == 0 {
		return fmt.Errorf("no training sentences (-train)")
	}
	dv, err := read(devPath)
	if err != nil {
		return err
	}
	ts, err := read(testPath)
	if err != nil {
		return err
	}
	m := ner.Train(tr, ner.TrainOptions{Epochs: epochs, MinWeight: minWeight, CapsEvery: caps,
		Gazetteer: ner.DefaultGazetteer(),
		Log:       os.Stderr, Dev: dv})
	if len(dv) > 0 {
		fmt.Printf("dev:\n%s", ner.Evaluate(m, dv))
	}
	if len(ts) > 0 {
		fmt.Printf("test:\n%s", ner.Evaluate(m, ts))
	}
	if out == "" {
		return nil
	}
	var b bytes.Buffer
	if _, err := m.WriteTo(&b); err != nil {
		return err
	}
	fmt.Printf("model: %d bytes\n", b.Len())
	return os.WriteFile(out, b.Bytes(), 0o644)
}
