package nl.vermissing.allinone.gateway.identity;

import com.nimbusds.jose.jwk.RSAKey;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/** The identity provider's token signing key, kept in the data folder so tokens stay valid across restarts. */
final class SigningKeys {

  private SigningKeys() {}

  static RSAKey loadOrCreate(Path dir) {
    try {
      Path privateFile = dir.resolve("signing-key.private");
      Path publicFile = dir.resolve("signing-key.public");
      KeyPair pair;
      if (Files.exists(privateFile) && Files.exists(publicFile)) {
        KeyFactory rsa = KeyFactory.getInstance("RSA");
        pair = new KeyPair(
            rsa.generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(Files.readString(publicFile).trim()))),
            rsa.generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(Files.readString(privateFile).trim()))));
      } else {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        pair = generator.generateKeyPair();
        Files.createDirectories(dir);
        Files.writeString(publicFile, Base64.getEncoder().encodeToString(pair.getPublic().getEncoded()));
        Files.writeString(privateFile, Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded()));
        try {
          Files.setPosixFilePermissions(privateFile, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException ignored) {
          // not a POSIX file system
        }
      }
      return new RSAKey.Builder((RSAPublicKey) pair.getPublic())
          .privateKey((RSAPrivateKey) pair.getPrivate())
          .keyID("vermissing-embedded-1")
          .build();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException("cannot load the signing key", e);
    }
  }
}
