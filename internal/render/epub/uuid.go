package epub

import (
	"crypto/sha1"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
)

// namespaceURL is the RFC 4122 name space for URLs.
var namespaceURL = [16]byte{0x6b, 0xa7, 0xb8, 0x11, 0x9d, 0xad, 0x11, 0xd1, 0x80, 0xb4, 0x00, 0xc0, 0x4f, 0xd4, 0x30, 0xc8}

// uuidV5 returns the RFC 4122 version 5 (SHA-1, name-based) UUID of name
// in name space ns, formatted as 8-4-4-4-12 lower-case hex.
func uuidV5(ns [16]byte, name string) string {
	h := sha1.New()
	h.Write(ns[:])
	h.Write([]byte(name))
	var u [16]byte
	copy(u[:], h.Sum(nil))
	u[6] = u[6]&0x0f | 0x50 // version 5
	u[8] = u[8]&0x3f | 0x80 // RFC 4122 variant
	return fmt.Sprintf("%x-%x-%x-%x-%x", u[0:4], u[4:6], u[6:8], u[8:10], u[10:16])
}

// bookIdentifier returns "urn:uuid:" and the version 5 UUID of the
// SHA-256 of the source text, so that the same source always gives the
// same identifier.
func bookIdentifier(source []byte) string {
	sum := sha256.Sum256(source)
	return "urn:uuid:" + uuidV5(namespaceURL, "urn:briefbook:sha256:"+hex.EncodeToString(sum[:]))
}
