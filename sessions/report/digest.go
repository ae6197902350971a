package report

// dataAsOf heads the fact that dates the report.
var dataAsOf = Strong("Data as of: ")

// withDigest adds the event's data digest (sessions.EventDigest) to the
// report's "Data as of" line, so that a reader can check the published
// report against any copy of the event with 'forum audit verify'.
func withDigest(d Doc, digest string) Doc {
	for i, b := range d.Blocks {
		for j, item := range b.Items {
			if len(item) > 0 && item[0] == dataAsOf {
				items := append([][]Span(nil), b.Items...)
				items[j] = append(append([]Span(nil), item...), Text(" · data digest "), Span{Text: digest, Cite: true})
				d.Blocks[i].Items = items
				return d
			}
		}
	}
	return d
}
