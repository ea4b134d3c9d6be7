package serve

import (
	"crypto/rand"
	"encoding/hex"
	"errors"
	"io"
	"net/http"
	"sync"
	"time"

	"github.com/briefbook/briefbook/internal/source"
)

// upload is a file built in memory from a browser's upload. It is kept
// until it expires, never written to disk.
type upload struct {
	id      string
	built   *Built
	warns   []source.Warning
	expires time.Time
}

// uploads holds the recent uploads, at most max of them, each until its
// time is up.
type uploads struct {
	mu   sync.Mutex
	max  int
	ttl  time.Duration
	now  func() time.Time
	list []*upload // oldest first
}

// add keeps b under a new random ID, dropping expired uploads and, past
// the limit, the oldest ones.
func (u *uploads) add(b *Built, ws []source.Warning) *upload {
	var raw [12]byte
	rand.Read(raw[:])
	up := &upload{id: hex.EncodeToString(raw[:]), built: b, warns: ws}
	u.mu.Lock()
	defer u.mu.Unlock()
	now := u.now()
	up.expires = now.Add(u.ttl)
	u.expireLocked(now)
	u.list = append(u.list, up)
	if len(u.list) > u.max {
		u.list = append([]*upload(nil), u.list[len(u.list)-u.max:]...)
	}
	return up
}

// get returns the upload with the given ID, nil when there is none or it
// expired.
func (u *uploads) get(id string) *upload {
	u.mu.Lock()
	defer u.mu.Unlock()
	u.expireLocked(u.now())
	for _, up := range u.list {
		if up.id == id {
			return up
		}
	}
	return nil
}

func (u *uploads) expireLocked(now time.Time) {
	keep := u.list[:0]
	for _, up := range u.list {
		if now.Before(up.expires) {
			keep = append(keep, up)
		}
	}
	clear(u.list[len(keep):])
	u.list = keep
}

// errTooLarge is an upload above the size limit.
var errTooLarge = errors.New("too large")

// readUpload reads the file of a multipart form (field "file") from r: its
// name and at most max bytes. A larger file is errTooLarge; the request
// body is cut off a little past max whatever it holds.
func readUpload(w http.ResponseWriter, r *http.Request, max int64) (name string, data []byte, err error) {
	r.Body = http.MaxBytesReader(w, r.Body, max+64<<10)
	mr, err := r.MultipartReader()
	if err != nil {
		return "", nil, err
	}
	for {
		p, err := mr.NextPart()
		if err != nil {
			var mbe *http.MaxBytesError
			if errors.As(err, &mbe) {
				return "", nil, errTooLarge
			}
			if err == io.EOF {
				return "", nil, errors.New("the form holds no file")
			}
			return "", nil, err
		}
		if p.FormName() != "file" {
			p.Close()
			continue
		}
		data, err := io.ReadAll(io.LimitReader(p, max+1))
		var mbe *http.MaxBytesError
		switch {
		case errors.As(err, &mbe), int64(len(data)) > max:
			return p.FileName(), nil, errTooLarge
		case err != nil:
			return p.FileName(), nil, err
		}
		return p.FileName(), data, nil
	}
}
