package nl.vermissing.register.config;

import java.time.Duration;
import java.util.Map;
import nl.vermissing.register.domain.RegisterRules;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the register.
 *
 * @param episodeKey secret key of the keyed hash that turns a case id into an episode id (at least 16 characters;
 *     keep it stable: a new key gives every episode a new id)
 * @param retentionMonths episodes are deleted (tombstoned) this many months after their t0
 * @param retentionCheckInterval how often retention is enforced
 * @param returnConversationHours due time of a return conversation when the follow-up service announced none
 * @param repeatWindowDays an episode within this many days after the youth's previous one is a repeat
 * @param institutionTypes institution id to OPEN or CLOSED (others take the episode's placement type)
 * @param institutionRegions region of institutions that no published agreement lists
 */
@ConfigurationProperties("register")
public record RegisterProperties(String episodeKey, Integer retentionMonths, Duration retentionCheckInterval,
    Integer returnConversationHours, Integer repeatWindowDays, Map<String, String> institutionTypes,
    Map<String, String> institutionRegions) {

  public RegisterProperties {
    retentionMonths = retentionMonths == null ? 60 : retentionMonths;
    retentionCheckInterval = retentionCheckInterval == null ? Duration.ofHours(1) : retentionCheckInterval;
    returnConversationHours = returnConversationHours == null ? 72 : returnConversationHours;
    repeatWindowDays = repeatWindowDays == null ? 90 : repeatWindowDays;
    institutionTypes = institutionTypes == null ? Map.of() : Map.copyOf(institutionTypes);
    institutionRegions = institutionRegions == null ? Map.of() : Map.copyOf(institutionRegions);
  }

  public RegisterRules rules() {
    return new RegisterRules(Duration.ofHours(returnConversationHours), Duration.ofDays(repeatWindowDays),
        retentionMonths, institutionTypes, institutionRegions);
  }
}
