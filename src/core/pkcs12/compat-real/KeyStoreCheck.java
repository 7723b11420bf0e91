// Loads PKCS#12 files with the JDK's own KeyStore("PKCS12"), as `keytool -list -storetype PKCS12`
// does, all in one JVM. Input on stdin: one line per file, "<path>\t<password>" (a missing second
// field means no password: an empty char[], as keytool -storepass "" passes). Output: one JSON line
// per file: {"path":…,"ok":true,"privateKeys":n,"trustedCertificates":m} or {"path":…,"ok":false,"error":…}.
import java.io.BufferedReader;
import java.io.FileInputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.util.Collections;

public class KeyStoreCheck {
  static String json(String s) {
    StringBuilder b = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      if (c == '"' || c == '\\') b.append('\\').append(c);
      else if (c < 0x20) b.append(String.format("\\u%04x", (int) c));
      else b.append(c);
    }
    return b.append('"').toString();
  }

  public static void main(String[] args) throws Exception {
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    String line;
    while ((line = in.readLine()) != null) {
      if (line.isEmpty()) continue;
      String[] parts = line.split("\t", 2);
      String path = parts[0];
      char[] password = parts.length > 1 ? parts[1].toCharArray() : new char[0];
      try (FileInputStream f = new FileInputStream(path)) {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(f, password);
        int keys = 0, trusted = 0;
        for (String alias : Collections.list(ks.aliases())) {
          if (ks.isKeyEntry(alias)) keys++;
          else if (ks.isCertificateEntry(alias)) trusted++;
        }
        System.out.println("{\"path\":" + json(path) + ",\"ok\":true,\"privateKeys\":" + keys + ",\"trustedCertificates\":" + trusted + "}");
      } catch (Exception e) {
        System.out.println("{\"path\":" + json(path) + ",\"ok\":false,\"error\":" + json(e.getClass().getSimpleName() + ": " + e.getMessage()) + "}");
      }
      System.out.flush();
    }
  }
}
