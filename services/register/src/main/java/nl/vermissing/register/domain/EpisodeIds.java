package nl.vermissing.register.domain;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The episode id is a keyed hash (HMAC-SHA256) of the case id: stable, so a rebuild gives the same ids, and without
 * the register's key nobody can link an episode back to an institution's case.
 */
public final class EpisodeIds {

  private static final String ALGORITHM = "HmacSHA256";
  private final SecretKeySpec key;

  public EpisodeIds(String secret) {
    if (secret == null || secret.length() < 16) {
      throw new IllegalArgumentException("the episode key must have at least 16 characters");
    }
    this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM);
  }

  public String of(String caseId) {
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(key);
      return HexFormat.of().formatHex(mac.doFinal(caseId.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException(e);
    }
  }
}
