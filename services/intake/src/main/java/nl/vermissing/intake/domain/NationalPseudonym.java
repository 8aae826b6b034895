package nl.vermissing.intake.domain;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The national pseudonym of a youth: HMAC-SHA256 of the BSN under the national key shared by all institutions (so
 * episodes of one youth link across institutions in the register), as lowercase hex. The BSN cannot be recovered
 * from it without the key. A youth without a BSN gets a pseudonym of the youth id, which links only within the
 * profile's own history (it travels with a transfer).
 */
public final class NationalPseudonym {

  private final SecretKeySpec key;

  public NationalPseudonym(String nationalKey) {
    if (nationalKey == null || nationalKey.length() < 16) {
      throw new IllegalArgumentException("intake.pseudonym-key must be set (at least 16 characters)");
    }
    this.key = new SecretKeySpec(nationalKey.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
  }

  /** Pseudonym of a (normalised, valid) BSN. */
  public String ofBsn(String bsn) {
    return hmac(bsn);
  }

  /** Pseudonym for a youth without a BSN: keyed on the youth id, in its own namespace. */
  public String ofYouthWithoutBsn(String youthId) {
    return hmac("no-bsn:" + youthId);
  }

  private String hmac(String value) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      return HexFormat.of().formatHex(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 unavailable", e);
    }
  }
}
