package fonts

// User is the font files a user gave for one build (style keys naming
// files, --font-dir), each opened and checked once before any document is
// built. Renderers read it through render.Options; a nil *User means the
// embedded fonts only.
type User struct {
	// Roles replaces the embedded face of a style role ("serif",
	// "sans_bold", "mono", …: the keys of the style's "fonts" object).
	Roles map[string]*Face
	// Fallback faces draw characters the role faces lack, tried in order.
	Fallback []*Face
}

// Role returns the user's face for role, or nil.
func (u *User) Role(role string) *Face {
	if u == nil {
		return nil
	}
	return u.Roles[role]
}

// Fallbacks returns the fallback faces; nil for a nil *User.
func (u *User) Fallbacks() []*Face {
	if u == nil {
		return nil
	}
	return u.Fallback
}
