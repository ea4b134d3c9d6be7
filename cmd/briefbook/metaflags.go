package main

import (
	"flag"
	"strings"

	"github.com/briefbook/briefbook/internal/parse"
	"github.com/briefbook/briefbook/internal/render"
)

// metaFlags collects -M key=value, --metadata key=value and the shortcuts
// --title, --author, --date and --marking, in the order given: a later
// value for a key wins. A bad key, date or language is a flag error (one
// line, exit 2) that names the key and lists the known ones.
type metaFlags struct{ list []parse.MetaOverride }

// metaShortcuts are the keys that have a flag of their own.
var metaShortcuts = []string{"title", "author", "date", "marking"}

func addMetaFlags(fs *flag.FlagSet) *metaFlags {
	m := &metaFlags{}
	set := func(s string) error {
		o, err := parse.ParseMetaOverride(s)
		if err != nil {
			return err
		}
		m.list = append(m.list, o)
		return nil
	}
	usage := "set document metadata `key=value`, over the front matter (repeatable; keys: " +
		strings.Join(parse.MetaKeys, ", ") + "; lang for language; keywords a comma list)"
	fs.Func("M", usage, set)
	fs.Func("metadata", "the same as -M `key=value`", set)
	for _, k := range metaShortcuts {
		fs.Func(k, "the same as -M "+k+"=`value`", func(v string) error {
			o, err := parse.NewMetaOverride(k, v)
			if err != nil {
				return err
			}
			m.list = append(m.list, o)
			return nil
		})
	}
	return m
}

// omitFlags are --no-cover, --no-summary, --no-facts and --brief (all
// three), which leave front-matter parts out of the PDF and the EPUB.
type omitFlags struct{ cover, summary, facts, brief *bool }

func addOmitFlags(fs *flag.FlagSet) omitFlags {
	return omitFlags{
		cover:   fs.Bool("no-cover", false, "leave the cover out: the PDF opens with the title on page 1, the EPUB with its title page"),
		summary: fs.Bool("no-summary", false, "leave the summary (key points) out of the PDF and the EPUB"),
		facts:   fs.Bool("no-facts", false, "leave the key facts out of the PDF and the EPUB"),
		brief:   fs.Bool("brief", false, "for short memos: --no-cover --no-summary --no-facts"),
	}
}

func (o omitFlags) value() render.Omit {
	return render.Omit{Cover: *o.cover || *o.brief, Summary: *o.summary || *o.brief, Facts: *o.facts || *o.brief}
}
