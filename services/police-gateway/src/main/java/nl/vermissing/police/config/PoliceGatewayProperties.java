package nl.vermissing.police.config;

import java.time.Duration;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the police gateway.
 *
 * @param escalationCheckInterval how often acknowledgement deadlines are checked
 * @param feedTimeout how long one feed connection stays open before the browser reconnects (and resumes)
 * @param feedHeartbeat interval of heartbeat comments on idle feed connections
 * @param feedMaxQueued events queued for one slow connection before it is closed (it resumes on reconnect)
 * @param capZone time zone of CAP date-times
 * @param writeTimeout how long a write waits for the broker's acknowledgement
 * @param auditPurpose purpose recorded for reads of personal data when the request names none
 * @param retentionAfterCancel how long police-facing personal data of an alert is kept after the alert is cancelled
 *     (the youth is back or the report was withdrawn); then only the non-personal facts remain
 * @param retentionCheckInterval how often the retention period of cancelled alerts is checked
 */
@ConfigurationProperties("vermissing.police")
public record PoliceGatewayProperties(Duration escalationCheckInterval, Duration feedTimeout, Duration feedHeartbeat,
    Integer feedMaxQueued, ZoneId capZone, Duration writeTimeout, String auditPurpose, Duration retentionAfterCancel,
    Duration retentionCheckInterval) {

  public PoliceGatewayProperties {
    escalationCheckInterval = escalationCheckInterval == null ? Duration.ofSeconds(1) : escalationCheckInterval;
    feedTimeout = feedTimeout == null ? Duration.ofMinutes(30) : feedTimeout;
    feedHeartbeat = feedHeartbeat == null ? Duration.ofSeconds(15) : feedHeartbeat;
    feedMaxQueued = feedMaxQueued == null ? 10_000 : feedMaxQueued;
    capZone = capZone == null ? ZoneId.of("Europe/Amsterdam") : capZone;
    writeTimeout = writeTimeout == null ? Duration.ofSeconds(10) : writeTimeout;
    auditPurpose = auditPurpose == null ? "opsporing vermiste minderjarige (convenant)" : auditPurpose;
    retentionAfterCancel = retentionAfterCancel == null ? Duration.ofDays(30) : retentionAfterCancel;
    retentionCheckInterval = retentionCheckInterval == null ? Duration.ofMinutes(1) : retentionCheckInterval;
    if (retentionAfterCancel.isNegative()) {
      throw new IllegalArgumentException("vermissing.police.retention-after-cancel must not be negative");
    }
    if (retentionCheckInterval.isNegative() || retentionCheckInterval.isZero()) {
      throw new IllegalArgumentException("vermissing.police.retention-check-interval must be positive");
    }
  }
}
