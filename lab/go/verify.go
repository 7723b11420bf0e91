// Command goverify runs Go's crypto/x509 certificate verification over a batch
// of lab cases, the way crypto/tls does during a handshake.
//
// Usage: goverify [cases.json]    (no argument or "-": read the cases from stdin)
//
//	goverify -version
//
// Output: a JSON array of LabResult objects, one per line, so that a caller can
// recover the finished results if the process is killed part-way.
//
// Standard library only.
package main

import (
	"bytes"
	"crypto/ecdsa"
	"crypto/ed25519"
	"crypto/rsa"
	"crypto/x509"
	"encoding/json"
	"encoding/pem"
	"fmt"
	"io"
	"os"
	"runtime"
	"strings"
	"time"
)

type hostName struct {
	Kind  string `json:"kind"`
	Value string `json:"value"`
}

type labCase struct {
	ID            string    `json:"id"`
	Role          string    `json:"role"`
	Leaf          string    `json:"leaf"`
	Intermediates []string  `json:"intermediates"`
	Roots         []string  `json:"roots"`
	Crls          []string  `json:"crls"`
	At            string    `json:"at"`
	Host          *hostName `json:"host"`
	MaxDepth      *int      `json:"maxDepth"`
}

type labResult struct {
	ID       string  `json:"id"`
	Verifier string  `json:"verifier"`
	Version  string  `json:"version"`
	Accepts  *bool   `json:"accepts"`
	Error    *string `json:"error"`
	Detail   string  `json:"detail,omitempty"`
	Skipped  string  `json:"skipped,omitempty"`
}

// perCaseTimeout bounds one Verify call; a case that takes longer is reported
// as skipped and the batch goes on (the stuck goroutine is abandoned).
const perCaseTimeout = 60 * time.Second

func boolPtr(b bool) *bool            { return &b }
func strPtr(s string) *string         { return &s }
func refuse(r *labResult, msg string) { r.Accepts = boolPtr(false); r.Error = strPtr(msg) }

// pemDER returns the DER bytes of the PEM CERTIFICATE blocks in text.
func pemDER(text string) ([][]byte, error) {
	var out [][]byte
	rest := []byte(text)
	for {
		var block *pem.Block
		block, rest = pem.Decode(rest)
		if block == nil {
			break
		}
		if block.Type != "CERTIFICATE" || len(block.Headers) != 0 {
			continue // as x509.CertPool.AppendCertsFromPEM does
		}
		out = append(out, block.Bytes)
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("no PEM CERTIFICATE block")
	}
	return out, nil
}

func addDetail(r *labResult, s string) {
	if r.Detail == "" {
		r.Detail = s
	} else {
		r.Detail += "; " + s
	}
}

func runCase(c labCase, version string) (r labResult) {
	r = labResult{ID: c.ID, Verifier: "go", Version: version}
	defer func() {
		if p := recover(); p != nil {
			r.Accepts = nil
			r.Error = nil
			r.Skipped = fmt.Sprintf("goverify panicked on this case: %v", p)
		}
	}()

	at, err := time.Parse(time.RFC3339Nano, c.At)
	if err != nil {
		r.Skipped = "bad 'at' time: " + err.Error()
		return
	}

	// The certificates the peer sends: leaf then intermediates. crypto/tls
	// parses every one of them and aborts the handshake on the first failure.
	sent := []string{c.Leaf}
	sent = append(sent, c.Intermediates...)
	var certs []*x509.Certificate
	for i, p := range sent {
		ders, err := pemDER(p)
		if err != nil {
			r.Skipped = fmt.Sprintf("input %d of the sent chain is not PEM: %v", i, err)
			return
		}
		for _, der := range ders {
			cert, err := x509.ParseCertificate(der)
			if err != nil {
				refuse(&r, err.Error())
				which := "leaf"
				if i > 0 {
					which = fmt.Sprintf("intermediate %d", i-1)
				}
				wrap := "tls: failed to parse certificate from server: "
				if c.Role == "client" {
					wrap = "tls: failed to parse client certificate: "
				}
				addDetail(&r, fmt.Sprintf("x509.ParseCertificate failed on the %s; crypto/tls reports %q", which, wrap+err.Error()))
				return
			}
			certs = append(certs, cert)
		}
	}

	// Trust anchors: a Go program loads a PEM bundle with AppendCertsFromPEM,
	// which silently skips certificates it cannot parse. Do exactly that.
	roots := x509.NewCertPool()
	skippedRoots := 0
	for _, p := range c.Roots {
		if !roots.AppendCertsFromPEM([]byte(p)) {
			skippedRoots++
		}
	}
	if skippedRoots > 0 {
		addDetail(&r, fmt.Sprintf("%d of %d roots could not be parsed and were skipped by CertPool.AppendCertsFromPEM", skippedRoots, len(c.Roots)))
	}

	opts := x509.VerifyOptions{
		Roots:         roots,
		Intermediates: x509.NewCertPool(),
		CurrentTime:   at,
	}
	for _, ic := range certs[1:] {
		opts.Intermediates.AddCert(ic)
	}
	switch c.Role {
	case "server":
		opts.KeyUsages = []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth}
		if c.Host != nil {
			if c.Host.Kind == "DNS" || c.Host.Kind == "IP" {
				opts.DNSName = c.Host.Value
			} else {
				addDetail(&r, fmt.Sprintf("host kind %s is not checked by crypto/tls (VerifyOptions.DNSName takes a DNS name or IP)", c.Host.Kind))
			}
		}
	case "client":
		opts.KeyUsages = []x509.ExtKeyUsage{x509.ExtKeyUsageClientAuth}
		if c.Host != nil {
			addDetail(&r, "client role: crypto/tls verifies client certificates without a name, host ignored")
		}
	default:
		r.Skipped = "unknown role " + c.Role
		return
	}
	if c.MaxDepth != nil {
		addDetail(&r, fmt.Sprintf("maxDepth %d ignored: crypto/x509 has no chain depth option", *c.MaxDepth))
	}
	if len(c.Crls) > 0 {
		addDetail(&r, "CRLs ignored: crypto/x509 Verify does not check revocation")
	}

	type outcome struct {
		chains [][]*x509.Certificate
		err    error
	}
	done := make(chan outcome, 1)
	go func() {
		defer func() {
			if p := recover(); p != nil {
				done <- outcome{err: fmt.Errorf("panic in Verify: %v", p)}
			}
		}()
		ch, err := certs[0].Verify(opts)
		done <- outcome{ch, err}
	}()
	var o outcome
	select {
	case o = <-done:
	case <-time.After(perCaseTimeout):
		r.Skipped = fmt.Sprintf("Verify did not return within %s", perCaseTimeout)
		return
	}
	if o.err != nil {
		refuse(&r, o.err.Error())
		if c.Role == "client" {
			addDetail(&r, fmt.Sprintf("crypto/tls reports %q", "tls: failed to verify client certificate: "+o.err.Error()))
		}
		addDetail(&r, fmt.Sprintf("error type %T", o.err))
		return
	}

	// crypto/tls then refuses leaf keys it cannot use for the handshake.
	switch certs[0].PublicKey.(type) {
	case *rsa.PublicKey, *ecdsa.PublicKey, ed25519.PublicKey:
	default:
		if c.Role == "client" {
			refuse(&r, fmt.Sprintf("tls: client certificate contains an unsupported public key of type %T", certs[0].PublicKey))
		} else {
			refuse(&r, fmt.Sprintf("tls: server's certificate contains an unsupported type of public key: %T", certs[0].PublicKey))
		}
		addDetail(&r, "x509 Verify accepted the chain; crypto/tls refuses the key type")
		return
	}

	r.Accepts = boolPtr(true)
	var lens []string
	for _, ch := range o.chains {
		lens = append(lens, fmt.Sprint(len(ch)))
	}
	addDetail(&r, fmt.Sprintf("%d verified chain(s), lengths %s", len(o.chains), strings.Join(lens, ",")))
	return
}

func main() {
	version := runtime.Version()
	if len(os.Args) > 1 && os.Args[1] == "-version" {
		fmt.Println(version)
		return
	}
	var in io.Reader = os.Stdin
	if len(os.Args) > 1 && os.Args[1] != "-" {
		f, err := os.Open(os.Args[1])
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(2)
		}
		defer f.Close()
		in = f
	}
	data, err := io.ReadAll(in)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	var raw []json.RawMessage
	if err := json.Unmarshal(data, &raw); err != nil {
		fmt.Fprintln(os.Stderr, "cases are not a JSON array:", err)
		os.Exit(2)
	}

	out := os.Stdout
	out.WriteString("[\n")
	for i, msg := range raw {
		var c labCase
		var r labResult
		if err := json.Unmarshal(msg, &c); err != nil {
			var idOnly struct {
				ID string `json:"id"`
			}
			_ = json.Unmarshal(msg, &idOnly)
			r = labResult{ID: idOnly.ID, Verifier: "go", Version: version, Skipped: "invalid LabCase: " + err.Error()}
		} else {
			r = runCase(c, version)
		}
		var buf bytes.Buffer
		enc := json.NewEncoder(&buf)
		enc.SetEscapeHTML(false)
		if err := enc.Encode(r); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(2)
		}
		line := strings.TrimRight(buf.String(), "\n")
		if i < len(raw)-1 {
			line += ","
		}
		out.WriteString(line + "\n")
	}
	out.WriteString("]\n")
}
