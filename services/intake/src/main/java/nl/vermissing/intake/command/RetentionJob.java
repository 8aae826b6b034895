package nl.vermissing.intake.command;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import nl.vermissing.events.YouthProfileVersion;
import nl.vermissing.intake.view.IntakeView;
import nl.vermissing.platform.security.Actor;
import nl.vermissing.platform.security.Role;
import nl.vermissing.platform.web.ApiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Data are deleted on schedule: a youth who has not been missing and whose profile has not changed for the
 * retention period ({@code intake.retention.erase-inactive-after}, default two years) is erased automatically, as if
 * staff had asked for it, with an audit record naming the retention rule.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
public class RetentionJob {

  private static final Logger log = LoggerFactory.getLogger(RetentionJob.class);

  private final ReadSide readSide;
  private final ProfileCommands commands;
  private final AccessAudit audit;
  private final Clock clock;
  private final Duration retention;

  public RetentionJob(ReadSide readSide, ProfileCommands commands, AccessAudit audit, Clock clock,
      @Value("${intake.retention.erase-inactive-after:P730D}") Duration retention) {
    this.readSide = readSide;
    this.commands = commands;
    this.audit = audit;
    this.clock = clock;
    this.retention = retention;
  }

  @Scheduled(fixedDelayString = "${intake.retention.check-interval:PT1H}", initialDelayString = "PT1M")
  public void scheduled() {
    try {
      run();
    } catch (ApiException notReady) {
      // the view is still loading; the next run will do it
    }
  }

  /** Erases every youth whose retention period has passed; returns their ids. */
  public List<String> run() {
    List<YouthProfileVersion> expired = readSide.ready().inactiveSince(clock.instant().minus(retention));
    for (YouthProfileVersion profile : expired) {
      Actor system = new Actor("retention", "Bewaartermijn", Set.of(Role.INSTITUTION_STAFF),
          profile.getInstitutionId());
      try {
        commands.erase(profile.getInstitutionId(), profile.getYouthId(), system);
        audit.read(system, "ERASE_PERSONAL_DATA",
            "/api/intake/institutions/" + profile.getInstitutionId() + "/youths/" + profile.getYouthId(),
            profile.getYouthId(), List.of("all personal fields"), "retention period of " + retention + " passed");
      } catch (RuntimeException e) {
        log.warn("retention: youth {} not erased now: {}", profile.getYouthId(), e.getMessage());
      }
    }
    return expired.stream().map(YouthProfileVersion::getYouthId).toList();
  }
}
