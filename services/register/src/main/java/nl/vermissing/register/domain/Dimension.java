package nl.vermissing.register.domain;

import nl.vermissing.events.RegisterEpisode;

/** The ways national figures can be broken down. Month = month of t0 in Europe/Amsterdam. */
public enum Dimension {
  MONTH("month"),
  REGION("region"),
  INSTITUTION_TYPE("institutionType"),
  AGE_BAND("ageBand"),
  SEX("sex");

  private final String parameter;

  Dimension(String parameter) {
    this.parameter = parameter;
  }

  /** The name used in the API ({@code groupBy=month,region}) and as CSV column. */
  public String parameter() {
    return parameter;
  }

  public String valueOf(RegisterEpisode episode) {
    return switch (this) {
      case MONTH -> RegisterTime.monthOf(episode.getAbsenceAt()).toString();
      case REGION -> episode.getRegion();
      case INSTITUTION_TYPE -> episode.getInstitutionType();
      case AGE_BAND -> episode.getAgeBand().name();
      case SEX -> episode.getSex().name();
    };
  }

  /** Accepts the API name or the enum name, case-insensitive; null when unknown. */
  public static Dimension parse(String text) {
    String t = text.trim();
    for (Dimension d : values()) {
      if (d.parameter.equalsIgnoreCase(t) || d.name().equalsIgnoreCase(t.replace('-', '_'))) {
        return d;
      }
    }
    return null;
  }
}
