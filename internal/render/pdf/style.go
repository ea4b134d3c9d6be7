package pdf

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io/fs"
	"maps"
	"slices"
	"strconv"
	"strings"

	"github.com/briefbook/briefbook/assets"
)

// defaultStyleFile is the embedded default style.
const defaultStyleFile = "styles/default.json"

// Style is the print style, read from assets/styles/default.json and
// overridden key by key by render.Options.Style. Lengths named like margins,
// indents, gaps and paddings are in millimetres; sizes, leadings and spaces
// are in points; colours are "#RRGGBB".
type Style struct {
	Page struct {
		MarginLeft   float64 `json:"margin_left"`   // mm
		MarginRight  float64 `json:"margin_right"`  // mm
		MarginTop    float64 `json:"margin_top"`    // mm
		MarginBottom float64 `json:"margin_bottom"` // mm
		HeaderY      float64 `json:"header_y"`      // mm from the top: baseline of the running header
		FooterY      float64 `json:"footer_y"`      // mm from the bottom: baseline of the footer
		MarkingY     float64 `json:"marking_y"`     // mm from top and bottom: baseline of the marking
	} `json:"page"`
	// Fonts maps a role to a font file: one in assets.FS, or a file on
	// disk named relative to the style file (pipeline.LoadFonts opens
	// those). Fallback names font files tried, in order, for characters
	// the role faces lack.
	Fonts struct {
		Serif       string   `json:"serif"`
		SerifBold   string   `json:"serif_bold"`
		SerifItalic string   `json:"serif_italic"`
		Sans        string   `json:"sans"`
		SansBold    string   `json:"sans_bold"`
		SansItalic  string   `json:"sans_italic"`
		Mono        string   `json:"mono"`
		Fallback    []string `json:"fallback"`
	} `json:"fonts"`
	Colors struct {
		Text           string `json:"text"`
		Accent         string `json:"accent"`
		Grey           string `json:"grey"`
		Hairline       string `json:"hairline"`
		Tint           string `json:"tint"`
		Zebra          string `json:"zebra"`
		CodeBackground string `json:"code_background"`
		Marking        string `json:"marking"`
	} `json:"colors"`
	Body struct {
		Size           float64 `json:"size"`
		Leading        float64 `json:"leading"`
		ParagraphSpace float64 `json:"paragraph_space"`
		ParaNumberSize float64 `json:"para_number_size"`
		ParaNumberGap  float64 `json:"para_number_gap"` // mm between the ¶ number and the text
	} `json:"body"`
	// Headings holds levels 1, 2, 3…; deeper levels use the last entry.
	Headings  []HeadingStyle `json:"headings"`
	Furniture struct {
		Size        float64 `json:"size"`
		MarkingSize float64 `json:"marking_size"`
	} `json:"furniture"`
	List struct {
		Indent    float64 `json:"indent"`     // mm per nesting level
		MarkerGap float64 `json:"marker_gap"` // mm between marker and text
	} `json:"list"`
	Quote struct {
		Indent    float64 `json:"indent"`     // mm
		RuleWidth float64 `json:"rule_width"` // mm
		RuleGap   float64 `json:"rule_gap"`   // mm between the rule and the text
	} `json:"quote"`
	Table struct {
		Size        float64 `json:"size"`
		Leading     float64 `json:"leading"`
		Padding     float64 `json:"padding"` // mm
		CaptionSize float64 `json:"caption_size"`
	} `json:"table"`
	Code struct {
		Size    float64 `json:"size"`
		Leading float64 `json:"leading"`
		Padding float64 `json:"padding"` // mm
	} `json:"code"`
	Footnote struct {
		Size    float64 `json:"size"`
		Leading float64 `json:"leading"`
	} `json:"footnote"`
	Cover struct {
		Label          string  `json:"label"`
		TitleSize      float64 `json:"title_size"`
		TitleLeading   float64 `json:"title_leading"`
		SubtitleSize   float64 `json:"subtitle_size"`
		MetaSize       float64 `json:"meta_size"`
		WordsPerMinute int     `json:"words_per_minute"`
	} `json:"cover"`
	Front struct {
		HeadingSize     float64 `json:"heading_size"`
		BulletSize      float64 `json:"bullet_size"`
		BulletLeading   float64 `json:"bullet_leading"`
		RefSize         float64 `json:"ref_size"`
		TileValueSize   float64 `json:"tile_value_size"`
		TileLabelSize   float64 `json:"tile_label_size"`
		TilesPerRow     int     `json:"tiles_per_row"`
		ContentsSize    float64 `json:"contents_size"`
		ContentsLeading float64 `json:"contents_leading"`
	} `json:"front"`
}

// HeadingStyle is the style of one heading level.
type HeadingStyle struct {
	Size        float64 `json:"size"`
	Leading     float64 `json:"leading"`
	SpaceBefore float64 `json:"space_before"`
	SpaceAfter  float64 `json:"space_after"`
}

// rgb is a colour.
type rgb struct{ r, g, b int }

// CheckStyle reports whether data is a valid style override (see
// STYLE-KEYS.md): known keys, values in range, colours as "#RRGGBB".
func CheckStyle(data []byte) error {
	_, err := loadStyle(data)
	return err
}

// loadStyle parses the embedded default style and applies override (a JSON
// object with any subset of the keys) on top of it.
func loadStyle(override []byte) (*Style, error) {
	data, err := fs.ReadFile(assets.FS, defaultStyleFile)
	if err != nil {
		return nil, fmt.Errorf("style %s: %v", defaultStyleFile, err)
	}
	st := &Style{}
	if err := decodeStyle(data, st); err != nil {
		return nil, fmt.Errorf("style %s: %v", defaultStyleFile, err)
	}
	if len(bytes.TrimSpace(override)) > 0 {
		if err := decodeStyle(override, st); err != nil {
			return nil, fmt.Errorf("style override: %v", err)
		}
	}
	if err := st.check(); err != nil {
		return nil, err
	}
	return st, nil
}

func decodeStyle(data []byte, st *Style) error {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	return dec.Decode(st)
}

// check rejects values that would make layout impossible.
func (st *Style) check() error {
	if len(st.Headings) == 0 {
		return fmt.Errorf("style: headings: at least one level is needed")
	}
	pos := map[string]float64{
		"body.size": st.Body.Size, "body.leading": st.Body.Leading,
		"table.size": st.Table.Size, "table.leading": st.Table.Leading,
		"code.size": st.Code.Size, "code.leading": st.Code.Leading,
		"footnote.size": st.Footnote.Size, "footnote.leading": st.Footnote.Leading,
		"furniture.size": st.Furniture.Size, "cover.title_size": st.Cover.TitleSize,
	}
	for _, k := range slices.Sorted(maps.Keys(pos)) {
		if v := pos[k]; !(v > 0 && v < 200) {
			return fmt.Errorf("style: %s = %v: want a size between 0 and 200 pt", k, v)
		}
	}
	for i, h := range st.Headings {
		if !(h.Size > 0 && h.Size < 200 && h.Leading > 0 && h.Leading < 300) {
			return fmt.Errorf("style: headings[%d]: size and leading must be positive", i)
		}
	}
	if st.Front.TilesPerRow < 1 {
		st.Front.TilesPerRow = 4
	}
	for _, m := range []float64{st.Page.MarginLeft, st.Page.MarginRight, st.Page.MarginTop, st.Page.MarginBottom} {
		if m < 0 || m > 80 {
			return fmt.Errorf("style: page margins must be between 0 and 80 mm")
		}
	}
	for _, c := range []string{st.Colors.Text, st.Colors.Accent, st.Colors.Grey, st.Colors.Hairline,
		st.Colors.Tint, st.Colors.Zebra, st.Colors.CodeBackground, st.Colors.Marking} {
		if _, err := parseColor(c); err != nil {
			return fmt.Errorf("style: colors: %v", err)
		}
	}
	return nil
}

// heading returns the style of heading level (1-based).
func (st *Style) heading(level int) HeadingStyle {
	if level < 1 {
		level = 1
	}
	if level > len(st.Headings) {
		level = len(st.Headings)
	}
	return st.Headings[level-1]
}

// color returns a colour of the style; the style was checked on load.
func (st *Style) color(s string) rgb {
	c, _ := parseColor(s)
	return c
}

func parseColor(s string) (rgb, error) {
	h := strings.TrimPrefix(s, "#")
	if len(h) != 6 {
		return rgb{}, fmt.Errorf("colour %q: want #RRGGBB", s)
	}
	v, err := strconv.ParseUint(h, 16, 32)
	if err != nil {
		return rgb{}, fmt.Errorf("colour %q: want #RRGGBB", s)
	}
	return rgb{int(v >> 16 & 0xff), int(v >> 8 & 0xff), int(v & 0xff)}, nil
}
