package nl.vermissing.intake.domain;

/** The command is impossible in the case's current state (answered as 409 with the case). */
public class TransitionRefused extends RuntimeException {
  public TransitionRefused(String message) {
    super(message);
  }
}
