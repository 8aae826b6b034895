package nl.vermissing.allinone;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A self-signed broker certificate for localhost and a trust store holding it, made with the JDK's keytool. */
final class TestCertificates {

  private TestCertificates() {}

  static void create(Path keyStore, Path trustStore, String password) throws IOException, InterruptedException {
    String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
    Path certificate = keyStore.resolveSibling("broker.crt");
    run(List.of(keytool, "-genkeypair", "-alias", "broker", "-keyalg", "RSA", "-keysize", "2048",
        "-dname", "CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-validity", "2",
        "-keystore", keyStore.toString(), "-storetype", "PKCS12", "-storepass", password, "-keypass", password));
    run(List.of(keytool, "-exportcert", "-alias", "broker", "-keystore", keyStore.toString(),
        "-storepass", password, "-rfc", "-file", certificate.toString()));
    run(List.of(keytool, "-importcert", "-noprompt", "-alias", "broker", "-file", certificate.toString(),
        "-keystore", trustStore.toString(), "-storetype", "PKCS12", "-storepass", password));
    Files.deleteIfExists(certificate);
  }

  private static void run(List<String> command) throws IOException, InterruptedException {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes());
    if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
      throw new IOException("keytool failed: " + output);
    }
  }
}
