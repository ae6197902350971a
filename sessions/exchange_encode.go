package sessions

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
)

// encodeExchange writes an exchange as indented JSON with snake_case keys:
// exactly what json.Encoder with SetIndent("", "  ") followed by
// renameKeys(…, snakeName) writes, made as exportTo makes it (see wire).
func encodeExchange(x Exchange) ([]byte, error) {
	x.Format, x.Version = ExchangeFormat, ExchangeVersion
	var out bytes.Buffer
	ind := newIndenter(&out, snakeName)
	w := newWire(ind)
	w.exchange(x)
	if w.err != nil {
		return nil, fmt.Errorf("writing JSON: %w", w.err)
	}
	w.flush(true)
	ind.feed([]byte{'}'})
	if err := ind.end(); err != nil {
		return nil, err
	}
	return out.Bytes(), nil
}

// exportBytes is encodeExchange(exchangeOf(all)) (see exportTo).
func exportBytes(all Snapshot) ([]byte, error) {
	var out bytes.Buffer
	if err := exportTo(&out, all); err != nil {
		return nil, err
	}
	return out.Bytes(), nil
}

// exportTo writes encodeExchange(exchangeOf(all)) to w, made on two
// cores: the areas' syntheses (derived from the rest, and the slowest
// part) are drafted and encoded while the stored records are written
// (see wire), and their JSON is put where json.Marshal writes it, as the
// object's last field. The indented text is written as it is made, so a
// digest of it never holds it whole.
func exportTo(w io.Writer, all Snapshot) error {
	var syn []byte
	var synErr error
	done := make(chan struct{})
	go func() {
		defer close(done)
		if briefs := areaBriefs(all); len(briefs) > 0 {
			syn, synErr = json.Marshal(briefs)
		}
	}()
	ind := newIndenter(w, snakeName)
	out := newWire(ind)
	out.exchange(storedExchange(all))
	<-done
	err := out.err
	if err == nil {
		err = synErr
	}
	if err != nil {
		return fmt.Errorf("writing JSON: %w", err)
	}
	out.flush(true)
	if syn != nil {
		ind.feed([]byte(`,"AreaSyntheses":`))
		ind.feed(syn)
	}
	ind.feed([]byte{'}'})
	return ind.end()
}
