package nl.vermissing.police.domain;

import nl.vermissing.vocabulary.CapTime;
import java.time.Instant;
import java.time.ZoneId;

/** An earlier CAP message, referred to as {@code sender,identifier,sent}. */
public record CapReference(String sender, String identifier, Instant sent) {

  public String format(ZoneId zone) {
    return CapDocument.token(sender) + "," + CapDocument.token(identifier) + "," + CapTime.format(sent, zone);
  }
}
