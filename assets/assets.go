// Package assets embeds everything the briefbook binary carries: fonts with
// their licence files, the EPUB style sheet, the default print style and
// the label table (labels/<language>.json: the words both editions print).
// Renderers read them through FS, so nothing is loaded from the system.
package assets

import "embed"

// FS holds fonts/, css/, styles/, hyph/, labels/ and icc/ (the sRGB
// profile of the PDF's output intent, with its licence).
//
//go:embed fonts/*.ttf fonts/*.txt css/*.css styles/*.json hyph/*.txt labels/*.json icc/*.icc icc/*.txt
var FS embed.FS

// Font files in FS, by role.
const (
	SerifRegular = "fonts/NotoSerif-Regular.ttf"
	SerifBold    = "fonts/NotoSerif-Bold.ttf"
	SerifItalic  = "fonts/NotoSerif-Italic.ttf"
	SansRegular  = "fonts/NotoSans-Regular.ttf"
	SansBold     = "fonts/NotoSans-Bold.ttf"
	SansItalic   = "fonts/NotoSans-Italic.ttf"
	Mono         = "fonts/DejaVuSansMono.ttf"
)

// SRGBProfile is the ICC profile of the PDF's output intent (icc/NOTICE.txt).
const SRGBProfile = "icc/sRGB.icc"

// FontFiles lists every font file in FS.
var FontFiles = []string{SerifRegular, SerifBold, SerifItalic, SansRegular, SansBold, SansItalic, Mono}
