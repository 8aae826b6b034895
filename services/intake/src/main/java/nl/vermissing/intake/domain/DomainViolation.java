package nl.vermissing.intake.domain;

/** A command breaks a domain rule; {@link #field()} names the input at fault (for the HTTP problem answer). */
public class DomainViolation extends RuntimeException {

  private final String field;

  public DomainViolation(String field, String message) {
    super(message);
    this.field = field;
  }

  public String field() {
    return field;
  }
}
