package nl.vermissing.police.domain;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import nl.vermissing.events.CapMsgType;
import nl.vermissing.events.PoliceAlert;

/**
 * Which earlier messages a CAP Update or Cancel refers to: the references the convenant gave (identifiers, or full
 * {@code sender,identifier,sent} triples), else every earlier message of the same case. A first Alert refers to none.
 */
public final class CapReferences {

  private CapReferences() {}

  public static List<CapReference> of(CaseAlert alertCase, PoliceAlert message) {
    List<CapReference> references = new ArrayList<>();
    List<String> given = message.getReferences();
    if (given != null && !given.isEmpty()) {
      for (String reference : given) {
        resolve(alertCase, reference).ifPresent(references::add);
      }
      return references;
    }
    if (message.getMsgType() == CapMsgType.Alert) {
      return references;
    }
    for (PoliceAlert earlier : alertCase.earlierThan(message.getIdentifier())) {
      references.add(new CapReference(earlier.getSender(), earlier.getIdentifier(), earlier.getSent()));
    }
    return references;
  }

  private static Optional<CapReference> resolve(CaseAlert alertCase, String reference) {
    String[] parts = reference.trim().split(",");
    String identifier = parts.length == 3 ? parts[1] : reference.trim();
    Optional<PoliceAlert> known = alertCase.message(identifier);
    if (known.isPresent()) {
      PoliceAlert m = known.get();
      return Optional.of(new CapReference(m.getSender(), m.getIdentifier(), m.getSent()));
    }
    if (parts.length == 3) {
      try {
        return Optional.of(new CapReference(parts[0], parts[1], OffsetDateTime.parse(parts[2]).toInstant()));
      } catch (DateTimeParseException e) {
        return Optional.empty();
      }
    }
    return Optional.empty();
  }
}
