package nl.vermissing.police.domain;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The personal data of a cancelled alert was removed when its retention period ended: which case, after which
 * cancel, and which personal fields. Its audit id depends only on the case and the cancel, so the removal is
 * recognised in the audit trail after a restart and recorded once.
 *
 * @param cancelIdentifier the CAP identifier of the cancel the period was counted from
 * @param removedAt the end of the retention period
 * @param fields the personal fields that were removed (photo included)
 */
public record RetentionExpiry(String caseId, String policeUnit, String youthId, String cancelIdentifier,
    Instant removedAt, List<String> fields) {

  public RetentionExpiry {
    fields = List.copyOf(fields);
  }

  public String auditId() {
    return UUID.nameUUIDFromBytes(("police-retention|" + caseId + "|" + cancelIdentifier)
        .getBytes(StandardCharsets.UTF_8)).toString();
  }
}
