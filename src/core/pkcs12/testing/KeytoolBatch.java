// Test-only helper (src/core/pkcs12/*.test.ts): runs the JDK's own `keytool -list -v -storetype
// PKCS12 -keystore FILE -storepass PASSWORD` for several FILE PASSWORD pairs in ONE JVM (a JVM
// start costs about a second). keytool's Main ends the process on an error, so exits are turned
// into exceptions for the duration. Run with:
//   java -Djava.security.manager=allow --add-opens java.base/sun.security.tools.keytool=ALL-UNNAMED KeytoolBatch.java FILE PASSWORD...
// Each row prints "=== <index> ok" or "=== <index> error", then what keytool printed.
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;

public class KeytoolBatch {
  @SuppressWarnings("removal")
  public static void main(String[] args) throws Exception {
    System.setSecurityManager(new SecurityManager() {
      @Override public void checkExit(int status) { throw new SecurityException("keytool exit " + status); }
      @Override public void checkPermission(java.security.Permission p) {}
    });
    Class<?> keytool = Class.forName("sun.security.tools.keytool.Main");
    Constructor<?> make = keytool.getDeclaredConstructor();
    make.setAccessible(true);
    Method run = keytool.getDeclaredMethod("run", String[].class, PrintStream.class);
    run.setAccessible(true);
    PrintStream stdout = System.out;
    for (int i = 0; i + 1 < args.length; i += 2) {
      ByteArrayOutputStream buffer = new ByteArrayOutputStream();
      PrintStream out = new PrintStream(buffer, true, "UTF-8");
      String result = "ok";
      System.setOut(out);
      try {
        run.invoke(make.newInstance(), new String[] {"-list", "-v", "-storetype", "PKCS12", "-keystore", args[i], "-storepass", args[i + 1]}, out);
      } catch (InvocationTargetException e) {
        result = "error";
      } finally {
        System.setOut(stdout);
      }
      stdout.println("=== " + (i / 2) + " " + result);
      stdout.print(buffer.toString("UTF-8"));
    }
  }
}
