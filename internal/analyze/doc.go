// Package analyze is briefbook's analysis stage: it takes a parsed
// document.Document and finds what a briefing needs beside it — generated
// sections for text without headings (Segment), an extractive summary and the
// fact tables (Analyze). Everything is rule-based and deterministic: the same
// document always gives the same result, and every result points back to the
// numbered block (paragraph ID "p7") it came from.
//
// The rules are general, tuned for English; Russian and Kazakh text (Cyrillic)
// passes through every step without breaking it. The small dictionaries the
// rules use (stop words, abbreviations, well-known organisations, a gazetteer)
// are embedded from data/*.txt.
package analyze
