package nl.vermissing.convenant.config;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the agreement engine.
 *
 * @param defaultRegion region of the built-in agreement
 * @param defaultPoliceUnit police unit that receives alerts of institutions without an agreement
 * @param defaultMunicipalityContact municipality notified of calamities of institutions without an agreement
 * @param defaultLegalBasis legal basis recorded for disclosures under the built-in agreement
 * @param institutionRegions region of each institution (for regional agreements without an institution list)
 * @param regionPoliceUnits police units serving each region: an agreement of a region names one of them
 * @param timerInterval how often due deadlines are checked
 * @param readYourWritesTimeout how long an agreement change waits until the service's own view shows it
 */
@ConfigurationProperties("convenant")
public record ConvenantProperties(String defaultRegion, String defaultPoliceUnit, String defaultMunicipalityContact,
    String defaultLegalBasis, Map<String, String> institutionRegions, Map<String, List<String>> regionPoliceUnits,
    Duration timerInterval, Duration readYourWritesTimeout) {

  public ConvenantProperties {
    defaultRegion = defaultRegion == null ? "flevoland" : defaultRegion;
    defaultPoliceUnit = defaultPoliceUnit == null ? "pu-midden-nederland" : defaultPoliceUnit;
    defaultMunicipalityContact = defaultMunicipalityContact == null ? "gemeente-lelystad" : defaultMunicipalityContact;
    defaultLegalBasis = defaultLegalBasis == null ? "Convenant vermissingen jeugdhulp (standaard)" : defaultLegalBasis;
    institutionRegions = institutionRegions == null ? Map.of() : Map.copyOf(institutionRegions);
    regionPoliceUnits = regionPoliceUnits == null ? Map.of() : Map.copyOf(regionPoliceUnits);
    timerInterval = timerInterval == null ? Duration.ofSeconds(1) : timerInterval;
    readYourWritesTimeout = readYourWritesTimeout == null ? Duration.ofSeconds(10) : readYourWritesTimeout;
  }
}
