package web

import (
	"crypto/sha256"
	"encoding/base64"
	"html/template"
)

// view is what one page shows: the join form, a refused card, or a ballot.
type view struct {
	Title string
	// Page is "join", "refused" or "ballot".
	Page string
	// Action is the ballot's address (/c/CODE); Token the form's
	// cross-site token.
	Action, Token string
	Error, Saved  string
	// State is the ballot's fingerprint and Poll the milliseconds between
	// the script's checks of it; Refresh the seconds between reloads when
	// scripts are off (only where there is no form to lose).
	State   string
	Poll    int
	Refresh int
	Budget  int
	B       ballot
}

// pageCSS is the page's only style sheet, inline (the CSP names its hash).
// Colours: text #111 on #fff (18:1), links and buttons #0a4f99 (8:1 on
// white, white on it), errors #9b0015 on #fff1f1 (8:1), success #0b5d2b on
// #eef8f0 (7:1), muted text #3d3d3d (11:1).
const pageCSS = `
*{box-sizing:border-box}
html{font-size:100%;-webkit-text-size-adjust:100%}
body{margin:0;font:1.0625rem/1.5 system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;color:#111;background:#fff}
main{max-width:36rem;margin:0 auto;padding:1rem}
h1{font-size:1.5rem;line-height:1.25;margin:.5rem 0 .75rem}
.where{font-weight:700;margin:0}
.stage,.foot,.help{color:#3d3d3d;margin:.25rem 0}
a{color:#0a4f99}
fieldset{border:2px solid #767676;border-radius:.5rem;margin:0 0 1rem;padding:.5rem .75rem .75rem}
legend{font-weight:700;padding:0 .25rem;overflow-wrap:anywhere}
.opts{display:flex;flex-wrap:wrap;gap:.5rem}
.opts label,.row{display:flex;align-items:center;gap:.5rem;min-height:3rem;padding:.5rem .75rem;border:2px solid #767676;border-radius:.5rem;cursor:pointer}
.opts label{min-width:3.5rem;justify-content:center}
.col{flex-direction:column;align-items:stretch}
.col label{justify-content:flex-start}
.row{margin:.5rem 0;overflow-wrap:anywhere}
input[type=radio],input[type=checkbox]{width:1.5rem;height:1.5rem;margin:0;accent-color:#0a4f99;flex:none}
label:has(input:checked){background:#e6effa;border-color:#0a4f99}
.rank{margin:0 0 1rem}
.rank label{display:block;font-weight:700;margin-bottom:.25rem;overflow-wrap:anywhere}
select,input[type=text]{font:inherit;width:100%;min-height:3rem;padding:.5rem;border:2px solid #767676;border-radius:.5rem;background:#fff;color:#111}
input[type=text]{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:1.5rem;letter-spacing:.1em;text-transform:uppercase}
button{font:inherit;font-weight:700;width:100%;min-height:3.25rem;margin:.5rem 0 1rem;border:0;border-radius:.5rem;background:#0a4f99;color:#fff;cursor:pointer}
:focus-visible{outline:3px solid #111;outline-offset:3px}
label:has(input:focus-visible){outline:3px solid #111;outline-offset:3px}
.err{background:#fff1f1;color:#9b0015;border:2px solid #9b0015;border-radius:.5rem;padding:.75rem;margin:.5rem 0 1rem;font-weight:700}
.ok{background:#eef8f0;color:#0b5d2b;border:2px solid #0b5d2b;border-radius:.5rem;padding:.75rem;margin:.5rem 0 1rem}
.results{padding:0;list-style:none}
.results li{display:flex;gap:.75rem;padding:.5rem 0;border-bottom:1px solid #767676}
.rk{font-weight:700;min-width:2.5rem}.tx{flex:1;overflow-wrap:anywhere}.sc{white-space:nowrap}
.sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
`

// pageJS refreshes the page when the facilitator changes what it shows,
// unless the participant has started filling the form (then it says so),
// and counts the dots placed. The page works without it.
const pageJS = `(function(){
var d=document,m=d.querySelector('meta[name=forum-state]'),p=d.querySelector('meta[name=forum-poll]');
var f=d.querySelector('form[data-budget]'),o=d.getElementById('spent');
function count(){var n=0;f.querySelectorAll('input[type=radio]:checked').forEach(function(i){n+=+i.value});o.textContent=n+' of '+f.getAttribute('data-budget')+' dots placed.'}
if(f&&o){f.addEventListener('change',count);count()}
if(!m||!p||!window.fetch)return;
var s=m.content,u=location.pathname.replace(/\/$/,'')+'/state',dirty=false,told=false;
d.addEventListener('change',function(){dirty=true});
function tick(){fetch(u,{cache:'no-store',credentials:'omit'}).then(function(r){return r.ok?r.text():null}).then(function(t){
if(t!==null&&t.trim()!==s){if(!dirty){location.replace(location.pathname);return}
if(!told){told=true;d.getElementById('status').textContent='The facilitator has changed the vote: reload the page to see it.'}}
}).catch(function(){}).then(function(){setTimeout(tick,+p.content)})}
setTimeout(tick,+p.content)})();`

// csp is the pages' Content-Security-Policy: nothing but the inline style
// and script above, fetches to this server, and forms posted to it.
var csp = "default-src 'none'; style-src '" + hash(pageCSS) + "'; script-src '" + hash(pageJS) +
	"'; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"

// hash is a CSP source for an inline element's text.
func hash(s string) string {
	h := sha256.Sum256([]byte(s))
	return "sha256-" + base64.StdEncoding.EncodeToString(h[:])
}

var pageTmpl = template.Must(template.New("page").Parse(`<!DOCTYPE html>
<html lang="en-GB"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{.Title}}</title>
{{if .Poll}}<meta name="forum-state" content="{{.State}}"><meta name="forum-poll" content="{{.Poll}}">{{end}}
{{if .Refresh}}<noscript><meta http-equiv="refresh" content="{{.Refresh}}"></noscript>{{end}}
<style>` + pageCSS + `</style>
</head><body><main>
{{if eq .Page "ballot"}}{{with .B}}<p class="where">{{.Area}} · {{.Table}}</p><p class="stage">{{.Event}} · stage: {{.Stage}}</p>{{end}}{{end}}
<div id="status" role="status" aria-live="polite">{{if .Saved}}<p class="ok">{{.Saved}}</p>{{end}}</div>
{{if .Error}}<p class="err" role="alert">{{.Error}}</p>{{end}}
{{if eq .Page "ballot"}}{{template "ballot" .}}{{else}}{{template "join" .}}{{end}}
</main><script>` + pageJS + `</script></body></html>
{{define "join"}}<h1>{{if eq .Page "refused"}}This card cannot vote{{else}}Your ballot{{end}}</h1>
<form method="post" action="/join">
<label for="code" class="where">The code on your card</label>
<p class="help" id="code-help">8 letters and digits, like K7DP-3MXQ. Keep it to yourself: it is your vote.</p>
<input type="text" id="code" name="code" required autocomplete="off" autocapitalize="characters" spellcheck="false" maxlength="16" aria-describedby="code-help">
<button type="submit">Open my ballot</button>
</form>
<p class="foot">Your ballot is anonymous: it is kept under your card, not your name or your phone.</p>{{end}}
{{define "ballot"}}{{$kind := .B.Kind}}<h1>{{.B.Heading}}</h1>
{{if eq $kind "waiting"}}<p class="help">{{.B.Help}}</p>
{{else if .B.Open}}<p class="help" id="help">{{.B.Help}}</p>
{{if and .B.Cast (not .Saved)}}<p class="ok">Your ballot in round {{.B.Round}} is saved and hidden until the facilitator closes the vote. You can change it and send it again.</p>{{end}}
<form method="post" action="{{.Action}}"{{if eq $kind "dots"}} data-budget="{{.Budget}}"{{end}}>
<input type="hidden" name="t" value="{{.Token}}"><input type="hidden" name="kind" value="{{$kind}}">
{{if eq $kind "approval"}}<fieldset aria-describedby="help"><legend>Items you say yes to</legend>
{{range .B.Items}}<label class="row"><input type="checkbox" name="{{.Name}}" value="1"{{if .Checked}} checked{{end}}><span>{{.Text}}</span></label>
{{end}}</fieldset>
{{else if eq $kind "borda"}}{{range .B.Items}}<div class="rank"><label for="{{.Name}}">{{.Text}}</label>
<select id="{{.Name}}" name="{{.Name}}" aria-describedby="help">{{range .Choices}}<option value="{{.Value}}"{{if .On}} selected{{end}}>{{.Label}}</option>{{end}}</select></div>
{{end}}{{else}}{{range .B.Items}}{{$name := .Name}}<fieldset aria-describedby="help"><legend>{{.Text}}</legend><div class="opts{{if ne $kind "dots"}} col{{end}}">
{{range .Choices}}<label><input type="radio" name="{{$name}}" value="{{.Value}}"{{if .On}} checked{{end}}><span>{{.Label}}{{if eq $kind "dots"}}<span class="sr"> dots</span>{{end}}</span></label>
{{end}}</div></fieldset>
{{end}}{{end}}{{if eq $kind "dots"}}<p id="spent" aria-live="polite"></p>{{end}}
<button type="submit">Send my ballot</button>
</form>
{{else}}<p class="help">Round {{.B.Round}} is closed and its result revealed.</p>
<ol class="results">{{range .B.Results}}<li>{{if .Rank}}<span class="rk">{{.Rank}}</span>{{end}}<span class="tx">{{.Text}}</span><span class="sc">{{.Score}}</span></li>
{{end}}</ol>{{with .B.Verdict}}<p>{{.}}</p>{{end}}
{{end}}<p class="foot">Your ballot is anonymous: it is kept under your card, not your name or your phone. <a href="{{.Action}}">Reload</a></p>{{end}}
`))
