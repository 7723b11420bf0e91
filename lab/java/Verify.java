// Verify: runs Java's default TLS trust manager (JSSE over PKIX) on a batch of lab cases.
//
// Usage: java --add-exports java.base/sun.security.util=ALL-UNNAMED -cp lab/.build/java Verify [cases.json]
//        (no argument or "-": read the cases from stdin; "-version": print the version)
//
// Output: a JSON array of LabResult objects, one result per line, flushed as it goes.
// JDK classes only; the small JSON reader/writer below is this file's own.

import java.io.ByteArrayInputStream;
import java.io.FileInputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.security.cert.CRL;
import java.security.cert.CertPathBuilder;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertStore;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.CollectionCertStoreParameters;
import java.security.cert.PKIXBuilderParameters;
import java.security.cert.PKIXRevocationChecker;
import java.security.cert.X509CertSelector;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.CertPathTrustManagerParameters;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import sun.security.util.HostnameChecker;

public final class Verify {
    static final long PER_CASE_TIMEOUT_SECONDS = 60;

    /** Thrown for inputs the lab cannot run at all (reported as skipped, not refused). */
    static final class Skip extends Exception {
        private static final long serialVersionUID = 1L;

        Skip(String msg) { super(msg); }
    }

    static String version() {
        String name = System.getProperty("java.runtime.name", "Java");
        String v = System.getProperty("java.version", "?");
        return (name.contains("OpenJDK") ? "OpenJDK" : name) + " " + v;
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("-version")) {
            System.out.println(version());
            return;
        }
        byte[] input;
        try (InputStream in = (args.length > 0 && !args[0].equals("-")) ? new FileInputStream(args[0]) : System.in) {
            input = in.readAllBytes();
        }
        Object parsed = new Json(new String(input, StandardCharsets.UTF_8)).parseDocument();
        if (!(parsed instanceof List)) {
            System.err.println("cases are not a JSON array of LabCase");
            System.exit(2);
        }
        List<?> cases = (List<?>) parsed;
        PrintStream out = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), false, StandardCharsets.UTF_8);
        String version = version();
        ExecutorService pool = newPool();
        out.print("[\n");
        for (int i = 0; i < cases.size(); i++) {
            @SuppressWarnings("unchecked")
            Map<String, Object> c = (Map<String, Object>) cases.get(i);
            Map<String, Object> r;
            Future<Map<String, Object>> f = pool.submit(() -> runCase(c, version));
            try {
                r = f.get(PER_CASE_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            } catch (TimeoutException te) {
                f.cancel(true);
                pool.shutdownNow();
                pool = newPool(); // the stuck worker is a daemon thread; leave it
                r = result(c, version);
                r.put("skipped", "validation did not return within " + PER_CASE_TIMEOUT_SECONDS + " s");
            } catch (Exception e) {
                r = result(c, version);
                r.put("skipped", "runner error: " + causeChain(e));
            }
            out.print(Json.write(r));
            out.print(i < cases.size() - 1 ? ",\n" : "\n");
            out.flush();
        }
        out.print("]\n");
        out.flush();
        System.exit(0);
    }

    static ExecutorService newPool() {
        return Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "verify");
            t.setDaemon(true);
            return t;
        });
    }

    static Map<String, Object> result(Map<String, Object> c, String version) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("id", c.get("id"));
        r.put("verifier", "java");
        r.put("version", version);
        r.put("accepts", null);
        r.put("error", null);
        return r;
    }

    static void addDetail(Map<String, Object> r, String s) {
        Object d = r.get("detail");
        r.put("detail", d == null ? s : d + "; " + s);
    }

    static void refuse(Map<String, Object> r, String error) {
        r.put("accepts", Boolean.FALSE);
        r.put("error", error);
    }

    static String causeChain(Throwable e) {
        StringBuilder sb = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (sb.length() > 0) sb.append(" <- caused by: ");
            sb.append(t.getClass().getName()).append(": ").append(t.getMessage());
            if (t instanceof CertPathValidatorException) {
                CertPathValidatorException v = (CertPathValidatorException) t;
                sb.append(" [index=").append(v.getIndex()).append(", reason=").append(v.getReason()).append(']');
            }
            if (t.getCause() == t) break;
        }
        return sb.toString();
    }

    static String str(Map<String, Object> c, String k) {
        Object v = c.get(k);
        return v instanceof String ? (String) v : null;
    }

    static List<String> strs(Map<String, Object> c, String k) {
        List<String> out = new ArrayList<>();
        Object v = c.get(k);
        if (v instanceof List) for (Object o : (List<?>) v) if (o instanceof String) out.add((String) o);
        return out;
    }

    static X509Certificate parseCert(CertificateFactory cf, String pem) throws CertificateException {
        return (X509Certificate) cf.generateCertificate(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
    }

    static Map<String, Object> runCase(Map<String, Object> c, String version) {
        Map<String, Object> r = result(c, version);
        try {
            check(c, r);
        } catch (Skip s) {
            r.put("accepts", null);
            r.put("error", null);
            r.put("skipped", s.getMessage());
        } catch (Throwable t) {
            // Anything not foreseen: keep the batch going, say what happened.
            r.put("accepts", null);
            r.put("error", null);
            r.put("skipped", "unexpected exception: " + causeChain(t));
        }
        return r;
    }

    static void check(Map<String, Object> c, Map<String, Object> r) throws Exception {
        String role = str(c, "role");
        if (!"server".equals(role) && !"client".equals(role)) throw new Skip("unknown role " + role);
        Date at;
        try {
            at = Date.from(Instant.parse(str(c, "at")));
        } catch (Exception e) {
            throw new Skip("bad 'at' time: " + e.getMessage());
        }
        CertificateFactory cf = CertificateFactory.getInstance("X.509");

        // The chain the peer sends: leaf, then intermediates in order.
        List<String> sent = new ArrayList<>();
        sent.add(str(c, "leaf"));
        sent.addAll(strs(c, "intermediates"));
        X509Certificate[] chain = new X509Certificate[sent.size()];
        for (int i = 0; i < sent.size(); i++) {
            try {
                chain[i] = parseCert(cf, sent.get(i));
            } catch (CertificateException e) {
                refuse(r, e.getMessage());
                addDetail(r, (i == 0 ? "the leaf" : "intermediate " + (i - 1)) + " could not be parsed; JSSE aborts the handshake ('Failed to parse "
                        + ("server".equals(role) ? "server" : "client") + " certificates'): " + causeChain(e));
                return;
            }
        }

        // Trust store: a program loading these PEM roots fails if one does not parse.
        KeyStore ks = KeyStore.getInstance(KeyStore.getDefaultType());
        ks.load(null, null);
        List<String> roots = strs(c, "roots");
        for (int i = 0; i < roots.size(); i++) {
            try {
                ks.setCertificateEntry("root" + i, parseCert(cf, roots.get(i)));
            } catch (CertificateException e) {
                refuse(r, e.getMessage());
                addDetail(r, "root " + i + " could not be parsed, so a Java program cannot build this trust store: " + causeChain(e));
                return;
            }
        }

        PKIXBuilderParameters params;
        try {
            params = new PKIXBuilderParameters(ks, new X509CertSelector());
        } catch (java.security.InvalidAlgorithmParameterException e) {
            refuse(r, e.getMessage());
            addDetail(r, "the trust store cannot be used: " + causeChain(e));
            return;
        }
        params.setDate(at);

        Object md = c.get("maxDepth");
        if (md instanceof Number) {
            int depth = ((Number) md).intValue();
            params.setMaxPathLength(depth);
            addDetail(r, "PKIXBuilderParameters.setMaxPathLength(" + depth + ")");
        }

        List<String> crlPems = strs(c, "crls");
        if (crlPems.isEmpty()) {
            params.setRevocationEnabled(false); // what JSSE does by default
        } else {
            List<CRL> crls = new ArrayList<>();
            for (int i = 0; i < crlPems.size(); i++) {
                try {
                    crls.add(cf.generateCRL(new ByteArrayInputStream(crlPems.get(i).getBytes(StandardCharsets.US_ASCII))));
                } catch (java.security.cert.CRLException e) {
                    refuse(r, e.getMessage());
                    addDetail(r, "CRL " + i + " could not be parsed: " + causeChain(e));
                    return;
                }
            }
            params.setRevocationEnabled(true);
            params.addCertStore(CertStore.getInstance("Collection", new CollectionCertStoreParameters(crls)));
            PKIXRevocationChecker rc = (PKIXRevocationChecker) CertPathBuilder.getInstance("PKIX").getRevocationChecker();
            // CRLs only, never OCSP; SOFT_FAIL: a certificate with no loaded CRL is not failed
            // just because its status is undetermined (there is no network to fetch one).
            rc.setOptions(EnumSet.of(PKIXRevocationChecker.Option.PREFER_CRLS,
                    PKIXRevocationChecker.Option.NO_FALLBACK,
                    PKIXRevocationChecker.Option.SOFT_FAIL));
            params.addCertPathChecker(rc);
            addDetail(r, "revocation: " + crls.size() + " CRL(s), PKIXRevocationChecker PREFER_CRLS+NO_FALLBACK+SOFT_FAIL");
        }

        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(new CertPathTrustManagerParameters(params));
        X509TrustManager tm = null;
        for (TrustManager t : tmf.getTrustManagers()) {
            if (t instanceof X509TrustManager) {
                tm = (X509TrustManager) t;
                break;
            }
        }
        if (tm == null) throw new Skip("no X509TrustManager from " + tmf.getAlgorithm());

        @SuppressWarnings("unchecked")
        Map<String, Object> host = c.get("host") instanceof Map ? (Map<String, Object>) c.get("host") : null;
        try {
            if ("server".equals(role)) {
                // TLS 1.3 passes "UNKNOWN" as the authType.
                tm.checkServerTrusted(chain, "UNKNOWN");
                if (host != null) {
                    String kind = str(host, "kind");
                    String name = str(host, "value");
                    if ("DNS".equals(kind) || "IP".equals(kind)) {
                        // As X509TrustManagerImpl.checkIdentity does for "HTTPS" endpoint identification.
                        if (name != null && name.startsWith("[") && name.endsWith("]")) name = name.substring(1, name.length() - 1);
                        HostnameChecker.getInstance(HostnameChecker.TYPE_TLS).match(name, chain[0]);
                    } else {
                        addDetail(r, "host kind " + kind + " not checked: HTTPS endpoint identification takes a DNS name or IP");
                    }
                }
            } else {
                String alg = chain[0].getPublicKey().getAlgorithm();
                String authType = (alg.equals("RSA") || alg.equals("EC") || alg.equals("DSA") || alg.equals("RSASSA-PSS")) ? alg : "UNKNOWN";
                addDetail(r, "checkClientTrusted authType " + authType);
                if (host != null) addDetail(r, "client role: JSSE does not check a client certificate's name, host ignored");
                tm.checkClientTrusted(chain, authType);
            }
        } catch (CertificateException e) {
            refuse(r, e.getMessage());
            addDetail(r, causeChain(e));
            return;
        }
        r.put("accepts", Boolean.TRUE);
        r.put("error", null);
        addDetail(r, "server".equals(role)
                ? "checkServerTrusted(" + chain.length + " certs, UNKNOWN) passed" + (host != null ? ", HTTPS host check passed" : ", no host check")
                : "checkClientTrusted(" + chain.length + " certs) passed");
    }

    /** A minimal JSON reader and writer: objects, arrays, strings, numbers, booleans, null. */
    static final class Json {
        private final String s;
        private int i;

        Json(String s) { this.s = s; }

        Object parseDocument() {
            Object v = value();
            ws();
            if (i != s.length()) throw err("trailing data");
            return v;
        }

        private RuntimeException err(String m) { return new IllegalArgumentException("JSON: " + m + " at offset " + i); }

        private void ws() {
            while (i < s.length()) {
                char ch = s.charAt(i);
                if (ch == ' ' || ch == '\n' || ch == '\r' || ch == '\t') i++;
                else break;
            }
        }

        private Object value() {
            ws();
            if (i >= s.length()) throw err("unexpected end");
            char ch = s.charAt(i);
            switch (ch) {
                case '{': return object();
                case '[': return array();
                case '"': return string();
                case 't': return literal("true", Boolean.TRUE);
                case 'f': return literal("false", Boolean.FALSE);
                case 'n': return literal("null", null);
                default: return number();
            }
        }

        private Object literal(String word, Object v) {
            if (!s.startsWith(word, i)) throw err("bad literal");
            i += word.length();
            return v;
        }

        private Object number() {
            int start = i;
            while (i < s.length() && "+-0123456789.eE".indexOf(s.charAt(i)) >= 0) i++;
            if (start == i) throw err("unexpected character");
            String t = s.substring(start, i);
            if (t.indexOf('.') < 0 && t.indexOf('e') < 0 && t.indexOf('E') < 0) {
                try { return Long.parseLong(t); } catch (NumberFormatException e) { /* fall through */ }
            }
            return Double.parseDouble(t);
        }

        private Map<String, Object> object() {
            Map<String, Object> m = new LinkedHashMap<>();
            i++;
            ws();
            if (i < s.length() && s.charAt(i) == '}') { i++; return m; }
            while (true) {
                ws();
                if (i >= s.length() || s.charAt(i) != '"') throw err("expected key");
                String k = string();
                ws();
                if (i >= s.length() || s.charAt(i) != ':') throw err("expected ':'");
                i++;
                m.put(k, value());
                ws();
                if (i >= s.length()) throw err("unexpected end");
                char ch = s.charAt(i++);
                if (ch == '}') return m;
                if (ch != ',') throw err("expected ',' or '}'");
            }
        }

        private List<Object> array() {
            List<Object> a = new ArrayList<>();
            i++;
            ws();
            if (i < s.length() && s.charAt(i) == ']') { i++; return a; }
            while (true) {
                a.add(value());
                ws();
                if (i >= s.length()) throw err("unexpected end");
                char ch = s.charAt(i++);
                if (ch == ']') return a;
                if (ch != ',') throw err("expected ',' or ']'");
            }
        }

        private String string() {
            StringBuilder sb = new StringBuilder();
            i++; // opening quote
            while (true) {
                if (i >= s.length()) throw err("unterminated string");
                char ch = s.charAt(i++);
                if (ch == '"') return sb.toString();
                if (ch != '\\') { sb.append(ch); continue; }
                if (i >= s.length()) throw err("bad escape");
                char e = s.charAt(i++);
                switch (e) {
                    case '"': sb.append('"'); break;
                    case '\\': sb.append('\\'); break;
                    case '/': sb.append('/'); break;
                    case 'b': sb.append('\b'); break;
                    case 'f': sb.append('\f'); break;
                    case 'n': sb.append('\n'); break;
                    case 'r': sb.append('\r'); break;
                    case 't': sb.append('\t'); break;
                    case 'u':
                        if (i + 4 > s.length()) throw err("bad \\u escape");
                        sb.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
                        i += 4;
                        break;
                    default: throw err("bad escape");
                }
            }
        }

        static String write(Object v) {
            StringBuilder sb = new StringBuilder();
            write(sb, v);
            return sb.toString();
        }

        private static void write(StringBuilder sb, Object v) {
            if (v == null) sb.append("null");
            else if (v instanceof Boolean || v instanceof Number) sb.append(v);
            else if (v instanceof Map) {
                sb.append('{');
                boolean first = true;
                for (Map.Entry<?, ?> e : ((Map<?, ?>) v).entrySet()) {
                    if (!first) sb.append(',');
                    first = false;
                    quote(sb, String.valueOf(e.getKey()));
                    sb.append(':');
                    write(sb, e.getValue());
                }
                sb.append('}');
            } else if (v instanceof Collection) {
                sb.append('[');
                boolean first = true;
                for (Object o : (Collection<?>) v) {
                    if (!first) sb.append(',');
                    first = false;
                    write(sb, o);
                }
                sb.append(']');
            } else quote(sb, String.valueOf(v));
        }

        private static void quote(StringBuilder sb, String str) {
            sb.append('"');
            for (int k = 0; k < str.length(); k++) {
                char ch = str.charAt(k);
                switch (ch) {
                    case '"': sb.append("\\\""); break;
                    case '\\': sb.append("\\\\"); break;
                    case '\n': sb.append("\\n"); break;
                    case '\r': sb.append("\\r"); break;
                    case '\t': sb.append("\\t"); break;
                    default:
                        if (ch < 0x20) sb.append(String.format("\\u%04x", (int) ch));
                        else sb.append(ch);
                }
            }
            sb.append('"');
        }
    }
}
