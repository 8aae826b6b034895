package nl.vermissing.followup.domain;

import java.util.Optional;

/**
 * One outcome per return: held, declined or not possible. A conversation cannot have been held before the youth
 * returned, nor in the future.
 */
public final class OutcomeRules {

  private OutcomeRules() {}

  /** A field at fault and why. */
  public record FieldProblem(String field, String message) {}

  public static Optional<FieldProblem> checkHeldAt(long heldAt, long returnedAt, long now) {
    if (heldAt < returnedAt) {
      return Optional.of(new FieldProblem("heldAt", "must not be before the return of the youth"));
    }
    if (heldAt > now) {
      return Optional.of(new FieldProblem("heldAt", "must not be in the future"));
    }
    return Optional.empty();
  }

  public static Optional<FieldProblem> checkSignedAt(long signedAt, long now) {
    if (signedAt > now) {
      return Optional.of(new FieldProblem("signedAt", "must not be in the future"));
    }
    return Optional.empty();
  }
}
