package plain

import (
	"bufio"
	"io"
)

// readLines sends each line of in to lines until in ends. On a raw
// terminal it echoes what is typed and handles Backspace and Ctrl+C/D.
func readLines(in io.Reader, out *writer, terminal bool, lines chan<- string, stop <-chan struct{}) error {
	send := func(l string) bool {
		select {
		case lines <- l:
			return true
		case <-stop:
			return false
		}
	}
	if !terminal {
		sc := bufio.NewScanner(in)
		sc.Buffer(make([]byte, 64*1024), 1<<20)
		for sc.Scan() {
			if !send(sc.Text()) {
				return nil
			}
		}
		return sc.Err()
	}
	r := bufio.NewReader(in)
	var buf []rune
	for {
		c, _, err := r.ReadRune()
		if err != nil {
			return err
		}
		switch c {
		case '\r', '\n':
			out.echo("\r\n")
			out.typed(nil)
			if !send(string(buf)) {
				return nil
			}
			buf = nil
		case 0x7f, '\b':
			if len(buf) > 0 {
				buf = buf[:len(buf)-1]
				out.echo("\b \b")
				out.typed(buf)
			}
		case 0x03, 0x04: // Ctrl+C, Ctrl+D
			out.echo("\r\n")
			send("/quit")
			return io.EOF
		case 0x1b: // an escape sequence (arrow keys): skipped whole
			skipEscape(r)
		default:
			if c >= ' ' {
				buf = append(buf, c)
				out.echo(string(c))
				out.typed(buf)
			}
		}
	}
}

// skipEscape reads the rest of a CSI or SS3 sequence.
func skipEscape(r *bufio.Reader) {
	b, err := r.ReadByte()
	if err != nil || (b != '[' && b != 'O') {
		return
	}
	for {
		c, err := r.ReadByte()
		if err != nil || (c >= 0x40 && c <= 0x7e) {
			return
		}
	}
}
