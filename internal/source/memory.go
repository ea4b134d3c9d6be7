package source

import (
	"fmt"
	"io"
	"strings"
)

// ReadAll reads a whole stream (standard input) called name in messages,
// refusing more than max bytes (max <= 0 means DefaultMaxSize): at most
// max+1 bytes are read, so an endless stream is cut short. Errors read
// "name: cannot read: …" and wrap ErrTooLarge where it applies.
func ReadAll(name string, r io.Reader, max int64) ([]byte, error) {
	if max <= 0 {
		max = DefaultMaxSize
	}
	data, err := io.ReadAll(io.LimitReader(r, max+1))
	if err != nil {
		return nil, fmt.Errorf("%s: cannot read: %w", name, err)
	}
	if int64(len(data)) > max {
		return nil, fmt.Errorf("%s: cannot read: %w: it holds more than %s, the limit (raise it with --max-input-size)", name, ErrTooLarge, FormatSize(max))
	}
	return data, nil
}

// DecodeWith decodes data, the content of the source called name, as
// ReadWith decodes a file: as Decode does, or from o.Encoding when it is
// set, refusing binary data. o.MaxSize is not used: data is already read.
func DecodeWith(name string, data []byte, o ReadOptions) (*File, error) {
	if o.Encoding == nil {
		return Decode(name, data)
	}
	enc := *o.Encoding
	if !strings.HasPrefix(enc.Name, "UTF-16") {
		if err := checkNoNUL(name, data, "byte"); err != nil {
			return nil, err
		}
	}
	return decodeText(name, data, enc)
}
