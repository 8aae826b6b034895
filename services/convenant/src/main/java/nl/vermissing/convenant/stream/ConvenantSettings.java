package nl.vermissing.convenant.stream;

import java.time.Duration;
import java.util.Map;
import nl.vermissing.events.AgreementVersion;

/**
 * What the topology needs besides the topics: the built-in agreement for institutions without one, the region of
 * each institution (for regional agreements without an institution list), how often deadlines are checked, and the
 * schema-registry configuration of the Avro serdes.
 */
public record ConvenantSettings(
    AgreementVersion defaultAgreement,
    Map<String, String> institutionRegions,
    Duration timerInterval,
    Map<String, ?> registryConfig) {

  public ConvenantSettings {
    institutionRegions = institutionRegions == null ? Map.of() : Map.copyOf(institutionRegions);
    timerInterval = timerInterval == null ? Duration.ofSeconds(1) : timerInterval;
  }
}
